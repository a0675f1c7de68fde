package org.sshstack.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, require(command[0]).toString());
        Path out = Files.createTempFile("peer-out", ".txt");
        Path err = Files.createTempFile("peer-err", ".txt");
        try {
            ProcessBuilder builder = new ProcessBuilder(line).redirectOutput(out.toFile()).redirectError(err.toFile());
            builder.environment().remove("SSH_AUTH_SOCK");
            Process process = builder.start();
            try (var in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
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
