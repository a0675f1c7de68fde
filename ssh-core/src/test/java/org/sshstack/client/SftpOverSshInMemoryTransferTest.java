package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.client.SftpTransfers;
import org.sshstack.sftp.client.TransferListener;
import org.sshstack.sftp.client.TransferOptions;
import org.sshstack.sftp.server.SftpServerConfig;

/**
 * Transfers and streams over a full in-memory SSH connection ({@link InMemorySftp}): get/put with progress,
 * resume and preserve, whole trees, and a pipelined multi-MiB round trip checked by SHA-256.
 */
class SftpOverSshInMemoryTransferTest {

    @TempDir
    Path temp;

    private Path root;
    private Path local;
    private InMemorySftp pair;
    private SftpTransfers transfers;

    @BeforeEach
    void connect() throws Exception {
        root = Files.createDirectory(temp.resolve("server"));
        local = Files.createDirectory(temp.resolve("local"));
        pair = new InMemorySftp(SftpServerConfig.builder(root).build());
        transfers = pair.sftp.transfers();
    }

    @AfterEach
    void disconnect() {
        pair.close();
    }

    /**
     * Our server answers in order, so this path cannot reorder replies; it proves that many requests in flight
     * (the client's default 64 x 32 KiB, more than the channel window) survive the SSH layer byte-exact. Reordered
     * replies are covered against a fake server: SftpClientFakeServerTest#outOfOrderRepliesAreMatchedById.
     */
    @Test
    void pipelinedMultiMebibyteRoundTripIsByteExact() throws Exception {
        byte[] content = random(6 * 1024 * 1024 + 4321);
        Path up = Files.write(local.resolve("up.bin"), content);
        assertThat(transfers.put(up, "/big.bin", TransferOptions.defaults())).isEqualTo(content.length);
        assertThat(sha256(Files.readAllBytes(root.resolve("big.bin")))).isEqualTo(sha256(content));
        Path down = local.resolve("down.bin");
        assertThat(transfers.get("/big.bin", down, TransferOptions.defaults())).isEqualTo(content.length);
        assertThat(sha256(Files.readAllBytes(down))).isEqualTo(sha256(content));
    }

    @Test
    void getAndPutReportProgress() throws Exception {
        byte[] content = random(300_000);
        Path up = Files.write(local.resolve("p.bin"), content);
        List<Long> seen = new CopyOnWriteArrayList<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void progress(String path, long done, long total) {
                assertThat(total).isEqualTo(content.length);
                seen.add(done);
            }
        };
        transfers.put(up, "/p.bin", TransferOptions.defaults().withListener(listener));
        assertThat(seen).isSorted().last().isEqualTo((long) content.length);
        seen.clear();
        transfers.get("/p.bin", local.resolve("p2.bin"), TransferOptions.defaults().withListener(listener));
        assertThat(seen).isSorted().last().isEqualTo((long) content.length);
        assertThat(Files.readAllBytes(local.resolve("p2.bin"))).isEqualTo(content);
    }

    @Test
    void resumeCompletesAPartialFileInBothDirections() throws Exception {
        byte[] content = random(200_000);
        Path full = Files.write(local.resolve("full.bin"), content);
        Files.write(root.resolve("half.bin"), java.util.Arrays.copyOf(content, 70_000));
        TransferOptions resume = TransferOptions.defaults().withResume(true);
        assertThat(transfers.put(full, "/half.bin", resume)).isEqualTo(130_000);
        assertThat(Files.readAllBytes(root.resolve("half.bin"))).isEqualTo(content);
        Path partial = Files.write(local.resolve("partial.bin"), java.util.Arrays.copyOf(content, 123_456));
        assertThat(transfers.get("/half.bin", partial, resume)).isEqualTo(200_000 - 123_456);
        assertThat(Files.readAllBytes(partial)).isEqualTo(content);
    }

    @Test
    void preserveCopiesTimesBothWays() throws Exception {
        Path file = Files.writeString(local.resolve("t.txt"), "times");
        FileTime old = FileTime.fromMillis(1_500_000_000_000L);
        Files.setLastModifiedTime(file, old);
        TransferOptions preserve = TransferOptions.defaults().withPreserve(true);
        transfers.put(file, "/t.txt", preserve);
        assertThat(Files.getLastModifiedTime(root.resolve("t.txt"))).isEqualTo(old);
        Files.setLastModifiedTime(root.resolve("t.txt"), FileTime.fromMillis(1_400_000_000_000L));
        Path back = local.resolve("back.txt");
        transfers.get("/t.txt", back, preserve);
        assertThat(Files.getLastModifiedTime(back)).isEqualTo(FileTime.fromMillis(1_400_000_000_000L));
    }

    @Test
    void treesGoUpAndComeBack() throws Exception {
        Path tree = Files.createDirectories(local.resolve("tree/a/b"));
        Files.writeString(tree.resolve("deep.txt"), "deep");
        Files.writeString(local.resolve("tree/top.txt"), "top");
        assertThat(transfers.putTree(local.resolve("tree"), "/remote/tree", TransferOptions.defaults()))
                .isEqualTo(7);
        assertThat(Files.readString(root.resolve("remote/tree/a/b/deep.txt"))).isEqualTo("deep");
        Path copy = local.resolve("copy");
        assertThat(transfers.getTree("/remote/tree", copy, TransferOptions.defaults())).isEqualTo(7);
        assertThat(Files.readString(copy.resolve("a/b/deep.txt"))).isEqualTo("deep");
        assertThat(Files.readString(copy.resolve("top.txt"))).isEqualTo("top");
    }

    @Test
    void streamsReadWriteAppendAndSeek() throws Exception {
        byte[] content = random(500_000);
        try (OutputStream out = pair.sftp.openOutputStream("/s.bin", false)) {
            out.write(content, 0, 400_000);
        }
        try (OutputStream out = pair.sftp.openOutputStream("/s.bin", true)) {
            out.write(content, 400_000, 100_000);
        }
        try (InputStream in = pair.sftp.openInputStream("/s.bin", 0)) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        try (InputStream in = pair.sftp.openInputStream("/s.bin", 499_990)) {
            assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(content, 499_990, 500_000));
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }
}
