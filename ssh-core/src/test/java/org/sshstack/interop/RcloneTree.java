package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.sshstack.testing.PeerTools;

/**
 * {@code rclone} with an on-the-fly sftp remote (a connection string; no config file is read): copy, check and
 * sync of a tree of 1 000 small files and three of 20 MiB, a download of it, and file management commands. Hashes
 * over SSH exec and shell detection are off, so rclone uses SFTP alone; every tree is compared on disk by SHA-256.
 */
final class RcloneTree extends SftpPeerRun {

    private final Path tree;
    private SftpChecks checks;

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    RcloneTree(SftpTarget target, Path dir) {
        super(target, dir);
        this.tree = dir.resolve("tree");
    }

    @Override
    void run(SftpChecks rows) throws IOException, InterruptedException {
        this.checks = rows;
        SortedMap<String, String> expected = SftpFiles.writeTree(tree, 1000, 3, 20 << 20, 41);
        Files.writeString(dir.resolve("rclone.conf"), ""); // an empty config: no remotes, no notice about it
        PeerTools.Result r = rclone("copy", tree.toString(), remote("rc"));
        check("copy (1000 small + 3 x 20 MiB)", r, sameAs(expected, root.resolve("rc")));
        r = rclone("check", "--download", tree.toString(), remote("rc"));
        check("check --download", r, true);
        Files.writeString(root.resolve("rc/d4/f4.txt"), "changed behind rclone's back");
        r = rclone("check", "--download", tree.toString(), remote("rc"));
        checks.check("check finds a changed file", r.exitCode() != 0 && r.stdout().contains("d4/f4.txt"),
                r.stdout());
        change();
        r = rclone("sync", tree.toString(), remote("rc"));
        check("sync (10 deleted, 10 changed, 10 added)", r, sameAs(SftpFiles.digests(tree), root.resolve("rc")));
        r = rclone("copy", remote("rc"), dir.resolve("back").toString());
        check("copy back (download)", r, sameAs(SftpFiles.digests(tree), dir.resolve("back")));
        r = rclone("lsf", "-R", "--files-only", remote("rc"));
        check("lsf -R", r, r.stdout().lines().count() == SftpFiles.digests(tree).size());
        r = rclone("size", remote("rc"));
        check("size", r, r.stdout().contains("Total objects: 1.003k") || r.stdout().contains("(1003)"));
        r = rclone("moveto", remote("rc/large0.bin"), remote("moved/large0.bin"));
        check("moveto", r, Files.exists(root.resolve("moved/large0.bin")) && !Files.exists(root.resolve("rc/large0.bin"))
                && SftpFiles.sha256(root.resolve("moved/large0.bin")).equals(expected.get("large0.bin")));
        r = rclone("deletefile", remote("moved/large0.bin"));
        check("deletefile", r, !Files.exists(root.resolve("moved/large0.bin")));
        r = rclone("purge", remote("rc"));
        check("purge", r, !Files.exists(root.resolve("rc")));
    }

    /** Deletes ten files, rewrites ten and adds ten in the local tree. */
    private void change() throws IOException {
        for (int i = 0; i < 10; i++) {
            Files.delete(tree.resolve("d" + i).resolve("f" + (100 + i) + ".txt"));
            SftpFiles.write(tree.resolve("d" + i).resolve("f" + (200 + i) + ".txt"), 777 + i, 900 + i);
            SftpFiles.write(tree.resolve("new").resolve("n" + i + ".txt"), 100 * i, 950 + i);
        }
    }

    private boolean sameAs(Map<String, String> expected, Path actual) throws IOException {
        return Files.isDirectory(actual) && SftpFiles.mismatches(expected, SftpFiles.digests(actual)).isEmpty();
    }

    private void check(String operation, PeerTools.Result result, boolean onDisk) {
        checks.check(operation, result.exitCode() == 0 && onDisk, result.stdout());
    }

    private String remote(String relative) {
        return ":sftp,host=" + target.host() + ",port=" + target.port() + ",user=" + target.user() + ",key_file="
                + target.clientKey().toAbsolutePath() + ",shell_type=none,disable_hashcheck=true:"
                + target.remotePath(relative);
    }

    private PeerTools.Result rclone(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("rclone", "--config", dir.resolve("rclone.conf").toString(),
                "--transfers", "8", "--checkers", "8", "--low-level-retries", "1", "--retries", "1"));
        line.addAll(List.of(args));
        return SftpPeers.runMerged(dir, Map.of("HOME", dir.toString()), line);
    }
}
