package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * OpenSSH {@code sftp -b}: one batch with every command that makes sense without a terminal, each prefixed with
 * "-" so a failure does not stop the rest. Each command is judged by its own output (the merged stdout and stderr
 * between its "sftp>" echo and the next) and by its effect on disk, contents compared by SHA-256.
 */
final class OpenSshSftpBatch extends SftpPeerRun {

    /** The modification time {@code put -p} and {@code get -p} must carry over. */
    static final FileTime OLD = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    OpenSshSftpBatch(SftpTarget target, Path dir) {
        super(target, dir);
    }

    @Override
    void run(SftpChecks checks) throws IOException, InterruptedException {
        prepare();
        navigation();
        transfers();
        listings();
        changes();
        Path file = dir.resolve("batch");
        batch.write(file, "-");
        List<String> line = new ArrayList<>(List.of("sftp", "-b", file.toString(), "-P",
                Integer.toString(target.port())));
        line.addAll(SftpPeers.sshOptions(target, dir));
        line.add(target.host());
        PeerTools.Result result = SftpPeers.runMerged(dir, Map.of(), line);
        batch.record(result.stdout(), "sftp> -", checks);
        checks.check("bye (exit status)", result.exitCode() == 0, result.stdout());
    }

    private void prepare() throws IOException {
        SftpFiles.write(local.resolve("a.bin"), 300_000, 1);
        Files.setLastModifiedTime(local.resolve("a.bin"), OLD);
        SftpFiles.writeTree(local.resolve("tree"), 20, 1, 200_000, 2);
        writeResumeFiles(3);
        for (String name : List.of("e.txt", "f.txt", "m1.txt", "m2.txt")) {
            SftpFiles.write(local.resolve(name), 5000, name.hashCode());
        }
    }

    private void navigation() {
        batch.step("version", out -> out.contains("SFTP protocol version 3"));
        batch.step("progress", out -> out.contains("Progress meter"));
        batch.step("cd <root>", "cd " + target.remotePath(""), String::isBlank);
        batch.step("pwd", out -> out.contains("Remote working directory: " + target.remotePath("")));
        batch.step("lcd <local>", "lcd " + local, String::isBlank);
        batch.step("lpwd", out -> out.contains("Local working directory: " + local));
        batch.step("lumask 022", out -> out.contains("022"));
        batch.step("lmkdir lmade", out -> out.isBlank() && Files.isDirectory(local.resolve("lmade")));
        batch.step("mkdir d1", out -> out.isBlank() && Files.isDirectory(root.resolve("d1")));
        batch.step("cd d1", String::isBlank);
        batch.step("pwd", out -> out.contains("Remote working directory: " + target.remotePath("d1")));
        batch.step("cd ..", String::isBlank);
        batch.step("!echo from-a-local-shell", out -> out.contains("from-a-local-shell"));
        batch.step("help", out -> out.contains("Available commands"));
        batch.step("?", out -> out.contains("Available commands"));
    }

    private void transfers() {
        batch.step("put a.bin", out -> out.isBlank() && batch.same("a.bin", "a.bin"));
        batch.step("put -p a.bin d1/a-p.bin", out -> out.isBlank() && batch.same("a.bin", "d1/a-p.bin")
                && Files.getLastModifiedTime(root.resolve("d1/a-p.bin")).equals(OLD));
        batch.step("put -f f.txt", out -> out.isBlank() && batch.same("f.txt", "f.txt"));
        batch.step("put -R tree", out -> recursive(out) && batch.sameTree("tree", "tree", "tree"));
        batch.step("reput c.bin", out -> out.isBlank() && batch.same("c.bin", "c.bin"));
        batch.step("get a.bin a-back.bin", out -> out.isBlank() && batch.sameLocal("a-back.bin", "a.bin"));
        batch.step("get -p d1/a-p.bin a-p-back.bin", out -> out.isBlank() && batch.same("a-p-back.bin", "d1/a-p.bin")
                && Files.getLastModifiedTime(local.resolve("a-p-back.bin")).equals(OLD));
        batch.step("get -R tree tree-back", out -> recursive(out) && batch.sameTree("tree", "tree-back", "tree"));
        batch.step("reget d.bin", out -> out.isBlank() && batch.same("d.bin", "d.bin"));
        batch.step("get -a d.bin d-appended.bin", out -> out.isBlank() && batch.same("d-appended.bin", "d.bin"));
        batch.step("mput m*.txt", out -> out.isBlank() && batch.same("m1.txt", "m1.txt")
                && batch.same("m2.txt", "m2.txt"));
        batch.step("lcd lmade", String::isBlank);
        batch.step("mget m*.txt", out -> out.isBlank() && batch.same("lmade/m1.txt", "m1.txt")
                && batch.same("lmade/m2.txt", "m2.txt"));
        batch.step("lcd ..", String::isBlank);
    }

    /** @return true when the output holds only sftp's progress lines for recursive transfers */
    private static boolean recursive(String output) {
        return output.lines().allMatch(l -> l.isBlank() || l.startsWith("Entering ") || l.startsWith("Retrieving "));
    }

    private void listings() {
        batch.step("ls", out -> out.contains("a.bin") && out.contains("d1") && out.contains("tree"));
        batch.step("ls -l d1", out -> out.contains("a-p.bin") && out.contains("300000"));
        batch.step("ls -1afhnrSt", out -> out.contains("c.bin") && out.contains("d.bin"));
        batch.step("lls", out -> out.contains("a-back.bin"));
        batch.step("df", out -> out.contains("Avail"));
        batch.step("df -hi .", out -> out.contains("Inodes"));
    }

    private void changes() throws IOException {
        String uid = Privileges.isRoot() ? "65534" : String.valueOf(Files.getAttribute(root, "unix:uid"));
        String gid = Privileges.isRoot() ? "65534" : String.valueOf(Files.getAttribute(root, "unix:gid"));
        batch.step("put a.bin x.bin", String::isBlank); // its contents are checked after the rename
        batch.step("rename x.bin a-renamed.bin", out -> out.isBlank() && batch.same("a.bin", "a-renamed.bin")
                && !Files.exists(root.resolve("x.bin")));
        batch.step("chmod 600 a-renamed.bin", out -> out.isBlank() && PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("a-renamed.bin"))).equals("rw-------"));
        batch.step("chown " + uid + " a-renamed.bin", out -> out.isBlank() && batch.owner("a-renamed.bin", "uid", uid));
        batch.step("chgrp " + gid + " a-renamed.bin", out -> out.isBlank() && batch.owner("a-renamed.bin", "gid", gid));
        batch.step("ln a-renamed.bin a-hard.bin", out -> out.isBlank()
                && Files.isSameFile(root.resolve("a-renamed.bin"), root.resolve("a-hard.bin")));
        batch.step("ln -s a-renamed.bin a-soft.bin", out -> out.isBlank() && linksTo("a-soft.bin"));
        batch.step("symlink a-renamed.bin a-soft2.bin", out -> out.isBlank() && linksTo("a-soft2.bin"));
        batch.step("chown -h " + uid + " a-soft.bin", out -> out.isBlank() && batch.owner("a-soft.bin", "uid", uid));
        batch.step("cp a-renamed.bin a-copy.bin", out -> out.isBlank() && batch.same("a.bin", "a-copy.bin"));
        batch.step("copy a-renamed.bin a-copy2.bin", out -> out.isBlank() && batch.same("a.bin", "a-copy2.bin"));
        batch.step("put e.txt", String::isBlank); // removed next
        batch.step("rm e.txt", out -> out.isBlank() && !Files.exists(root.resolve("e.txt")));
        batch.step("mkdir d2", String::isBlank); // removed next
        batch.step("rmdir d2", out -> out.isBlank() && !Files.exists(root.resolve("d2")));
    }

    private boolean linksTo(String link) throws IOException {
        Path l = root.resolve(link);
        return Files.isSymbolicLink(l) && Files.readSymbolicLink(l).toString().endsWith("a-renamed.bin")
                && batch.same("a.bin", link);
    }
}
