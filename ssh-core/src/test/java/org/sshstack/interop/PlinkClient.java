package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * Builds and runs PuTTY {@code plink -batch -ssh} command lines against 127.0.0.1. The host key is accepted
 * only through {@code -hostkey <fingerprint>}; HOME points at the test's directory so PuTTY's host key cache and
 * saved sessions never touch the real ~/.putty.
 */
public final class PlinkClient {

    private final Path dir;
    private final List<String> options = new ArrayList<>();
    private Duration timeout = OpenSshClient.TIMEOUT;

    private PlinkClient(Path dir) {
        this.dir = dir;
    }

    /**
     * @param dir a temporary directory owned by the test (becomes HOME)
     * @return a batch-mode client
     */
    public static PlinkClient create(Path dir) {
        return new PlinkClient(dir);
    }

    /** @param fingerprint a host key fingerprint such as "SHA256:..." that plink accepts without asking */
    public PlinkClient hostKey(String fingerprint) {
        return args("-hostkey", fingerprint);
    }

    /** @param password the password for {@code -pw} */
    public PlinkClient password(String password) {
        return args("-pw", password);
    }

    /** @param ppk a PuTTY private key for {@code -i} */
    public PlinkClient identity(Path ppk) {
        return args("-i", ppk.toAbsolutePath().toString());
    }

    /** Adds {@code -v}: plink's event log goes to stderr. */
    public PlinkClient verbose() {
        return args("-v");
    }

    /**
     * Writes a PuTTY saved session ({@code $HOME/.putty/sessions/<name>}, one {@code Key=Value} line each) and
     * loads it with {@code -load}: how plink chooses algorithm families ({@code KEX}, {@code HostKey},
     * {@code Cipher}: family names in order, {@code WARN} marking where the batch-mode refusal starts).
     *
     * @param name the session's name (letters and digits only, so it needs no escaping)
     * @param settings the settings to write
     */
    public PlinkClient session(String name, Map<String, String> settings) throws IOException {
        Path sessions = Files.createDirectories(dir.resolve(".putty").resolve("sessions"));
        StringBuilder text = new StringBuilder();
        settings.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.writeString(sessions.resolve(name), text, StandardCharsets.UTF_8);
        return args("-load", name);
    }

    /** @param more further plink options, e.g. "-C" */
    public PlinkClient args(String... more) {
        options.addAll(List.of(more));
        return this;
    }

    /** @param bound how long one run may take */
    public PlinkClient timeout(Duration bound) {
        timeout = bound;
        return this;
    }

    /**
     * @param port the server's loopback port
     * @param user the login name
     * @param command the remote command words (may be empty)
     * @return the full command line
     */
    public List<String> commandLine(int port, String user, String... command) {
        List<String> line = new ArrayList<>(List.of(PeerTools.require("plink").toString(), "-batch", "-ssh",
                "-noagent", "-P", Integer.toString(port), "-l", user));
        line.addAll(options);
        line.add(Loopback.HOST);
        line.addAll(List.of(command));
        return line;
    }

    /**
     * Runs plink to completion (bounded), with no standard input.
     *
     * @param port the server's loopback port
     * @param user the login name
     * @param command the remote command words
     * @return exit code, stdout, stderr (the event log with {@link #verbose()})
     */
    public PeerTools.Result run(int port, String user, String... command) throws IOException, InterruptedException {
        return PeerTools.runIn(dir, Map.of("HOME", dir.toString()), timeout, null,
                commandLine(port, user, command).toArray(String[]::new));
    }
}
