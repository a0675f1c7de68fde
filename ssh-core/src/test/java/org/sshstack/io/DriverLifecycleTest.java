package org.sshstack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Threads and file descriptors across many connections, stream connections, and virtual threads (JDK 21+). */
class DriverLifecycleTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Path FDS = Path.of("/proc/self/fd");

    private static long openFds() throws IOException {
        try (Stream<Path> fds = Files.list(FDS)) {
            return fds.count();
        }
    }

    private static String fdList() throws IOException {
        StringBuilder out = new StringBuilder();
        try (Stream<Path> fds = Files.list(FDS)) {
            for (Path fd : (Iterable<Path>) fds::iterator) {
                try {
                    out.append(fd.getFileName()).append("->").append(Files.readSymbolicLink(fd)).append(' ');
                } catch (IOException e) {
                    out.append(fd.getFileName()).append("->? ");
                }
            }
        }
        return out.toString();
    }

    @Test
    void manyConnectionsLeaveNoThreadsOrFileDescriptors() throws Exception {
        assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd");
        CountingThreadFactory threads = new CountingThreadFactory(Executors.defaultThreadFactory());
        runMany(threads, 40);
    }

    @Test
    void virtualThreadsWorkWithTheSameCode() throws Exception {
        ThreadFactory virtual = virtualThreadFactory();
        assumeTrue(virtual != null, "virtual threads need JDK 21+");
        CountingThreadFactory threads = new CountingThreadFactory(virtual);
        runMany(threads, 40);
        assertThat(threads.made()).allSatisfy(t -> assertThat(isVirtual(t)).isTrue());
    }

    private void runMany(CountingThreadFactory threads, int connections) throws Exception {
        DriverOptions options = DriverOptions.defaults().withThreadFactory(threads)
                .withTimerCap(Duration.ofMillis(50));
        for (int i = 0; i < 3; i++) {
            warmUp(options);
        }
        long fdsBefore = openFds();
        for (int i = 0; i < connections; i++) {
            try (TestPeer peer = new TestPeer()) {
                BlockingDriver<LineEngine> driver = BlockingDriver.connect(new LineEngine("hi"), peer.address(),
                        options);
                peer.accept();
                assertThat(peer.readLine()).isEqualTo("hi");
                peer.send("n" + i);
                assertThat(peer.readLine()).isEqualTo("echo:n" + i);
                if (i % 2 == 0) {
                    driver.close();
                } else {
                    peer.send("CLOSE");
                    assertThat(peer.readLine()).isEqualTo("BYE");
                    assertThat(driver.awaitClosed(WAIT)).isTrue();
                    driver.close();
                }
            }
        }
        assertThat(threads.made()).hasSizeGreaterThanOrEqualTo(connections);
        await().atMost(WAIT).until(() -> threads.live() == 0);
        await().atMost(WAIT).untilAsserted(() -> assertThat(openFds()).as(fdList()).isLessThanOrEqualTo(fdsBefore));
    }

    /** Loads the classes and opens the JDK's lazily opened files once, before counting descriptors. */
    private static void warmUp(DriverOptions options) throws Exception {
        try (TestPeer peer = new TestPeer();
                BlockingDriver<LineEngine> driver = BlockingDriver.connect(new LineEngine("hi"), peer.address(),
                        options)) {
            peer.accept();
            assertThat(peer.readLine()).isEqualTo("hi");
        }
    }

    @Test
    void streamConnectionsRunTimersOnASecondThread() throws Exception {
        CountingThreadFactory threads = new CountingThreadFactory(Executors.defaultThreadFactory());
        AtomicLong now = new AtomicLong(0);
        DriverOptions options = DriverOptions.defaults().withThreadFactory(threads).withClock(now::get)
                .withTimerCap(Duration.ofMillis(20));
        try (TestPeer peer = new TestPeer(); Socket socket = new Socket()) {
            socket.connect(peer.address(), 10_000);
            peer.accept();
            BlockingDriver<LineEngine> driver = BlockingDriver.overStreams(new LineEngine("hi"),
                    socket.getInputStream(), socket.getOutputStream(), options);
            assertThat(peer.readLine()).isEqualTo("hi");
            peer.send("x");
            assertThat(peer.readLine()).isEqualTo("echo:x");
            driver.run(e -> e.deadline = 100);
            now.set(100);
            assertThat(peer.readLine()).isEqualTo("tick:100");
            assertThat(threads.made()).hasSize(2);
            driver.close();
            assertThat(peer.readLine()).isNull();
            assertThat(threads.live()).isZero();
        }
    }

    @Test
    void streamConnectionsWithoutTimersUseOneThread() throws Exception {
        CountingThreadFactory threads = new CountingThreadFactory(Executors.defaultThreadFactory());
        DriverOptions options = DriverOptions.defaults().withThreadFactory(threads).withStreamTimers(false);
        try (TestPeer peer = new TestPeer(); Socket socket = new Socket()) {
            socket.connect(peer.address(), 10_000);
            peer.accept();
            BlockingDriver<LineEngine> driver = BlockingDriver.overStreams(new LineEngine(null),
                    socket.getInputStream(), socket.getOutputStream(), options);
            peer.send("FAIL");
            assertThat(peer.readLine()).isEqualTo("BYE");
            assertThat(driver.awaitClosed(WAIT)).isTrue();
            assertThat(driver.failure()).isPresent();
            assertThat(threads.made()).hasSize(1);
            driver.close();
        }
    }

    private static ThreadFactory virtualThreadFactory() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Method factory = Class.forName("java.lang.Thread$Builder").getMethod("factory"); // the public interface
            return (ThreadFactory) factory.invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static boolean isVirtual(Thread t) {
        try {
            return (Boolean) Thread.class.getMethod("isVirtual").invoke(t);
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
