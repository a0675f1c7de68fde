package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A batch of commands for an interactive SFTP client run non-interactively ({@code sftp -b}, {@code psftp -b}),
 * each with a check of its own output and of its effect on disk. The client must echo each command after a fixed
 * prompt; the merged output between two echoes is that command's output.
 */
final class SftpBatch {

    /** A check of one command: its output, and whatever it did on disk. */
    interface Check {
        /**
         * @param output what the client printed for the command
         * @return whether the command did what it should
         */
        boolean test(String output) throws IOException;
    }

    /** One batch line and its check. */
    private record Step(String label, String command, Check check) {
    }

    private final Path local;
    private final Path root;
    private final List<Step> steps = new ArrayList<>();

    /**
     * @param local the client's local working directory
     * @param root the local directory behind the server's root
     */
    SftpBatch(Path local, Path root) {
        this.local = local;
        this.root = root;
    }

    /** Adds a command and its check; the command is its row's name in the matrix. */
    void step(String command, Check check) {
        steps.add(new Step(command, command, check));
    }

    /** Adds a command (with a temporary path in it) and its check under a stable name for the matrix. */
    void step(String label, String command, Check check) {
        steps.add(new Step(label, command, check));
    }

    /**
     * Writes the batch file.
     *
     * @param file where
     * @param linePrefix put before every command (sftp's "-" keeps going after a failure)
     */
    void write(Path file, String linePrefix) throws IOException {
        write(file, List.of(), c -> linePrefix + c);
    }

    /**
     * Writes the batch file.
     *
     * @param file where
     * @param header lines before the commands
     * @param render the text for each command (for a client that does not echo: an echo line, then the command)
     */
    void write(Path file, List<String> header, UnaryOperator<String> render) throws IOException {
        List<String> lines = new ArrayList<>(header);
        steps.forEach(s -> lines.add(render.apply(s.command())));
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Records a row per command from the client's merged output.
     *
     * @param output the merged stdout and stderr
     * @param echo what precedes each echoed command, e.g. "sftp> -"
     * @param checks where the rows go
     */
    void record(String output, String echo, SftpChecks checks) throws IOException {
        List<String[]> outputs = segments(output, echo);
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            String seen = i < outputs.size() && outputs.get(i)[0].equals(step.command()) ? outputs.get(i)[1] : null;
            checks.check(step.label(), seen != null && passes(step.check(), seen),
                    seen == null ? "not run; the client said:\n" + output : seen);
        }
    }

    /** @return the check's verdict; a file it cannot read (say, one never written) fails it */
    private static boolean passes(Check check, String output) {
        try {
            return check.test(output);
        } catch (IOException e) {
            return false;
        }
    }

    /** Splits the output at the echo lines: {command, its output} in order. */
    private static List<String[]> segments(String output, String echo) {
        List<String[]> found = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (line.startsWith(echo)) {
                found.add(new String[] {line.substring(echo.length()).stripTrailing(), ""});
            } else if (!found.isEmpty()) {
                found.get(found.size() - 1)[1] += line + "\n";
            }
        }
        return found;
    }

    /** @return true when the local file and the remote one (below the root) have the same SHA-256 */
    boolean same(String localName, String remoteName) throws IOException {
        return sameFile(local.resolve(localName), root.resolve(remoteName));
    }

    /** @return true when two local files have the same SHA-256 */
    boolean sameLocal(String name, String original) throws IOException {
        return sameFile(local.resolve(name), local.resolve(original));
    }

    private static boolean sameFile(Path a, Path b) throws IOException {
        return Files.isRegularFile(a) && Files.isRegularFile(b) && SftpFiles.sha256(a).equals(SftpFiles.sha256(b));
    }

    /** @return true when the remote tree and the local one both hold exactly the files of {@code original} */
    boolean sameTree(String original, String localName, String remoteName) throws IOException {
        var expected = SftpFiles.digests(local.resolve(original));
        return Files.isDirectory(local.resolve(localName)) && Files.isDirectory(root.resolve(remoteName))
                && SftpFiles.mismatches(expected, SftpFiles.digests(root.resolve(remoteName))).isEmpty()
                && SftpFiles.mismatches(expected, SftpFiles.digests(local.resolve(localName))).isEmpty();
    }

    /** @return true when the remote file {@code name} (not following links) has this uid or gid */
    boolean owner(String name, String which, String expected) {
        try {
            return String.valueOf(Files.getAttribute(root.resolve(name), "unix:" + which, LinkOption.NOFOLLOW_LINKS))
                    .equals(expected);
        } catch (IOException e) {
            return false;
        }
    }
}
