package org.sshstack.interop;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.TransferOptions;

/**
 * Every operation of our {@link SftpClient} against a peer server, each a matrix row: it must not throw, and its
 * effect must be on disk below the server's root (contents by SHA-256).
 */
final class OurSftpClientOperations {

    /** One operation; false or an exception fails it. */
    private interface Op {
        boolean run() throws Exception;
    }

    private final SftpClient sftp;
    private final UnaryOperator<String> remote;
    private final Path root;
    private final Path local;
    private final SftpBatch files;
    private final SftpChecks checks;

    private OurSftpClientOperations(SftpClient sftp, UnaryOperator<String> remote, Path root, Path local,
            SftpChecks checks) {
        this.sftp = sftp;
        this.remote = remote;
        this.root = root;
        this.local = local;
        this.files = new SftpBatch(local, root);
        this.checks = checks;
    }

    /**
     * Runs every operation in a fresh directory "o" below the root.
     *
     * @param sftp a connected client
     * @param remote maps a path below the root ('/' separators) to the server's name for it
     * @param root the local directory behind the server's root
     * @param local an empty local directory
     * @param checks where the rows go
     */
    static void run(SftpClient sftp, UnaryOperator<String> remote, Path root, Path local, SftpChecks checks)
            throws Exception {
        SftpFiles.write(local.resolve("a.bin"), 700_000, 61);
        SftpFiles.writeTree(local.resolve("tree"), 30, 1, 300_000, 62);
        new OurSftpClientOperations(sftp, remote, root.resolve("o"), local, checks).all();
    }

    private void all() {
        op("mkdir", () -> {
            sftp.mkdir(remote.apply("o"));
            return Files.isDirectory(root);
        });
        op("put", () -> put("a.bin") && files.same("a.bin", "a.bin"));
        op("get", () -> {
            sftp.transfers().get(path("a.bin"), local.resolve("a-back.bin"), TransferOptions.defaults());
            return files.sameLocal("a-back.bin", "a.bin");
        });
        op("putTree + getTree", () -> {
            sftp.transfers().putTree(local.resolve("tree"), path("tree"), TransferOptions.defaults());
            sftp.transfers().getTree(path("tree"), local.resolve("tree-back"), TransferOptions.defaults());
            return files.sameTree("tree", "tree-back", "tree");
        });
        op("list", () -> sftp.list(path("")).stream().map(e -> e.filename()).toList()
                .containsAll(java.util.List.of("a.bin", "tree")));
        op("stat", () -> sftp.stat(path("a.bin")).size().orElse(-1) == 700_000);
        op("setstat (chmod)", () -> {
            sftp.setstat(path("a.bin"), SftpAttributes.EMPTY.withPermissions(0640));
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("a.bin")))
                    .equals("rw-r-----");
        });
        op("setstat (times)", () -> {
            sftp.setstat(path("a.bin"), SftpAttributes.EMPTY.withTimes(1577934245, 1577934245));
            return Files.getLastModifiedTime(root.resolve("a.bin")).equals(FileTime.fromMillis(1577934245000L));
        });
        op("rename", () -> {
            put("r.bin");
            sftp.rename(path("r.bin"), path("r2.bin"));
            return files.same("a.bin", "r2.bin") && !Files.exists(root.resolve("r.bin"));
        });
        op("posix-rename@openssh.com", () -> {
            sftp.extensions().posixRename(path("r2.bin"), path("tree/r3.bin"));
            return files.same("a.bin", "tree/r3.bin") && !Files.exists(root.resolve("r2.bin"));
        });
        op("symlink (wire order by the server's version)", () -> {
            sftp.symlink("a.bin", path("link"));
            return Files.isSymbolicLink(root.resolve("link"))
                    && Files.readSymbolicLink(root.resolve("link")).toString().equals("a.bin");
        });
        // an absolute target: AsyncSSH 2.10's chrooted server cannot return a relative one (its reverse_map_path
        // answers NO_SUCH_FILE for any path outside the chroot); "link" above is checked on disk and by lstat
        op("readlink (absolute target)", () -> {
            sftp.symlink(path("a.bin"), path("abs-link"));
            return sftp.readlink(path("abs-link")).equals(path("a.bin"));
        });
        op("lstat", () -> sftp.lstat(path("link")).isSymbolicLink());
        op("realpath", () -> sftp.realpath(path("tree/..")).equals(remote.apply("o")));
        op("hardlink@openssh.com", () -> {
            sftp.extensions().hardlink(path("a.bin"), path("hard.bin"));
            return Files.isSameFile(root.resolve("a.bin"), root.resolve("hard.bin"));
        });
        op("statvfs@openssh.com", () -> sftp.extensions().statvfs(path("")).blocks() > 0);
        op("write + fsync@openssh.com", this::writeAndFsync);
        op("output stream (append)", () -> {
            try (OutputStream out = sftp.openOutputStream(path("w.bin"), true)) {
                out.write("|appended".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            }
            return new String(Files.readAllBytes(root.resolve("w.bin")), java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("written|appended");
        });
        op("input stream at offset", () -> {
            try (InputStream in = sftp.openInputStream(path("a.bin"), 12345)) {
                return Arrays.equals(in.readNBytes(1000), Arrays.copyOfRange(Files.readAllBytes(
                        local.resolve("a.bin")), 12345, 13345));
            }
        });
        op("remove", () -> {
            sftp.remove(path("hard.bin"));
            return !Files.exists(root.resolve("hard.bin"));
        });
        op("rmdir", () -> {
            sftp.mkdir(path("gone"));
            sftp.rmdir(path("gone"));
            return !Files.exists(root.resolve("gone"));
        });
    }

    private boolean writeAndFsync() throws Exception {
        SftpHandle handle = sftp.open(path("w.bin"), OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE);
        try {
            byte[] text = "written".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            sftp.write(handle, 0, text, 0, text.length);
            sftp.extensions().fsync(handle);
        } finally {
            sftp.close(handle);
        }
        return Files.readString(root.resolve("w.bin")).equals("written");
    }

    private boolean put(String name) throws Exception {
        sftp.transfers().put(local.resolve("a.bin"), path(name), TransferOptions.defaults());
        return true;
    }

    private String path(String relative) {
        return remote.apply(relative.isEmpty() ? "o" : "o/" + relative);
    }

    private void op(String name, Op op) {
        boolean ok;
        String detail = "returned false";
        try {
            ok = op.run();
        } catch (Exception e) {
            ok = false;
            detail = e.toString();
        }
        checks.check(name, ok, detail);
    }
}
