package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.sshstack.testing.PeerTools;

/**
 * {@code lftp -f} over {@code sftp://}, connecting through OpenSSH's ssh ({@code sftp:connect-program}) with the
 * target's client key: transfers (plain, continued, segmented {@code pget}, mirrored trees both ways) and file
 * management. lftp does not echo its commands, so the script echoes a marker before each one.
 */
final class LftpScript extends SftpPeerRun {

    private static final String ECHO = "@@ ";

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    LftpScript(SftpTarget target, Path dir) {
        super(target, dir);
    }

    @Override
    void run(SftpChecks checks) throws IOException, InterruptedException {
        SftpFiles.write(local.resolve("a.bin"), 3_000_000, 31);
        SftpFiles.writeTree(local.resolve("tree"), 40, 2, 500_000, 32);
        writeResumeFiles(33);
        Files.createDirectories(local.resolve("mgot"));
        steps();
        String ssh = String.join(" ", SftpPeers.sshOptions(target, dir));
        Path file = dir.resolve("script.lftp");
        batch.write(file, List.of("set sftp:connect-program \"ssh -a -x " + ssh + "\"", "set cmd:fail-exit no",
                "set xfer:clobber yes", "set net:max-retries 1", "open -u " + target.user() + ", -p " + target.port()
                        + " sftp://" + target.host()), c -> "echo '" + ECHO + c + "'\n" + c);
        PeerTools.Result result = SftpPeers.runMerged(dir, Map.of("HOME", dir.toString()), List.of("lftp", "-f",
                file.toString()));
        batch.record(result.stdout(), ECHO, checks);
        checks.check("exit status", result.exitCode() == 0, result.stdout());
    }

    private void steps() {
        batch.step("cd <root>", "cd " + target.remotePath(""), out -> out.isBlank());
        batch.step("lcd <local>", "lcd " + local, out -> !out.contains("failed"));
        batch.step("pwd", "pwd > pwd.out", out -> printed("pwd.out", target.remotePath("")));
        batch.step("put", "put a.bin -o la.bin", out -> out.isBlank() && batch.same("a.bin", "la.bin"));
        batch.step("get", "get la.bin -o la-back.bin", out -> out.isBlank()
                && batch.sameLocal("la-back.bin", "a.bin"));
        batch.step("pget -n 4", "pget -n 4 la.bin -o la-pget.bin", out -> out.isBlank()
                && batch.sameLocal("la-pget.bin", "a.bin"));
        batch.step("put -c (continue)", "put -c c.bin", out -> out.isBlank() && batch.same("c.bin", "c.bin"));
        batch.step("get -c (continue)", "get -c d.bin", out -> out.isBlank() && batch.same("d.bin", "d.bin"));
        batch.step("mirror -R", "mirror -R tree lmirror", out -> out.isBlank());
        batch.step("mirror", "mirror lmirror lmirror-back", out -> out.isBlank()
                && batch.sameTree("tree", "lmirror-back", "lmirror"));
        batch.step("ls", "ls > ls.out", out -> printed("ls.out", "la.bin") && printed("ls.out", "lmirror"));
        batch.step("cls -l", "cls -l lmirror > cls.out", out -> printed("cls.out", "large0.bin"));
        batch.step("find", "find lmirror > find.out", out -> printed("find.out", "lmirror/d3/"));
        batch.step("du -s", "du -sb lmirror > du.out", out -> printed("du.out", "lmirror"));
        batch.step("cat", "cat la.bin > cat.out", out -> batch.sameLocal("cat.out", "a.bin"));
        batch.step("mkdir -p", "mkdir -p ld/sub", out -> out.isBlank() && Files.isDirectory(root.resolve("ld/sub")));
        batch.step("put (to move)", "put a.bin -o lm.bin", out -> out.isBlank()); // checked after the move
        batch.step("mv", "mv lm.bin ld/lb.bin", out -> out.isBlank() && batch.same("a.bin", "ld/lb.bin")
                && !Files.exists(root.resolve("lm.bin")));
        batch.step("chmod", "chmod 600 ld/lb.bin", out -> out.isBlank() && PosixFilePermissions.toString(
                Files.getPosixFilePermissions(root.resolve("ld/lb.bin"))).equals("rw-------"));
        batch.step("ln -s", "ln -s lb.bin ld/ls.bin", out -> out.isBlank()
                && Files.isSymbolicLink(root.resolve("ld/ls.bin")) && batch.same("a.bin", "ld/ls.bin"));
        batch.step("mkdir", "mkdir lput", String::isBlank); // removed by rmdir
        batch.step("mput", "mput -O lput tree/d1/*.txt", String::isBlank); // checked by mget, removed by mrm
        batch.step("mget", "mget -O mgot lput/*.txt", out -> out.isBlank() && SftpFiles.mismatches(
                SftpFiles.digests(local.resolve("tree/d1")), SftpFiles.digests(local.resolve("mgot"))).isEmpty());
        batch.step("mrm", "mrm lput/*.txt", out -> out.isBlank() && SftpFiles.digests(local.resolve("tree/d1"))
                .keySet().stream().noneMatch(f -> Files.exists(root.resolve("lput").resolve(f))));
        batch.step("rmdir", "rmdir lput", out -> out.isBlank() && !Files.exists(root.resolve("lput")));
        batch.step("put (to remove)", "put a.bin -o lrm.bin", String::isBlank);
        batch.step("rm", "rm lrm.bin", out -> out.isBlank() && !Files.exists(root.resolve("lrm.bin")));
        batch.step("mkdir -p (to remove)", "mkdir -p lrm/x/y", String::isBlank);
        batch.step("rm -r", "rm -r lrm", out -> out.isBlank() && !Files.exists(root.resolve("lrm")));
    }

    private boolean printed(String file, String text) throws IOException {
        return Files.readString(local.resolve(file)).contains(text);
    }
}
