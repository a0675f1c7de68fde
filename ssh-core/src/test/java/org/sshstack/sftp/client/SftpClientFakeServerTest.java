package org.sshstack.sftp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.event.SshEventListener;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpConnectionLostException;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpOpUnsupportedException;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;

/** The client against an in-test responder: every basic operation, reordered replies, limits, errors, events. */
class SftpClientFakeServerTest {

    private final List<SftpOperationCompleted> events = new CopyOnWriteArrayList<>();
    private final AtomicLong clock = new AtomicLong();
    private FakeSftpServer server;
    private SftpClient client;

    private SftpClient connect(FakeSftpServer.Handler handler, int reverseReads, List<ExtensionPair> extensions,
            SftpClientOptions options) throws Exception {
        server = new FakeSftpServer(handler, reverseReads, extensions);
        SshEventListener listener = new SshEventListener() {
            @Override
            public void sftpOperationCompleted(SftpOperationCompleted event) {
                events.add(event);
            }
        };
        client = SftpClient.open(server.clientInput(), server.clientOutput(), options.withListener(listener)
                .withNanoTime(() -> clock.addAndGet(1_000_000)));
        return client;
    }

    private SftpClient connect(MemoryFs fs) throws Exception {
        return connect(fs, 0, List.of(), SftpClientOptions.defaults());
    }

    @AfterEach
    void close() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void openWriteReadStatCloseRoundTrip() throws Exception {
        MemoryFs fs = new MemoryFs().dir("/d");
        SftpClient c = connect(fs);
        byte[] data = random(100_000);
        SftpHandle w = c.open("/d/f", OpenFlags.WRITE | OpenFlags.CREATE);
        c.write(w, 0, data, 0, data.length);
        c.close(w);
        assertThat(fs.content("/d/f")).isEqualTo(data);
        assertThat(c.stat("/d/f").size()).hasValue(100_000);
        SftpHandle r = c.open("/d/f", OpenFlags.READ);
        byte[] first = new byte[10];
        assertThat(c.read(r, 5, first, 0, 10)).isEqualTo(10);
        assertThat(first).isEqualTo(java.util.Arrays.copyOfRange(data, 5, 15));
        assertThat(c.read(r, 100_000, first, 0, 10)).isEqualTo(-1);
        assertThat(c.fstat(r).isRegularFile()).isTrue();
        c.close(r);
        assertThat(c.list("/d")).extracting(SftpResponse.NameEntry::filename).containsExactly("f");
        assertThat(c.realpath(".")).isEqualTo("/");
    }

    @Test
    void streamsReadAheadAndWriteBehind() throws Exception {
        MemoryFs fs = new MemoryFs();
        SftpClient c = connect(fs);
        byte[] data = random(300_001);
        try (OutputStream out = c.openOutputStream("/s", false)) {
            out.write(data, 0, 7);
            out.write(data, 7, data.length - 7);
        }
        try (OutputStream out = c.openOutputStream("/s", true)) {
            out.write(42);
        }
        assertThat(fs.content("/s")).hasSize(300_002);
        try (InputStream in = c.openInputStream("/s", 1)) {
            byte[] back = in.readAllBytes();
            assertThat(back).hasSize(300_001);
            assertThat(back[back.length - 1]).isEqualTo((byte) 42);
        }
    }

    @Test
    void outOfOrderRepliesAreMatchedById() throws Exception {
        byte[] data = random(10 * 1024);
        MemoryFs fs = new MemoryFs().file("/big", data);
        SftpClient c = connect(fs, 11, List.of(), SftpClientOptions.defaults().withChunkSize(1024));
        java.nio.file.Path local = java.nio.file.Files.createTempFile("sftp-reorder", ".bin");
        try {
            assertThat(c.transfers().get("/big", local, TransferOptions.defaults())).isEqualTo(data.length);
            assertThat(java.nio.file.Files.readAllBytes(local)).isEqualTo(data);
            assertThat(server.reversed()).isEqualTo(11);
        } finally {
            java.nio.file.Files.deleteIfExists(local);
        }
    }

    @Test
    void chunkFollowsTheServersLimits() throws Exception {
        MemoryFs fs = new MemoryFs().limits(new SftpExtensionReplies.Limits(34000, 1000, 2000, 64));
        SftpClient c = connect(fs, 0, List.of(new ExtensionPair(SftpExtensionNames.LIMITS, "1")),
                SftpClientOptions.defaults());
        assertThat(c.readChunkSize()).isEqualTo(1000);
        assertThat(c.writeChunkSize()).isEqualTo(2000);
        assertThat(c.extensions().supports(SftpExtensionNames.LIMITS)).isTrue();
    }

    @Test
    void unannouncedExtensionIsRefusedLocally() throws Exception {
        SftpClient c = connect(new MemoryFs());
        assertThatThrownBy(() -> c.extensions().posixRename("a", "b")).isInstanceOf(SftpOpUnsupportedException.class);
        assertThatThrownBy(() -> c.extensions().statvfs("/")).isInstanceOf(SftpOpUnsupportedException.class);
    }

    @Test
    void failuresAreTypedAndReportedAsEvents() throws Exception {
        SftpClient c = connect(new MemoryFs());
        assertThatThrownBy(() -> c.stat("/missing")).isInstanceOf(SftpNoSuchFileException.class);
        assertThat(events).last().satisfies(e -> {
            assertThat(e.operation()).isEqualTo("stat");
            assertThat(e.client()).isTrue();
            assertThat(e.status()).isEqualTo("NO_SUCH_FILE");
            assertThat(e.duration()).isEqualTo(Duration.ofMillis(1));
        });
    }

    @Test
    void mkdirsCreatesOnlyMissingParents() throws Exception {
        MemoryFs fs = new MemoryFs().dir("/a");
        SftpClient c = connect(fs);
        c.mkdirs("/a/b/c");
        assertThat(c.stat("/a/b/c").isDirectory()).isTrue();
        c.mkdirs("/a/b/c");
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        SftpClient c = connect(request -> {
            awaitQuietly(release);
            return SftpResponse.Status.ok(request.id());
        }, 0, List.of(), SftpClientOptions.defaults().withTimeout(Duration.ofMillis(200)));
        try {
            assertThatThrownBy(() -> c.remove("/x")).isInstanceOf(ChannelTimeoutException.class);
        } finally {
            release.countDown();
        }
    }

    @Test
    void oversizedDataIsAProtocolError() throws Exception {
        SftpClient c = connect(request -> request instanceof SftpRequest.Read
                ? new SftpResponse.Data(request.id(), new byte[64])
                : new SftpResponse.Handle(request.id(), new SftpHandle(new byte[] {1})), 0, List.of(),
                SftpClientOptions.defaults());
        SftpHandle h = c.open("/f", OpenFlags.READ);
        assertThatThrownBy(() -> c.read(h, 0, new byte[8], 0, 8)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void aClosedStreamFailsPendingCallsAsConnectionLost() throws Exception {
        SftpClient c = connect(request -> {
            server.close();
            return SftpResponse.Status.ok(request.id());
        }, 0, List.of(), SftpClientOptions.defaults());
        assertThatThrownBy(() -> c.remove("/x")).isInstanceOf(SftpConnectionLostException.class);
        assertThatThrownBy(() -> c.remove("/y")).isInstanceOf(SftpConnectionLostException.class);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] random(int n) {
        byte[] out = new byte[n];
        new Random(n).nextBytes(out);
        return out;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
