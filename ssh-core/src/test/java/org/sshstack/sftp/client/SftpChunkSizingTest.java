package org.sshstack.sftp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;

/**
 * READ/WRITE lengths and requests in flight: 255 KiB where the server's limits@openssh.com allow it, 32 KiB where
 * the server announces none, and never more bytes in flight than 64 × 32 KiB.
 */
class SftpChunkSizingTest {

    /** OpenSSH's sftp-server's limits: 256 KiB packets, 255 KiB reads and writes, 64 handles. */
    private static final SftpExtensionReplies.Limits OPENSSH = new SftpExtensionReplies.Limits(256 * 1024,
            255 * 1024, 255 * 1024, 64);
    private static final List<ExtensionPair> LIMITS = List.of(new ExtensionPair(SftpExtensionNames.LIMITS, "1"));

    private SftpClient client;

    private SftpClient connect(MemoryFs fs, List<ExtensionPair> extensions, SftpClientOptions options)
            throws Exception {
        FakeSftpServer server = new FakeSftpServer(fs, 0, extensions);
        client = SftpClient.open(server.clientInput(), server.clientOutput(), options);
        return client;
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
    }

    @Test
    void defaultsTakeTheServersLimits() throws Exception {
        SftpClient c = connect(new MemoryFs().limits(OPENSSH), LIMITS, SftpClientOptions.defaults());

        assertThat(c.readChunkSize()).isEqualTo(255 * 1024);
        assertThat(c.writeChunkSize()).isEqualTo(255 * 1024);
    }

    @Test
    void withoutLimitsEveryServerGetsThePortableChunk() throws Exception {
        SftpClient c = connect(new MemoryFs(), List.of(), SftpClientOptions.defaults().withChunkSize(64 * 1024));

        assertThat(c.readChunkSize()).isEqualTo(SftpClientOptions.PORTABLE_CHUNK);
        assertThat(c.writeChunkSize()).isEqualTo(SftpClientOptions.PORTABLE_CHUNK);
    }

    @Test
    void smallerChunksThanThePortableOneAreKept() throws Exception {
        SftpClient c = connect(new MemoryFs(), List.of(), SftpClientOptions.defaults().withChunkSize(1000));

        assertThat(c.readChunkSize()).isEqualTo(1000);
        assertThat(c.writeChunkSize()).isEqualTo(1000);
    }

    @Test
    void bytesInFlightStayWithinSixtyFourPortableChunks() {
        SftpConnection connection = new SftpConnection(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                SftpClientOptions.defaults());

        assertThat(connection.window(SftpClientOptions.PORTABLE_CHUNK)).isEqualTo(64);
        assertThat(connection.window(1024)).isEqualTo(64);
        assertThat(connection.window(255 * 1024)).isEqualTo(8);
        assertThat(connection.window(SftpClientOptions.defaults().maxPacket() - 1024)).isEqualTo(8);
        assertThat(new SftpConnection(InputStream.nullInputStream(), OutputStream.nullOutputStream(),
                SftpClientOptions.defaults().withMaxInFlight(2)).window(255 * 1024)).isEqualTo(1);
    }

    @Test
    void largeChunksMoveAFileEachWayIntact(@TempDir Path dir) throws Exception {
        byte[] data = new byte[3 * 255 * 1024 + 12345];
        new Random(7).nextBytes(data);
        MemoryFs fs = new MemoryFs().limits(OPENSSH);
        SftpClient c = connect(fs, LIMITS, SftpClientOptions.defaults());
        Files.write(dir.resolve("up"), data);

        c.transfers().put(dir.resolve("up"), "/f", TransferOptions.defaults());
        c.transfers().get("/f", dir.resolve("down"), TransferOptions.defaults());

        assertThat(fs.content("/f")).isEqualTo(data);
        assertThat(Files.readAllBytes(dir.resolve("down"))).isEqualTo(data);
    }
}
