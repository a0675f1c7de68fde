package org.sshstack.interop;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * One background peer process (a server) with its log file: readiness waits bounded by Awaitility, and
 * {@link #close()} ends the process and all its children and waits for them.
 */
public final class PeerProcess implements AutoCloseable {

    /** How long a peer may take to become ready. */
    public static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private static final Duration POLL = Duration.ofMillis(20);

    private final String name;
    private final Process process;
    private final Path log;

    private PeerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a command in the background with stdout and stderr going to {@code log}.
     *
     * @param name a short name for messages, e.g. "sshd"
     * @param workDir the working directory
     * @param env extra environment variables
     * @param log the log file (created or appended to)
     * @param command the command line (first element looked up with {@link PeerTools#require} unless absolute)
     * @return the running process
     * @throws IOException if it cannot be started
     */
    public static PeerProcess start(String name, Path workDir, Map<String, String> env, Path log, String... command)
            throws IOException {
        return new PeerProcess(name, PeerTools.startBackground(workDir, env, log, command), log);
    }

    /** @return everything the process wrote to stdout and stderr so far */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the log file */
    public Path logFile() {
        return log;
    }

    /** @return true while the process runs */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** @return the process id */
    public long pid() {
        return process.pid();
    }

    /**
     * Waits until the log matches a pattern; fails early (with the log) if the process exits.
     *
     * @param pattern a regular expression searched in the log
     * @return the first match
     */
    public Matcher awaitLog(Pattern pattern) {
        Matcher[] found = new Matcher[1];
        await().atMost(READY_TIMEOUT).pollInterval(POLL).pollDelay(Duration.ZERO).until(() -> {
            Matcher m = pattern.matcher(log());
            if (m.find()) {
                found[0] = m;
                return true;
            }
            failIfDead();
            return false;
        });
        return found[0];
    }

    /**
     * Waits until 127.0.0.1:port accepts a TCP connection; fails early (with the log) if the process exits.
     *
     * @param port the port
     */
    public void awaitListening(int port) {
        await().atMost(READY_TIMEOUT).pollInterval(POLL).pollDelay(Duration.ZERO).until(() -> {
            failIfDead();
            return accepts(port);
        });
    }

    /** @return the exit code if the process has ended */
    public Optional<Integer> exitCode() {
        return process.isAlive() ? Optional.empty() : Optional.of(process.exitValue());
    }

    private void failIfDead() {
        if (!process.isAlive()) {
            throw new PeerDiedException(name + " exited with " + process.exitValue() + " before it was ready; log:\n"
                    + log());
        }
    }

    /**
     * @param port a loopback port
     * @return true when a TCP connection to 127.0.0.1:port succeeds
     */
    public static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ends the children first (sshd's per-connection processes), then the process, and waits for all. */
    @Override
    public void close() {
        var children = process.descendants().toList();
        children.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            for (ProcessHandle child : children) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            children.forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Override
    public String toString() {
        return name + "[pid " + process.pid() + ", log " + log + "]";
    }

    /** The peer process ended before it became ready (a bad config, or its port was taken). */
    public static final class PeerDiedException extends AssertionError {

        private static final long serialVersionUID = 1L;

        /** @param message what happened, with the log */
        public PeerDiedException(String message) {
            super(message);
        }
    }
}
