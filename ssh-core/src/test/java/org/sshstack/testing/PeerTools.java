package org.sshstack.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds and runs the peer tools the interop tests drive. A missing tool skips the test on a laptop and
 * fails it under CI ({@code CI=true}), as DEVELOPERS.md asks.
 */
public final class PeerTools {

    private static final long TIMEOUT_SECONDS = 120;

    private PeerTools() {
    }

    /**
     * @param tool a command name such as {@code ssh-keygen}
     * @return its absolute path
     */
    public static Path require(String tool) {
        Path found = find(tool);
        if (found == null) {
            if ("true".equals(System.getenv("CI"))) {
                throw new AssertionError(tool + " is required under CI=true but is not on the PATH");
            }
            assumeTrue(false, tool + " is not installed; skipping (set CI=true to make this a failure)");
        }
        return found;
    }

    /** @return true when running under CI */
    public static boolean underCi() {
        return "true".equals(System.getenv("CI"));
    }

    private static Path find(String tool) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin:/usr/sbin:/bin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Runs a tool to completion (bounded by a timeout) with no standard input.
     *
     * @param command the command line; its first element is looked up with {@link #require}
     * @return the exit code, standard output and standard error
     */
    public static Result run(String... command) throws IOException, InterruptedException {
        return runWithInput(null, command);
    }

    /**
     * Runs a tool to completion (bounded by a timeout) feeding it standard input.
     *
     * @param stdin bytes for standard input, or null for none
     * @param command the command line
     * @return the exit code, standard output and standard error
     */
    public static Result runWithInput(byte[] stdin, String... command) throws IOException, InterruptedException {
        return runIn(null, Map.of(), Duration.ofSeconds(TIMEOUT_SECONDS), stdin, command);
    }

    /**
     * Runs a tool to completion with a working directory, extra environment variables and a timeout.
     *
     * @param workDir the working directory, or null for the JVM's
     * @param env variables added to (or replacing those of) the inherited environment
     * @param timeout how long the tool may run before it is killed and the call fails
     * @param stdin bytes for standard input, or null for none
     * @param command the command line; its first element is looked up with {@link #require} unless absolute
     * @return the exit code, standard output and standard error
     */
    public static Result runIn(Path workDir, Map<String, String> env, Duration timeout, byte[] stdin,
            String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile("peer-out", ".txt");
        Path err = Files.createTempFile("peer-err", ".txt");
        try {
            ProcessBuilder builder = builder(workDir, env, command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeout
                        + "\nstdout: " + Files.readString(out, StandardCharsets.UTF_8)
                        + "\nstderr: " + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Starts a long-running tool (a server) in the background, its standard output and error both appended to a
     * log file and its standard input empty. The caller owns the process and must end it.
     *
     * @param workDir the working directory, or null for the JVM's
     * @param env variables added to (or replacing those of) the inherited environment
     * @param log the file that receives standard output and standard error
     * @param command the command line; its first element is looked up with {@link #require} unless absolute
     * @return the started process
     */
    public static Process startBackground(Path workDir, Map<String, String> env, Path log, String... command)
            throws IOException {
        ProcessBuilder builder = builder(workDir, env, command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        return builder.start();
    }

    /**
     * Like {@link #require} for something that is not a command on the PATH (a library, an interpreter module):
     * skips the test on a laptop when it is missing, fails it under CI.
     *
     * @param available whether the prerequisite was found
     * @param what a description for the message, e.g. "paramiko for /usr/bin/python3"
     */
    public static void requireAvailable(boolean available, String what) {
        if (!available) {
            if (underCi()) {
                throw new AssertionError(what + " is required under CI=true but is not available");
            }
            assumeTrue(false, what + " is not available; skipping (set CI=true to make this a failure)");
        }
    }

    private static ProcessBuilder builder(Path workDir, Map<String, String> env, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        if (!Path.of(command[0]).isAbsolute()) {
            line.set(0, require(command[0]).toString());
        }
        ProcessBuilder builder = new ProcessBuilder(line);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().remove("SSH_AUTH_SOCK");
        builder.environment().putAll(env);
        return builder;
    }

    /**
     * What a finished tool printed.
     *
     * @param exitCode its exit code
     * @param stdout its standard output
     * @param stderr its standard error
     */
    public record Result(int exitCode, String stdout, String stderr) {

        /** @return this result, after asserting the tool exited 0 */
        public Result assertSuccess() {
            if (exitCode != 0) {
                throw new AssertionError("exit " + exitCode + "\nstdout: " + stdout + "\nstderr: " + stderr);
            }
            return this;
        }
    }
}
