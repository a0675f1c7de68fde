package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.client.TransferOptions;
import org.sshstack.testing.PeerTools;

/**
 * Our SFTP client moves a 1 GiB file each way against OpenSSH's sftp-server (through sshd) and against AsyncSSH's
 * SFTP server, contents compared by SHA-256. Against the same sshd in the same run, OpenSSH's {@code sftp} moves the
 * same file each way, so the two clients' throughput can be compared; the figures go to
 * {@code target/interop-matrix/sftp-throughput.txt} (a report, never an assertion). At most three copies of the
 * file exist on disk at once, and every copy is deleted before the test ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SftpBigFileInteropTest {

    private static final long SIZE = 1L << 30;

    /**
     * The one cipher sshd offers, so both clients use the same. Not chacha20-poly1305 (both clients' first choice):
     * our transport treats its 8-byte padding alignment as a 64-bit block and rekeys every 512 KiB (RFC 4344 §3.1
     * in KexRun.byteLimit), which would measure the rekeys instead of SFTP.
     */
    private static final String CIPHER = "aes256-gcm@openssh.com";

    private final List<String> figures = new CopyOnWriteArrayList<>();

    @Test
    void ourClientAndOpenSshSftpAgainstSshd(@TempDir Path dir) throws Exception {
        PeerTools.require("sftp");
        Path local = Files.createDirectories(dir.resolve("local"));
        try (SshdSftpTarget target = SshdSftpTarget.start(dir.resolve("server"),
                OpenSshServer.options().set("LogLevel", "DEBUG1").ciphers(CIPHER))) {
            Path root = target.root();
            String hash = SftpFiles.write(local.resolve("src.bin"), SIZE, 7);
            try (OurSftpClient client = OurSftpClient.connect(target, dir)) {
                long start = System.nanoTime();
                client.sftp().transfers().put(local.resolve("src.bin"), target.remotePath("up.bin"),
                        TransferOptions.defaults());
                figure("sshstack SftpClient -> sshd sftp-server", "put", start);
                assertThat(SftpFiles.sha256(root.resolve("up.bin"))).isEqualTo(hash);
                Files.delete(local.resolve("src.bin"));
                start = System.nanoTime();
                client.sftp().transfers().get(target.remotePath("up.bin"), local.resolve("down.bin"),
                        TransferOptions.defaults());
                figure("sshstack SftpClient -> sshd sftp-server", "get", start);
                assertThat(SftpFiles.sha256(local.resolve("down.bin"))).isEqualTo(hash);
            }
            openSsh(target, dir, "get " + target.remotePath("up.bin") + " " + local.resolve("down2.bin"), "get");
            assertThat(SftpFiles.sha256(local.resolve("down2.bin"))).isEqualTo(hash);
            Files.delete(local.resolve("down2.bin"));
            openSsh(target, dir, "put " + local.resolve("down.bin") + " " + target.remotePath("up2.bin"), "put");
            assertThat(SftpFiles.sha256(root.resolve("up2.bin"))).isEqualTo(hash);
            target.log().lines().filter(l -> l.contains("kex: client->server cipher:")).distinct()
                    .forEach(l -> figures.add("# sshd saw: " + l.replaceFirst("^debug1: ", "")));
        } finally {
            deleteBigFiles(dir);
        }
    }

    /** Runs OpenSSH's sftp with a one-command batch and records its wall time (connection included). */
    private void openSsh(SftpTarget target, Path dir, String command, String direction)
            throws IOException, InterruptedException {
        Path batch = dir.resolve("big.batch");
        Files.writeString(batch, command + "\n", StandardCharsets.UTF_8);
        List<String> line = new ArrayList<>(List.of("sftp", "-q", "-b", batch.toString(), "-P",
                Integer.toString(target.port())));
        line.addAll(SftpPeers.sshOptions(target, dir));
        line.add(target.host());
        long start = System.nanoTime();
        SftpPeers.runMerged(dir, Map.of(), line).assertSuccess();
        figure("OpenSSH sftp 9.2 -> sshd sftp-server (incl. connect)", direction, start);
    }

    private void figure(String who, String direction, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        figures.add(String.format("%-55s %-4s %d bytes %7.2f s %8.1f MB/s", who, direction, SIZE, seconds,
                SIZE / seconds / 1e6));
    }

    private static void deleteBigFiles(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".bin"))::iterator) {
                Files.deleteIfExists(f);
            }
        }
    }

    @AfterAll
    void writeFigures() throws IOException {
        List<String> lines = new ArrayList<>(List.of("# SFTP 1 GiB transfers on loopback, one test run, "
                + java.time.Instant.now() + ", JDK " + Runtime.version() + ", "
                + Runtime.getRuntime().availableProcessors() + " CPUs; a report, not an assertion"));
        lines.addAll(figures);
        Files.createDirectories(InteropReport.DIR);
        Files.write(InteropReport.DIR.resolve("sftp-throughput.txt"), lines, StandardCharsets.UTF_8);
        org.slf4j.LoggerFactory.getLogger(SftpBigFileInteropTest.class).info("{}", String.join("\n", lines));
    }
}
