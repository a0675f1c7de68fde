package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.TransferOptions;
import org.sshstack.testing.PeerTools;

/**
 * Our SFTP client moves a 1 GiB file each way against OpenSSH's sftp-server (through sshd), contents compared by
 * SHA-256; against the same sshd in the same run, OpenSSH's {@code sftp} moves the same file each way, so the two
 * clients' throughput can be compared. The figures go to {@code target/interop-matrix/sftp-throughput.txt} (a
 * report, never an assertion). At most three copies of the file exist at once; all are deleted at the end.
 */
class SftpBigFileInteropTest {

    /** The file size. */
    static final long SIZE = 1L << 30;

    /**
     * The one cipher sshd offers, so both clients use the same and the figures compare the SFTP clients rather
     * than two cipher implementations (JDK 17's ChaCha20 is much slower than its AES-GCM, DESIGN.md §9).
     */
    static final String CIPHER = "aes256-gcm@openssh.com";

    private static final String OURS = "sshstack SftpClient -> sshd sftp-server";

    @Test
    void ourClientAndOpenSshSftpAgainstSshd(@TempDir Path dir) throws Exception {
        PeerTools.require("sftp");
        SftpThroughput figures = new SftpThroughput("sftp-throughput.txt");
        Path local = Files.createDirectories(dir.resolve("local"));
        try (SshdSftpTarget target = SshdSftpTarget.start(dir.resolve("server"),
                OpenSshServer.options().set("LogLevel", "DEBUG1").ciphers(CIPHER))) {
            Path root = target.root();
            String hash;
            try (OurSftpClient client = OurSftpClient.connect(target, dir)) {
                hash = roundTrip(client.sftp(), target.remotePath("up.bin"), root.resolve("up.bin"), local, figures,
                        OURS);
            }
            openSsh(target, dir, figures, "get " + target.remotePath("up.bin") + " " + local.resolve("down2.bin"));
            assertThat(SftpFiles.sha256(local.resolve("down2.bin"))).isEqualTo(hash);
            Files.delete(local.resolve("down2.bin"));
            openSsh(target, dir, figures, "put " + local.resolve("down.bin") + " " + target.remotePath("up2.bin"));
            assertThat(SftpFiles.sha256(root.resolve("up2.bin"))).isEqualTo(hash);
            target.log().lines().filter(l -> l.contains("kex: client->server cipher:")).distinct()
                    .forEach(l -> figures.note("sshd saw: " + l.replaceFirst("^debug1: ", "")));
            figures.write();
        } finally {
            deleteBigFiles(dir);
        }
    }

    /**
     * Writes a 1 GiB file, puts it, checks the server's copy, deletes the source, gets it back and checks that:
     * at most two copies exist when it returns ({@code local/down.bin} and the server's).
     *
     * @param sftp a connected client
     * @param remote the server's name for the upload
     * @param onDisk where the upload lands on local disk
     * @param local a local directory
     * @param figures where the timings go
     * @param who the client and server, for the figures
     * @return the file's SHA-256
     */
    static String roundTrip(SftpClient sftp, String remote, Path onDisk, Path local, SftpThroughput figures,
            String who) throws IOException {
        String hash = SftpFiles.write(local.resolve("src.bin"), SIZE, 7);
        long start = System.nanoTime();
        sftp.transfers().put(local.resolve("src.bin"), remote, TransferOptions.defaults());
        figures.transfer(who, "put", SIZE, start);
        assertThat(SftpFiles.sha256(onDisk)).isEqualTo(hash);
        Files.delete(local.resolve("src.bin"));
        start = System.nanoTime();
        sftp.transfers().get(remote, local.resolve("down.bin"), TransferOptions.defaults());
        figures.transfer(who, "get", SIZE, start);
        assertThat(SftpFiles.sha256(local.resolve("down.bin"))).isEqualTo(hash);
        return hash;
    }

    /** Runs OpenSSH's sftp with a one-command batch and records its wall time (connection included). */
    private static void openSsh(SftpTarget target, Path dir, SftpThroughput figures, String command)
            throws IOException, InterruptedException {
        Path batch = dir.resolve("big.batch");
        Files.writeString(batch, command + "\n", StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of("sftp", "-q", "-b", batch.toString(), "-P",
                Integer.toString(target.port())));
        line.addAll(SftpPeers.sshOptions(target, dir));
        line.add(target.host());
        long start = System.nanoTime();
        SftpPeers.runMerged(dir, Map.of(), line).assertSuccess();
        figures.transfer("OpenSSH sftp 9.2 -> sshd sftp-server (incl. connect)", command.substring(0, 3), SIZE,
                start);
    }

    /** Deletes every .bin file below the directory (the 1 GiB copies). */
    static void deleteBigFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".bin"))::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }
}
