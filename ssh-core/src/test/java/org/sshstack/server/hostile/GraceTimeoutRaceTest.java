package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.server.SshServer;
import org.sshstack.testing.TestKeys;

/**
 * SECURITY.md B9 {@code GraceTimeoutRace} (regreSSHion, CVE-2024-6387): connections stalled at a random handshake
 * step against the real {@link SshServer} over loopback, login grace time 1 s on an injected clock, so no connection
 * can time out before it reached its step and no test thread sleeps. The row asks for 500 connections x 20 rounds;
 * this runs 200 x 5 so it stays well under 20 s on the 2-core CI machine (the steps and the oracle are the row's).
 * Oracle: no uncaught exception on a server thread, every connection closed by the server, the unauthenticated
 * count back to 0, no server thread left behind and no file descriptor growth.
 */
class GraceTimeoutRaceTest {

    private static final int CONNECTIONS = 200;
    private static final int ROUNDS = 5;
    private static final Duration GRACE = Duration.ofSeconds(1);
    private static final String PREFIX = "b9-server-";
    /**
     * Descriptors the JVM itself may open between the two counts (a jar or class file opened for a class loaded
     * late, an entropy source); a leak of one descriptor per connection would be 1000 here.
     */
    private static final int FD_TOLERANCE = 8;

    /** Where a connection stops. */
    enum Stall {
        BEFORE_VERSION, MID_VERSION, AFTER_VERSION, AFTER_KEXINIT, MID_KEX, AFTER_NEWKEYS, AFTER_SERVICE_REQUEST,
        MID_AUTH
    }

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final List<Throwable> uncaught = new CopyOnWriteArrayList<>();
    private final AtomicInteger threadCount = new AtomicInteger();
    private final ThreadFactory threads = r -> {
        Thread t = new Thread(r, PREFIX + threadCount.incrementAndGet());
        t.setDaemon(true);
        t.setUncaughtExceptionHandler((thread, e) -> uncaught.add(e));
        return t;
    };

    @Test
    void stalledHandshakesAreAllEndedByTheLoginGraceTime() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        Random random = new Random(6387);
        try (SshServer server = SshServer.builder().hostKey(KeyGenerator.ed25519("host", TestKeys.seeded(1)))
                .executor(executor).threadFactory(threads).clock(now::get).loginGraceTime(GRACE)
                .maxUnauthenticated(2 * CONNECTIONS).passwordAuthenticator((user, password) -> false)
                .build().start()) {
            round(server, random, Stall.values().length); // warm-up: classes loaded, so the counts below are stable
            int threadsBefore = serverThreads();
            long fdsBefore = openFileDescriptors();
            for (int i = 0; i < ROUNDS; i++) {
                round(server, random, CONNECTIONS);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> serverThreads() == threadsBefore);
            assertThat(openFileDescriptors()).isLessThanOrEqualTo(fdsBefore + FD_TOLERANCE);
        } finally {
            executor.shutdownNow();
        }
        assertThat(uncaught).isEmpty();
    }

    private void round(SshServer server, Random random, int count) throws Exception {
        List<RawClient> clients = new ArrayList<>();
        List<Stall> stalls = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                Stall stall = count == Stall.values().length ? Stall.values()[i]
                        : Stall.values()[random.nextInt(Stall.values().length)];
                RawClient client = new RawClient(server.getPort());
                clients.add(client);
                stalls.add(stall);
                stall(client, stall);
            }
            // the injected clock has not moved: every connection is still open, waiting at its step
            await().atMost(Duration.ofSeconds(10)).until(() -> server.unauthenticatedConnections() == count);
            now.addAndGet(GRACE.toNanos() + 1);
            for (int i = 0; i < count; i++) {
                if (i % 3 == 0) {
                    poke(clients.get(i));
                }
            }
            for (int i = 0; i < count; i++) {
                var reason = clients.get(i).awaitServerClose();
                if (i % 3 != 0 && stalls.get(i).compareTo(Stall.AFTER_NEWKEYS) >= 0) {
                    assertThat(reason).as(stalls.get(i).name()).contains(DisconnectReason.BY_APPLICATION);
                }
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> server.connectionCount() == 0);
            assertThat(server.unauthenticatedConnections()).isZero();
        } finally {
            clients.forEach(RawClient::close);
        }
    }

    /** Races the grace timer with more input: garbage the server must refuse, unless it closed first. */
    private static void poke(RawClient client) {
        try {
            client.writeRaw(new byte[] {'x', '\r', '\n'});
        } catch (IOException e) {
            // the server closed first: the other order of the race
        }
    }

    private static void stall(RawClient client, Stall stall) throws IOException, SshException {
        switch (stall) {
            case BEFORE_VERSION -> { }
            case MID_VERSION -> client.writeRaw("SSH-2.0-hosti".getBytes(StandardCharsets.US_ASCII));
            case AFTER_VERSION -> client.writeRaw("SSH-2.0-hostile\r\n".getBytes(StandardCharsets.US_ASCII));
            case AFTER_KEXINIT -> client.flush(); // our identification and KEXINIT
            case MID_KEX -> client.require(e -> e.traffic().packetsOut() >= 2, "KEX_ECDH_INIT sent");
            case AFTER_NEWKEYS -> client.kex();
            case AFTER_SERVICE_REQUEST -> {
                client.kex();
                client.engine().requestService("ssh-userauth");
                client.flush();
            }
            case MID_AUTH -> {
                client.userauthService();
                client.send(HostilePayloads.password("mallory", "wrong")); // the FAILURE is held for the failure delay
            }
        }
    }

    private static int serverThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(PREFIX) && t.isAlive()).count();
    }

    private static long openFileDescriptors() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }
}
