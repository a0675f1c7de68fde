package org.sshstack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** The blocking driver over loopback sockets with a fake line engine. */
class BlockingDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final CountingThreadFactory threads = new CountingThreadFactory(Executors.defaultThreadFactory());
    private final AtomicLong now = new AtomicLong(1_000);
    private final AtomicLong clockReads = new AtomicLong();
    private final LongSupplier clock = () -> {
        clockReads.incrementAndGet();
        return now.get();
    };
    private TestPeer peer;

    @BeforeEach
    void listen() throws IOException {
        peer = new TestPeer();
    }

    @AfterEach
    void closePeer() throws IOException {
        peer.close();
    }

    private DriverOptions options() {
        return DriverOptions.defaults().withThreadFactory(threads).withClock(clock).withTimerCap(Duration.ofMillis(20))
                .withCloseTimeout(Duration.ofSeconds(5));
    }

    private BlockingDriver<LineEngine> connect(LineEngine engine) throws IOException {
        BlockingDriver<LineEngine> driver = BlockingDriver.connect(engine, peer.address(), options());
        peer.accept();
        return driver;
    }

    private static List<Long> timerCalls(BlockingDriver<LineEngine> driver) {
        return driver.withEngine(e -> List.copyOf(e.timerCalls));
    }

    private static List<String> lines(BlockingDriver<LineEngine> driver) {
        return driver.withEngine(e -> List.copyOf(e.lines));
    }

    private static boolean sawEnd(BlockingDriver<LineEngine> driver) {
        return driver.withEngine(e -> e.sawEnd);
    }

    @Test
    void carriesDataBothWaysAndSetsNoDelay() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine("hello"))) {
            assertThat(peer.readLine()).isEqualTo("hello");
            peer.send("one");
            peer.send("two");
            assertThat(peer.readLine()).isEqualTo("echo:one");
            assertThat(peer.readLine()).isEqualTo("echo:two");
            driver.run(e -> e.offer("pushed"));
            assertThat(peer.readLine()).isEqualTo("pushed");
            assertThat(lines(driver)).containsExactly("one", "two");
        }
        assertThat(threads.made()).hasSize(1);
    }

    @Test
    void tcpNoDelayIsSetOnAcceptedSockets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
                var client = TestPeer.connectTo(server);
                var accepted = server.accept()) {
            BlockingDriver<LineEngine> driver = BlockingDriver.start(new LineEngine("hi"), accepted, options());
            assertThat(accepted.getTcpNoDelay()).isTrue();
            driver.close();
            assertThat(accepted.isClosed()).isTrue();
        }
    }

    @Test
    void timerFiresOnlyOnceTheInjectedClockReachesTheDeadline() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine(null))) {
            driver.run(e -> e.deadline = 5_000);
            long before = clockReads.get();
            await().atMost(WAIT).until(() -> clockReads.get() > before + 10); // the reader re-checked many times
            assertThat(timerCalls(driver)).isEmpty();
            now.set(5_000);
            assertThat(peer.readLine()).isEqualTo("tick:5000");
            assertThat(timerCalls(driver)).containsExactly(5_000L);

            driver.run(e -> e.deadline = 7_000);
            now.set(9_000); // already past: fires at once with the current clock
            assertThat(peer.readLine()).isEqualTo("tick:9000");
            assertThat(timerCalls(driver)).containsExactly(5_000L, 9_000L);
        }
    }

    @Test
    void anEngineThatLeavesItsDeadlineDueDoesNotStopTheReader() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine(null))) {
            driver.run(e -> {
                e.keepDue = true; // onTimer below never moves the deadline
                e.deadline = 0;
            });
            await().atMost(WAIT).until(() -> timerCalls(driver).size() > 3);
            peer.send("still reading");
            String line = peer.readLine();
            assertThat(line).isEqualTo("echo:still reading");
        }
    }

    @Test
    void engineFailureFlushesItsLastOutputAndCloses() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        peer.send("FAIL");
        assertThat(peer.readLine()).isEqualTo("BYE");
        assertThat(peer.readLine()).isNull(); // socket closed after the flush
        assertThat(driver.awaitClosed(WAIT)).isTrue();
        assertThat(driver.failure()).get().isInstanceOf(SshException.class)
                .extracting(t -> ((SshException) t).reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        assertThatThrownBy(() -> driver.send(e -> e.offer("late"), WAIT)).isInstanceOf(SshException.class);
        driver.close();
        assertThat(threads.live()).isZero();
    }

    @Test
    void engineClosingCleanlyEndsWithoutFailure() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        peer.send("CLOSE");
        assertThat(peer.readLine()).isEqualTo("BYE");
        assertThat(peer.readLine()).isNull();
        assertThat(driver.awaitClosed(WAIT)).isTrue();
        assertThat(driver.failure()).isEmpty();
    }

    @Test
    void upperLayerClosingTheEngineEndsTheReader() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        driver.run(e -> {
            e.queue("GOODBYE\n");
            e.closed = true;
        });
        assertThat(peer.readLine()).isEqualTo("GOODBYE");
        assertThat(driver.awaitClosed(WAIT)).isTrue();
        assertThat(driver.failure()).isEmpty();
        assertThat(threads.live()).isZero();
    }

    @Test
    void peerEndOfStreamReachesTheEngine() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        peer.shutdownOutput();
        assertThat(driver.awaitClosed(WAIT)).isTrue();
        assertThat(sawEnd(driver)).isTrue();
        assertThat(driver.failure()).isEmpty();
    }

    @Test
    void closeFlushesQueuedOutputAndIsIdempotent() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        driver.withEngine(e -> {
            e.queue("last words\n");
            return null;
        });
        driver.close();
        driver.close();
        assertThat(driver.isClosed()).isTrue();
        assertThat(peer.readLine()).isEqualTo("last words");
        assertThat(peer.readLine()).isNull();
        assertThat(driver.failure()).isEmpty();
        assertThat(threads.live()).isZero();
        Thread other = new Thread(driver::close);
        other.start();
        other.join(WAIT.toMillis());
        assertThat(other.isAlive()).isFalse();
    }

    @Test
    void sendWaitsWhileTheEngineRefusesThenSucceeds() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine(null))) {
            driver.run(e -> e.holding = true);
            assertThat(driver.send(e -> e.offer("blocked"), Duration.ofMillis(50))).isFalse();
            Thread releaser = threads.newThread(() -> driver.run(e -> e.holding = false));
            releaser.start();
            assertThat(driver.send(e -> e.offer("through"), WAIT)).isTrue();
            assertThat(peer.readLine()).isEqualTo("through");
            releaser.join(WAIT.toMillis());
        }
    }

    @Test
    void sendWaitsForOutputToDrainWhenTheQueueIsFull() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine(null))) {
            driver.run(e -> e.capacity = 16);
            for (int i = 0; i < 200; i++) {
                String line = "line-" + i;
                assertThat(driver.send(e -> e.offer(line), WAIT)).isTrue();
            }
            for (int i = 0; i < 200; i++) {
                assertThat(peer.readLine()).isEqualTo("line-" + i);
            }
        }
    }

    @Test
    void awaitTimesOutAndCloses() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        assertThatThrownBy(() -> driver.await(e -> e.lines.contains("never"), Duration.ofMillis(50), "never"))
                .isInstanceOf(SshException.class).hasMessageContaining("never");
        assertThat(driver.isClosed()).isTrue();
        assertThat(peer.readLine()).isNull();
    }

    @Test
    void awaitReturnsWhenTheConditionHolds() throws Exception {
        try (BlockingDriver<LineEngine> driver = connect(new LineEngine(null))) {
            peer.send("ready");
            driver.await(e -> e.lines.contains("ready"), WAIT, "ready");
            assertThat(peer.readLine()).isEqualTo("echo:ready");
        }
    }

    @Test
    void awaitFailsWhenTheConnectionEnds() throws Exception {
        BlockingDriver<LineEngine> driver = connect(new LineEngine(null));
        peer.send("FAIL");
        assertThatThrownBy(() -> driver.await(e -> false, WAIT, "anything"))
                .isInstanceOf(SshException.class)
                .satisfies(t -> assertThat(((SshException) t).reason()).isEqualTo(DisconnectReason.CONNECTION_LOST))
                .hasCauseInstanceOf(SshException.class);
        driver.close();
    }

    @Test
    void connectRefusedLeavesNoThread() throws Exception {
        var address = peer.address();
        peer.close();
        assertThatThrownBy(() -> BlockingDriver.connect(new LineEngine(null), address, options()))
                .isInstanceOf(IOException.class);
        assertThat(threads.made()).isEmpty();
    }
}
