package org.sshstack.sftp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.SshProtocolException;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpStatusCode;

/** Review findings on the SFTP client: each test failed before its fix. */
class SftpReviewClientTest {

    @TempDir
    Path dir;

    private FakeSftpServer server;
    private SftpClient client;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aServerSendingOnlyDotEntriesForeverDoesNotHangList() throws Exception {
        AtomicInteger readdirs = new AtomicInteger();
        server = new FakeSftpServer(request -> {
            if (request.type() == SftpPacketType.READDIR) {
                // a hostile server: "." and ".." forever, never EOF (the fake gives up after 100 000 rounds)
                return readdirs.incrementAndGet() > 100_000 ? new SftpResponse.Status(request.id(),
                        SftpStatusCode.EOF.code(), "", "") : new SftpResponse.Name(request.id(), List.of(
                                new SftpResponse.NameEntry(".", ".", SftpAttributes.EMPTY),
                                new SftpResponse.NameEntry("..", "..", SftpAttributes.EMPTY)));
            }
            return request.type() == SftpPacketType.OPENDIR
                    ? new SftpResponse.Handle(request.id(), new SftpHandle(new byte[] {1}))
                    : SftpResponse.Status.ok(request.id());
        }, 0, List.of());
        client = SftpClient.open(server.clientInput(), server.clientOutput(), SftpClientOptions.defaults());
        assertThatThrownBy(() -> client.list("/d")).isInstanceOf(SshProtocolException.class);
        assertThat(readdirs.get()).isLessThan(100);
    }

    @Test
    void listIsBoundedInNameBytesNotOnlyInEntries() throws Exception {
        AtomicInteger readdirs = new AtomicInteger();
        String big = "n".repeat(120_000);
        server = new FakeSftpServer(request -> {
            if (request.type() == SftpPacketType.READDIR) {
                // a hostile server: one huge entry per reply, never EOF (the fake gives up after 700 replies)
                int n = readdirs.incrementAndGet();
                return n > 700 ? new SftpResponse.Status(request.id(), SftpStatusCode.EOF.code(), "", "")
                        : new SftpResponse.Name(request.id(), List.of(new SftpResponse.NameEntry(n + big, big,
                                SftpAttributes.EMPTY)));
            }
            return request.type() == SftpPacketType.OPENDIR
                    ? new SftpResponse.Handle(request.id(), new SftpHandle(new byte[] {1}))
                    : SftpResponse.Status.ok(request.id());
        }, 0, List.of());
        client = SftpClient.open(server.clientInput(), server.clientOutput(), SftpClientOptions.defaults());
        assertThatThrownBy(() -> client.list("/d")).isInstanceOf(org.sshstack.sftp.SftpFailureException.class)
                .hasMessageContaining("characters of names");
        assertThat(readdirs.get()).isLessThan(700);
    }

    @Test
    void aWriterBusyTimeoutDoesNotLeakARequestSlot() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        AtomicBoolean silent = new AtomicBoolean();
        server = new FakeSftpServer(request -> {
            if (silent.get()) {
                await(hold);
            }
            return new SftpResponse.Attrs(request.id(), SftpAttributes.EMPTY);
        }, 0, List.of());
        GatedOutput out = new GatedOutput(server.clientOutput());
        SftpClientOptions options = SftpClientOptions.defaults().withMaxInFlight(2)
                .withTimeout(Duration.ofSeconds(2));
        client = SftpClient.open(server.clientInput(), out, options);
        out.arm();
        Future<SftpAttributes> first = threads.submit(() -> client.stat("/a")); // blocks inside write
        assertThat(out.entered.await(10, TimeUnit.SECONDS)).isTrue();
        assertThatThrownBy(() -> client.stat("/b")).isInstanceOf(ChannelTimeoutException.class);
        out.release.countDown();
        first.get(10, TimeUnit.SECONDS);
        silent.set(true); // no reply now: both slots must be free for two pipelined requests
        try {
            SftpConnection connection = client.connection();
            connection.send(id -> new SftpRequest.PathRequest(id, SftpPacketType.STAT, "/c").encode());
            connection.send(id -> new SftpRequest.PathRequest(id, SftpPacketType.STAT, "/d").encode());
        } finally {
            hold.countDown();
        }
    }

    @Test
    void preservingALocalFileFromBefore1970IsNotAnUncheckedError() throws Exception {
        Path home = Files.createDirectory(dir.resolve("remote"));
        Path local = Files.writeString(dir.resolve("old.txt"), "old");
        Files.setLastModifiedTime(local, FileTime.fromMillis(-86_400_000L));
        try (OpenSshSftpServer sftp = new OpenSshSftpServer(home, SftpClientOptions.defaults())) {
            sftp.client().transfers().put(local, "old.txt", TransferOptions.defaults().withPreserve(true));
            assertThat(Files.readString(home.resolve("old.txt"))).isEqualTo("old");
            assertThat(Files.getLastModifiedTime(home.resolve("old.txt")).toMillis()).isZero();
        }
    }

    @Test
    void resumingAnUploadOverARemoteFileOfAHugeUint64SizeIsRefused() throws Exception {
        List<SftpRequest> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        server = new FakeSftpServer(request -> {
            seen.add(request);
            if (request.type() == SftpPacketType.STAT) { // 2^64 - 1 bytes: larger than any local file
                return new SftpResponse.Attrs(request.id(), SftpAttributes.EMPTY.withSize(-1));
            }
            return request.type() == SftpPacketType.OPEN
                    ? new SftpResponse.Handle(request.id(), new SftpHandle(new byte[] {1}))
                    : SftpResponse.Status.ok(request.id());
        }, 0, List.of());
        client = SftpClient.open(server.clientInput(), server.clientOutput(), SftpClientOptions.defaults());
        Path local = Files.writeString(dir.resolve("part"), "local data");
        assertThatThrownBy(() -> client.transfers().put(local, "part", TransferOptions.defaults().withResume(true)))
                .isInstanceOf(org.sshstack.sftp.SftpFailureException.class).hasMessageContaining("larger");
        assertThat(seen).noneMatch(r -> r instanceof SftpRequest.Write || r instanceof SftpRequest.Open);
    }

    @Test
    void closeWakesEveryWaiterWithATypedException() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        server = new FakeSftpServer(request -> {
            arrived.countDown();
            await(hold); // silent: replies only after the test ends
            return SftpResponse.Status.ok(request.id());
        }, 0, List.of());
        client = SftpClient.open(server.clientInput(), server.clientOutput(), SftpClientOptions.defaults()
                .withTimeout(Duration.ofMinutes(5)));
        try {
            List<Future<?>> waiters = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String path = "/f" + i;
                waiters.add(threads.submit(() -> {
                    client.remove(path);
                    return null;
                }));
            }
            assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue(); // one in the server, the others in flight or not yet sent
            client.close();
            for (Future<?> waiter : waiters) {
                assertThatThrownBy(() -> waiter.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                        org.sshstack.sftp.SftpNoConnectionException.class);
            }
            assertThatThrownBy(() -> client.stat("/")).isInstanceOf(org.sshstack.sftp.SftpNoConnectionException.class);
        } finally {
            hold.countDown();
        }
    }

    @Test
    void aReplyToAnUnknownIdFailsEveryWaiterAsAProtocolError() throws Exception {
        server = new FakeSftpServer(request -> SftpResponse.Status.ok(request.id() + 1000), 0, List.of());
        client = SftpClient.open(server.clientInput(), server.clientOutput(), SftpClientOptions.defaults());
        assertThatThrownBy(() -> client.remove("/x")).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> client.remove("/y")).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void resumingADownloadOfARemoteFileShorterThanTheLocalPartFailsAndKeepsTheLocalFile() throws Exception {
        Path home = Files.createDirectory(dir.resolve("remote"));
        Files.writeString(home.resolve("short.txt"), "abc");
        Path local = Files.writeString(dir.resolve("short.txt"), "abcdef");
        try (OpenSshSftpServer sftp = new OpenSshSftpServer(home, SftpClientOptions.defaults())) {
            assertThatThrownBy(() -> sftp.client().transfers().get("short.txt", local,
                    TransferOptions.defaults().withResume(true))).isInstanceOf(
                            org.sshstack.sftp.SftpFailureException.class);
            assertThat(Files.readString(local)).isEqualTo("abcdef");
        }
    }

    @Test
    void openSshRealpathAcceptsAMissingLastComponentOnly() throws Exception {
        Path home = Files.createDirectory(dir.resolve("remote"));
        try (OpenSshSftpServer sftp = new OpenSshSftpServer(home, SftpClientOptions.defaults())) {
            assertThat(sftp.client().realpath("missing")).isEqualTo(home.toRealPath() + "/missing");
            assertThatThrownBy(() -> sftp.client().realpath("missing/deeper"))
                    .isInstanceOf(org.sshstack.sftp.SftpNoSuchFileException.class);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An output stream whose next write, once armed, blocks until released. */
    private static final class GatedOutput extends FilterOutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private volatile boolean armed;

        GatedOutput(OutputStream out) {
            super(out);
        }

        void arm() {
            armed = true;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (armed) {
                armed = false;
                entered.countDown();
                await(release);
            }
            out.write(b, off, len);
        }
    }
}
