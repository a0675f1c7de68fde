package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * Builds and runs OpenSSH {@code ssh} command lines against 127.0.0.1, hermetic: {@code -F /dev/null}, a
 * temporary known_hosts file, no agent, no default identities (only the one given), batch mode, {@code -vvv}
 * (the debug log is stderr of the result).
 */
public final class OpenSshClient {

    /** Default bound for one run. */
    public static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Path dir;
    private final Map<String, String> options = new LinkedHashMap<>();
    private Duration timeout = TIMEOUT;

    private OpenSshClient(Path dir) {
        this.dir = dir;
        options.put("UserKnownHostsFile", dir.resolve("known_hosts").toString());
        options.put("GlobalKnownHostsFile", "/dev/null");
        options.put("StrictHostKeyChecking", "no");
        options.put("BatchMode", "yes");
        options.put("ConnectTimeout", "10");
        options.put("IdentityFile", "none");
        options.put("IdentitiesOnly", "yes");
        options.put("IdentityAgent", "none");
        options.put("UpdateHostKeys", "no");
    }

    /**
     * @param dir a temporary directory owned by the test (holds known_hosts)
     * @return a client with the hermetic defaults
     */
    public static OpenSshClient create(Path dir) {
        return new OpenSshClient(dir);
    }

    /**
     * @param keyword an ssh_config keyword, e.g. "Ciphers" or "KexAlgorithms"
     * @param value its value (replaces an earlier one)
     * @return this client
     */
    public OpenSshClient option(String keyword, String value) {
        options.put(keyword, value);
        return this;
    }

    /** @param value "yes", "no" (default) or "accept-new" */
    public OpenSshClient strictHostKeyChecking(String value) {
        return option("StrictHostKeyChecking", value);
    }

    /** @param privateKey an identity file, the only one offered */
    public OpenSshClient identity(Path privateKey) {
        return option("IdentityFile", privateKey.toAbsolutePath().toString());
    }

    /** @param bound how long one run may take */
    public OpenSshClient timeout(Duration bound) {
        timeout = bound;
        return this;
    }

    /** @return the known_hosts file this client reads and writes */
    public Path knownHosts() {
        return Path.of(options.get("UserKnownHostsFile"));
    }

    /**
     * @param port the server's loopback port
     * @param user the login name
     * @param command the remote command words (may be empty)
     * @return the full command line
     */
    public List<String> commandLine(int port, String user, String... command) {
        List<String> line = new ArrayList<>(List.of(PeerTools.require("ssh").toString(), "-vvv", "-F", "/dev/null"));
        options.forEach((k, v) -> {
            line.add("-o");
            line.add(k + "=" + v);
        });
        line.addAll(List.of("-p", Integer.toString(port), user + "@" + Loopback.HOST));
        line.addAll(List.of(command));
        return line;
    }

    /**
     * Runs ssh to completion (bounded), with no standard input.
     *
     * @param port the server's loopback port
     * @param user the login name
     * @param command the remote command words
     * @return exit code (255 for connection errors), stdout, stderr with the -vvv log
     */
    public PeerTools.Result run(int port, String user, String... command) throws IOException, InterruptedException {
        return PeerTools.runIn(dir, Map.of(), timeout, null, commandLine(port, user, command).toArray(String[]::new));
    }
}
