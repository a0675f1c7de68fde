package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * A throwaway OpenSSH {@code ssh-agent} in the foreground ({@code -D}) listening on a socket in a temporary
 * directory; keys are added with {@code ssh-add}. Never uses the caller's own agent.
 */
final class SshAgent implements AutoCloseable {

    private static final Duration T = Duration.ofSeconds(30);

    private final PeerProcess process;
    private final Path dir;
    private final Path socket;

    private SshAgent(PeerProcess process, Path dir, Path socket) {
        this.process = process;
        this.dir = dir;
        this.socket = socket;
    }

    /**
     * Starts the agent and waits until it listens.
     *
     * @param dir a temporary directory owned by the test (socket and log go there)
     * @return the running agent
     */
    static SshAgent start(Path dir) throws IOException {
        PeerTools.require("ssh-add");
        Path socket = dir.resolve("agent.sock");
        PeerProcess process = PeerProcess.start("ssh-agent", dir, Map.of(), dir.resolve("agent.log"),
                PeerTools.require("ssh-agent").toString(), "-D", "-a", socket.toString());
        try {
            process.awaitLog(Pattern.compile("SSH_AUTH_SOCK"));
        } catch (RuntimeException | Error e) {
            process.close();
            throw e;
        }
        return new SshAgent(process, dir, socket);
    }

    /**
     * @param key an unencrypted private key file to add with {@code ssh-add}
     * @return this agent
     */
    SshAgent add(Path key) throws IOException, InterruptedException {
        PeerTools.runIn(dir, Map.of("SSH_AUTH_SOCK", socket.toString()), T, null, "ssh-add", key.toString())
                .assertSuccess();
        return this;
    }

    /** @return the agent's socket, for {@code SshClient.Builder.useAgent(Path)} */
    Path socket() {
        return socket;
    }

    /** Ends the agent. */
    @Override
    public void close() {
        process.close();
    }
}
