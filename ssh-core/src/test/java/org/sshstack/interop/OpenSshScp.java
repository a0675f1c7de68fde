package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * OpenSSH {@code scp} in its default mode, which since 9.0 speaks SFTP (checked in its verbose log): single files,
 * times preserved, recursive trees and globs in both directions, and a remote-to-remote copy through the local host.
 */
final class OpenSshScp extends SftpPeerRun {

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    OpenSshScp(SftpTarget target, Path dir) {
        super(target, dir);
    }

    @Override
    void run(SftpChecks checks) throws IOException, InterruptedException {
        SftpFiles.write(local.resolve("a.bin"), 700_000, 11);
        Files.setLastModifiedTime(local.resolve("a.bin"), OpenSshSftpBatch.OLD);
        SftpFiles.writeTree(local.resolve("tree"), 30, 1, 300_000, 12);
        Files.createDirectories(root.resolve("scp"));
        PeerTools.Result up = scp("-v", "a.bin", remote("scp/a.bin"));
        checks.check("upload", ok(up) && batch.same("a.bin", "scp/a.bin"), up.stdout());
        checks.check("uses SFTP (not the legacy protocol)", up.stdout().contains("Sending subsystem: sftp"),
                up.stdout());
        PeerTools.Result r = scp(remote("scp/a.bin"), "a-back.bin");
        checks.check("download", ok(r) && batch.sameLocal("a-back.bin", "a.bin"), r.stdout());
        r = scp("-p", "a.bin", remote("scp/a-p.bin"));
        checks.check("upload -p", ok(r) && batch.same("a.bin", "scp/a-p.bin")
                && Files.getLastModifiedTime(root.resolve("scp/a-p.bin")).equals(OpenSshSftpBatch.OLD), r.stdout());
        r = scp("-p", remote("scp/a-p.bin"), "a-p-back.bin");
        checks.check("download -p", ok(r) && batch.sameLocal("a-p-back.bin", "a.bin")
                && Files.getLastModifiedTime(local.resolve("a-p-back.bin")).equals(OpenSshSftpBatch.OLD), r.stdout());
        r = scp("-r", "tree", remote("scp/tree"));
        PeerTools.Result back = scp("-r", remote("scp/tree"), "tree-back");
        checks.check("upload -r", ok(r) && ok(back) && batch.sameTree("tree", "tree-back", "scp/tree"),
                r.stdout() + back.stdout());
        checks.check("download -r", ok(back), back.stdout());
        Files.createDirectories(local.resolve("glob"));
        r = scp(remote("scp/tree/d3/*.txt"), "glob/");
        checks.check("download glob", ok(r) && SftpFiles.mismatches(SftpFiles.digests(local.resolve("tree/d3")),
                SftpFiles.digests(local.resolve("glob"))).isEmpty(), r.stdout());
        r = scp("-3", remote("scp/a.bin"), remote("scp/a-3.bin"));
        checks.check("remote to remote -3", ok(r) && batch.same("a.bin", "scp/a-3.bin"), r.stdout());
    }

    private String remote(String relative) {
        return target.host() + ":" + target.remotePath(relative);
    }

    private PeerTools.Result scp(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of("scp", "-q", "-P", Integer.toString(target.port())));
        line.addAll(SftpPeers.sshOptions(target, dir));
        line.addAll(List.of(args));
        return SftpPeers.runMerged(local, Map.of(), line);
    }

    private static boolean ok(PeerTools.Result result) {
        return result.exitCode() == 0;
    }
}
