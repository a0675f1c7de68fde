package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * Runs {@code paramiko_client.py} or {@code asyncssh_client.py} from the test resources against 127.0.0.1 (the two
 * scripts share one command line): it connects (host key not checked),
 * prints the negotiated algorithms as "kex: ...", "hostkey: ...", "cipher: c2s s2c", "mac: c2s s2c", optionally
 * authenticates and runs one command, and exits with that command's status (255 on connection or auth failure).
 * Its debug log is the result's stderr.
 */
public final class PythonClient {

    private static final Pattern LINE = Pattern.compile("^(kex|hostkey|cipher|mac): (.*)$", Pattern.MULTILINE);

    private final Path dir;
    private final String library;
    private final String script;
    private final List<String> options = new ArrayList<>();
    private Duration timeout = OpenSshClient.TIMEOUT;

    private PythonClient(Path dir, String library, String script) {
        this.dir = dir;
        this.library = library;
        this.script = script;
    }

    /**
     * @param dir a temporary directory owned by the test
     * @return a paramiko client
     */
    public static PythonClient paramiko(Path dir) {
        return new PythonClient(dir, "paramiko", "paramiko_client.py");
    }

    /**
     * @param dir a temporary directory owned by the test
     * @return an AsyncSSH client
     */
    public static PythonClient asyncssh(Path dir) {
        return new PythonClient(dir, "asyncssh", "asyncssh_client.py");
    }

    /**
     * @param user the login name
     * @param password its password
     * @return this client
     */
    public PythonClient password(String user, String password) {
        options.addAll(List.of("--user", user, "--password", password));
        return this;
    }

    /**
     * @param user the login name
     * @param privateKey an OpenSSH private key file
     * @return this client
     */
    public PythonClient key(String user, Path privateKey) {
        options.addAll(List.of("--user", user, "--key", privateKey.toAbsolutePath().toString()));
        return this;
    }

    /**
     * Restricts one algorithm family to a single name (the script's {@code --kex/--hostkey/--cipher/--mac}).
     *
     * @param family "kex", "hostkey", "cipher" or "mac"
     * @param name the one algorithm the client may offer in that family
     * @return this client
     */
    public PythonClient algorithm(String family, String name) {
        options.addAll(List.of("--" + family, name));
        return this;
    }

    /**
     * Asks the script ({@code --list}) which algorithms the library supports.
     *
     * @return the names by family ("kex", "hostkey", "cipher", "mac")
     */
    public Map<String, List<String>> supported() throws IOException, InterruptedException {
        PeerTools.Result result = PythonPeers.run(dir, library, script, OpenSshClient.TIMEOUT, List.of("--list"))
                .assertSuccess();
        return PythonPeers.supportedLines(result.stdout());
    }

    /** @param bound how long one run may take */
    public PythonClient timeout(Duration bound) {
        timeout = bound;
        return this;
    }

    /**
     * @param port the server's loopback port
     * @param command the remote command, or null to stop after connecting (and authenticating)
     * @return exit code, stdout (algorithm lines, then the command's output), stderr (debug log)
     */
    public PeerTools.Result run(int port, String command) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--port", Integer.toString(port)));
        args.addAll(options);
        if (command != null) {
            args.add(command);
        }
        return PythonPeers.run(dir, library, script, timeout, args);
    }

    /**
     * @param stdout a run's standard output
     * @return the algorithm lines it printed, by key ("kex", "hostkey", "cipher", "mac")
     */
    public static Map<String, String> algorithms(String stdout) {
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = LINE.matcher(stdout);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }
}
