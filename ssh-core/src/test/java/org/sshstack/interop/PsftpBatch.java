package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * PuTTY {@code psftp -b} with {@code -bc} (echo each command) and {@code -be} (keep going after an error): every
 * psftp command that works without a terminal, the host key pinned with {@code -hostkey}, the client key converted
 * to PuTTY's format by {@code puttygen}; HOME is the test's directory so ~/.putty is never touched.
 */
final class PsftpBatch extends SftpPeerRun {

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    PsftpBatch(SftpTarget target, Path dir) {
        super(target, dir);
    }

    @Override
    void run(SftpChecks checks) throws IOException, InterruptedException {
        prepare();
        steps();
        Path file = dir.resolve("batch");
        batch.write(file, "");
        Path ppk = dir.resolve("id.ppk");
        PeerTools.run("puttygen", target.clientKey().toString(), "-O", "private", "-o", ppk.toString())
                .assertSuccess();
        List<String> line = new ArrayList<>(List.of("psftp", "-batch", "-noagent", "-P",
                Integer.toString(target.port()), "-l", target.user(), "-i", ppk.toString(), "-b", file.toString(),
                "-bc", "-be"));
        for (Path key : target.hostPublicKeys()) {
            line.addAll(List.of("-hostkey", HostKeys.sha256Fingerprint(key)));
        }
        line.add(target.host());
        PeerTools.Result result = SftpPeers.runMerged(dir, Map.of("HOME", dir.toString()), line);
        batch.record(result.stdout(), "psftp> ", checks);
        checks.check("quit (exit status)", result.exitCode() == 0, result.stdout());
    }

    private void prepare() throws IOException {
        SftpFiles.write(local.resolve("a.bin"), 300_000, 21);
        SftpFiles.writeTree(local.resolve("tree"), 20, 1, 200_000, 22);
        writeResumeFiles(23);
        for (String name : List.of("e.txt", "f.txt", "m1.txt", "m2.txt")) {
            SftpFiles.write(local.resolve(name), 5000, name.hashCode());
        }
        Files.createDirectories(local.resolve("lmade"));
    }

    private void steps() {
        batch.step("cd <root>", "cd " + target.remotePath(""), out -> out.contains("Remote directory is now"));
        batch.step("lcd <local>", "lcd " + local, out -> out.contains("New local directory is"));
        batch.step("pwd", out -> out.contains("Remote directory is " + target.remotePath("")));
        batch.step("lpwd", out -> out.contains("Current local directory is " + local));
        batch.step("put a.bin pa.bin", out -> out.contains("=> remote:") && batch.same("a.bin", "pa.bin"));
        batch.step("get pa.bin pa-back.bin", out -> out.contains("=> local:")
                && batch.sameLocal("pa-back.bin", "a.bin"));
        batch.step("reput c.bin c.bin", out -> out.contains("restarting at file position 400000")
                && batch.same("c.bin", "c.bin"));
        batch.step("reget d.bin d.bin", out -> out.contains("restarting at file position 300000")
                && batch.same("d.bin", "d.bin"));
        batch.step("put -r tree ptree", out -> out.contains("=> remote:"));
        batch.step("get -r ptree ptree-back", out -> out.contains("=> local:")
                && batch.sameTree("tree", "ptree-back", "ptree"));
        batch.step("dir", out -> out.contains("pa.bin") && out.contains("ptree"));
        batch.step("ls ptree", out -> out.contains("large0.bin") && out.contains("d1"));
        batch.step("mkdir pd", out -> Files.isDirectory(root.resolve("pd")));
        batch.step("put a.bin pr.bin", out -> out.contains("=> remote:")); // checked after the moves
        batch.step("ren pr.bin pd/pr.bin", out -> out.contains("->") && !Files.exists(root.resolve("pr.bin")));
        batch.step("mv pd/pr.bin pd/pm.bin", out -> out.contains("->") && batch.same("a.bin", "pd/pm.bin")
                && !Files.exists(root.resolve("pd/pr.bin")));
        batch.step("chmod 640 pd/pm.bin", out -> PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("pd/pm.bin"))).equals("rw-r-----"));
        batch.step("put e.txt", out -> out.contains("=> remote:")); // removed next
        batch.step("del e.txt", out -> out.contains("OK") && !Files.exists(root.resolve("e.txt")));
        batch.step("put f.txt", out -> out.contains("=> remote:")); // removed next
        batch.step("rm f.txt", out -> out.contains("OK") && !Files.exists(root.resolve("f.txt")));
        batch.step("mkdir pd2", out -> out.contains("OK")); // removed next
        batch.step("rmdir pd2", out -> out.contains("OK") && !Files.exists(root.resolve("pd2")));
        batch.step("mput m*.txt", out -> batch.same("m1.txt", "m1.txt") && batch.same("m2.txt", "m2.txt"));
        batch.step("lcd lmade", out -> out.contains("New local directory is"));
        batch.step("mget m*.txt", out -> batch.same("lmade/m1.txt", "m1.txt") && batch.same("lmade/m2.txt", "m2.txt"));
        batch.step("lcd ..", out -> out.contains("New local directory is"));
        batch.step("help", out -> out.contains("finish your SFTP session"));
        batch.step("close", out -> true);
    }
}
