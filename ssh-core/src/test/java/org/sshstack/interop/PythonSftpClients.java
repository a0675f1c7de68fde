package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sshstack.testing.PeerTools;

/**
 * Runs {@code paramiko_sftp_client.py} or {@code asyncssh_sftp_client.py} from the test resources against an
 * {@link SftpTarget}. Each script prints "op NAME ok|FAIL ..." per operation; a row passes when the script says ok
 * and the operation's effect on disk is right (contents by SHA-256).
 */
final class PythonSftpClients extends SftpPeerRun {

    private static final Pattern OP = Pattern.compile("^op (.+?) (ok|FAIL.*)$", Pattern.MULTILINE);

    private final String library;

    /**
     * @param library "paramiko" or "asyncssh"
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    PythonSftpClients(String library, SftpTarget target, Path dir) {
        super(target, dir);
        this.library = library;
    }

    @Override
    void run(SftpChecks checks) throws IOException, InterruptedException {
        Files.createDirectories(local);
        SftpFiles.write(local.resolve("a.bin"), 300_000, 51);
        SftpFiles.write(local.resolve("big.bin"), 24 << 20, 52);
        Files.createDirectories(root.resolve("py"));
        PeerTools.Result result = PythonPeers.run(dir, library, library + "_sftp_client.py", SftpPeers.TIMEOUT,
                List.of("--port", Integer.toString(target.port()), "--user", target.user(), "--key",
                        target.clientKey().toAbsolutePath().toString(), "--remote", target.remotePath("py"),
                        "--local", local.toString()));
        record(result, checks);
    }

    private void record(PeerTools.Result result, SftpChecks checks) throws IOException {
        Matcher m = OP.matcher(result.stdout());
        int rows = 0;
        while (m.find()) {
            rows++;
            String op = m.group(1);
            boolean onDisk;
            try {
                onDisk = onDisk(op);
            } catch (IOException e) {
                onDisk = false;
            }
            checks.check(op, m.group(2).equals("ok") && onDisk, m.group(2) + " (on disk: " + onDisk + ")");
        }
        checks.check("session (connect, auth, subsystem, close)", result.exitCode() == 0 && rows > 0,
                result.stdout() + "\n" + SftpChecks.tail(result.stderr()));
    }

    /** @return whether what the operation should have written is on disk (true for read-only operations) */
    private boolean onDisk(String op) throws IOException {
        return switch (op) {
            case "put" -> batch.same("a.bin", "py/p.bin");
            case "get" -> batch.sameLocal("p-back.bin", "a.bin");
            case "put big (pipelined)" -> batch.same("big.bin", "py/big.bin");
            case "get big (prefetch)" -> batch.sameLocal("big-back.bin", "big.bin");
            case "mkdir" -> Files.isDirectory(py("dir"));
            case "symlink" -> Files.isSymbolicLink(py("link"))
                    && Files.readSymbolicLink(py("link")).toString().equals("p.bin");
            case "chmod" -> PosixFilePermissions.toString(Files.getPosixFilePermissions(py("p.bin")))
                    .equals("rw-r-----");
            case "utime" -> Files.getLastModifiedTime(py("p.bin")).equals(FileTime.fromMillis(1577934245000L));
            case "rename" -> !Files.exists(py("q.bin"));
            case "posix_rename" -> batch.same("a.bin", "py/dir/q2.bin") && !Files.exists(py("dir/q.bin"));
            case "truncate" -> Arrays.equals(Files.readAllBytes(py("t.bin")),
                    prefix(local.resolve("a.bin"), 1000));
            case "write at offset", "append" -> written(py("w.bin"));
            case "remove" -> !Files.exists(py("gone.bin"));
            case "rmdir" -> !Files.exists(py("gone"));
            case "link" -> Files.isSameFile(py("p.bin"), py("hard.bin"));
            case "copy (remote)" -> batch.same("a.bin", "py/copied.bin");
            default -> true;
        };
    }

    private Path py(String name) {
        return root.resolve("py").resolve(name);
    }

    /** @return true when the file is 5000 zero bytes, then "written at 5000|appended" */
    private static boolean written(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] tail = "written at 5000|appended".getBytes(StandardCharsets.US_ASCII);
        return bytes.length == 5000 + tail.length
                && Arrays.equals(Arrays.copyOf(bytes, 5000), new byte[5000])
                && Arrays.equals(Arrays.copyOfRange(bytes, 5000, bytes.length), tail)
                && !Files.isSymbolicLink(file) && Files.exists(file, LinkOption.NOFOLLOW_LINKS);
    }
}
