package org.sshstack.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.ProtocolEngine;

/**
 * Runs one {@link ProtocolEngine} over a blocking socket (or a pair of streams) with one reader thread.
 *
 * <p>Threads and locks (DESIGN.md §3): the reader thread comes from the caller's {@code ThreadFactory}. Every
 * engine call, the driver's own and the upper layers' ({@link #withEngine}, {@link #call}), runs under one
 * {@link ReentrantLock} (never a monitor lock: virtual threads would pin). Output is drained from the engine
 * and written outside engine calls, under a separate write lock held across drain and write so chunks keep their
 * order; lock order is always write lock, then engine lock. Whoever made the engine produce output (the reader
 * after {@code receive}, a caller after {@code withEngine}) writes it, so a peer that stops reading can block
 * that thread's write while the other threads can still call the engine.
 *
 * <p>Timers: on a socket the reader sets {@code SO_TIMEOUT} to {@code min(deadline - now, timerCap)} and calls
 * {@code onTimer(now)} whenever the clock has reached the engine's deadline. A deadline moved earlier by an
 * upper-layer call during a blocked read is honoured at most {@code timerCap} late. Streams have no read
 * timeout: with {@link DriverOptions#streamTimers()} a second thread from the same factory waits for deadlines
 * (woken by every engine call); without it the engine's timers never fire.
 *
 * @param <E> the engine type
 */
public final class BlockingDriver<E extends ProtocolEngine> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingDriver.class);
    private static final long MILLI = 1_000_000L;

    private final E engine;
    private final Link link;
    private final DriverOptions options;
    private final EngineGate<E> gate;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final byte[] writeBuffer;
    private final CountDownLatch threadsDone;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean ending;
    private volatile Throwable failure;
    private volatile Thread reader;
    private volatile Thread timer;
    private boolean ended; // guarded by the gate's lock: the reader has finished and the link is shut

    private BlockingDriver(E engine, Link link, DriverOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.gate = new EngineGate<>(engine);
        this.link = link;
        this.options = Objects.requireNonNull(options, "options");
        this.writeBuffer = new byte[options.bufferSize()];
        this.threadsDone = new CountDownLatch(!link.hasReadTimeout() && options.streamTimers() ? 2 : 1);
    }

    /**
     * Opens a TCP connection ({@code TCP_NODELAY} set before connecting, DESIGN.md §9) and starts the driver.
     *
     * @param engine a fresh engine
     * @param address where to connect
     * @param options threads, clock and time bounds (the connect timeout among them)
     * @param <E> the engine type
     * @return the running driver
     * @throws IOException if the connection fails or times out
     */
    public static <E extends ProtocolEngine> BlockingDriver<E> connect(E engine, SocketAddress address,
            DriverOptions options) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(address, (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()));
            return start(engine, socket, options);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Starts the driver on a connected socket (e.g. one just accepted); sets {@code TCP_NODELAY} before the
     * driver writes its first byte. The driver owns the socket from now on.
     *
     * @param engine a fresh engine
     * @param socket a connected socket
     * @param options threads, clock and time bounds
     * @param <E> the engine type
     * @return the running driver
     * @throws IOException if the socket cannot be set up
     */
    public static <E extends ProtocolEngine> BlockingDriver<E> start(E engine, Socket socket, DriverOptions options)
            throws IOException {
        socket.setTcpNoDelay(true);
        BlockingDriver<E> driver = new BlockingDriver<>(engine, new Link.SocketLink(socket), options);
        driver.startThreads();
        return driver;
    }

    /**
     * Starts the driver over a pair of streams (a process's stdio, an inetd-style pipe). Closing the streams must
     * unblock a blocked read. Timers need a thread of their own here: see {@link DriverOptions#streamTimers()}.
     *
     * @param engine a fresh engine
     * @param in bytes from the peer
     * @param out bytes to the peer
     * @param options threads, clock and time bounds
     * @param <E> the engine type
     * @return the running driver
     */
    public static <E extends ProtocolEngine> BlockingDriver<E> overStreams(E engine, InputStream in, OutputStream out,
            DriverOptions options) {
        BlockingDriver<E> driver = new BlockingDriver<>(engine, new Link.StreamLink(
                Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out")), options);
        driver.startThreads();
        return driver;
    }

    private void startThreads() {
        reader = newThread(this::readLoop);
        if (threadsDone.getCount() == 2) {
            timer = newThread(this::timerLoop);
        }
        reader.start();
        if (timer != null) {
            timer.start();
        }
    }

    private Thread newThread(Runnable body) {
        Thread thread = options.threadFactory().newThread(() -> {
            try {
                body.run();
            } finally {
                threadsDone.countDown();
            }
        });
        if (thread == null) {
            link.shutdown();
            throw new IllegalStateException("the thread factory refused to make a thread");
        }
        return thread;
    }

    /** @return the engine; call it only through {@link #withEngine}, {@link #call} or {@link #run} */
    public E engine() {
        return engine;
    }

    /**
     * Calls the engine under the engine lock, then writes what the call queued.
     *
     * @param action the call
     * @param <T> its result type
     * @return its result
     */
    public <T> T withEngine(Function<? super E, T> action) {
        T result = gate.call(action);
        flushQuietly();
        return result;
    }

    /**
     * Runs an action on the engine under the engine lock, then writes what it queued.
     *
     * @param action the action
     */
    public void run(Consumer<? super E> action) {
        withEngine(e -> {
            action.accept(e);
            return null;
        });
    }

    /**
     * Calls the engine under the engine lock, then writes what the call queued (a DISCONNECT when it failed).
     *
     * @param action the call, which may throw the engine's exception
     * @param <T> its result type
     * @return its result
     * @throws SshException what the engine threw
     */
    public <T> T call(EngineAction<? super E, T> action) throws SshException {
        try {
            return gate.callChecked(action);
        } finally {
            flushQuietly();
        }
    }

    /**
     * Offers something to the engine (e.g. a payload) and, while the engine refuses it because its bounded queue
     * is full or a key exchange holds it back, waits for output to drain or the engine to change state, then
     * offers again.
     *
     * @param offer returns true when the engine took the offer
     * @param timeout the most time to wait
     * @return true when taken, false when the timeout elapsed first
     * @throws SshException if the engine failed, or the connection is over
     * @throws InterruptedException if interrupted while waiting
     */
    public boolean send(EngineAction<? super E, Boolean> offer, Duration timeout)
            throws SshException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos(); // real time: the injected clock drives engine timers only
        while (true) {
            long seen;
            boolean taken;
            gate.lock();
            try {
                requireOpen();
                taken = gate.callChecked(offer);
                seen = gate.generation(); // after the offer, which itself counts as a change
            } finally {
                gate.unlock();
            }
            flushQuietly();
            if (taken) {
                return true;
            }
            if (end - System.nanoTime() <= 0 || !gate.awaitChange(seen, end)) {
                return false;
            }
        }
    }

    /**
     * Waits until a condition on the engine holds (evaluated under the engine lock after every engine call and
     * drained write), e.g. "key exchange done"; the overall handshake timeout helper.
     *
     * @param condition the condition
     * @param timeout the most time to wait
     * @param what what is awaited, for the exception message
     * @throws SshException if the connection ended first (cause: {@link #failure()}), or on timeout (the
     *     connection is then closed)
     * @throws InterruptedException if interrupted while waiting
     */
    public void await(Predicate<? super E> condition, Duration timeout, String what)
            throws SshException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos(); // real time: the injected clock drives engine timers only
        while (true) {
            long seen;
            gate.lock();
            try {
                if (condition.test(engine)) {
                    return;
                }
                requireOpen();
                seen = gate.generation();
            } finally {
                gate.unlock();
            }
            if (!gate.awaitChange(seen, end)) {
                close();
                throw new SshException(DisconnectReason.BY_APPLICATION, "timed out after " + timeout + " waiting for "
                        + what);
            }
        }
    }

    /** Writes what the engine has queued (for upper layers that queued output outside {@link #withEngine}). */
    public void flush() {
        flushQuietly();
    }

    /** @return why the connection ended abnormally (engine failure, I/O error), if it did */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return true once the reader (and timer) thread have finished and the socket is closed */
    public boolean isClosed() {
        return threadsDone.getCount() == 0;
    }

    /**
     * Waits for the connection to end (peer closed, engine closed, failure or {@link #close()}).
     *
     * @param timeout the most time to wait
     * @return true if it ended
     * @throws InterruptedException if interrupted
     */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        return threadsDone.await(timeout.toNanos(), TimeUnit.NANOSECONDS) && joined(end);
    }

    /** Joins the driver's threads (unless called on one of them) until {@code end}; true when none is alive. */
    private boolean joined(long end) throws InterruptedException {
        for (Thread t : new Thread[] {reader, timer}) {
            if (t == null || t == Thread.currentThread()) {
                continue;
            }
            long left = end - System.nanoTime();
            if (left > 0) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes what is queued (waiting at most the close timeout for the writer), closes the socket and joins the
     * threads (at most the close timeout). Idempotent; safe from the reader thread (then it does not join).
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            joinThreads();
            return;
        }
        if (!gate.isHeldByCurrentThread()) {
            finalFlush();
        }
        link.shutdown();
        joinThreads();
    }

    private void joinThreads() {
        Thread self = Thread.currentThread();
        if (self == reader || self == timer) {
            return;
        }
        try {
            if (!awaitClosed(options.closeTimeout())) {
                LOG.warn("driver threads did not end within {}", options.closeTimeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void finalFlush() {
        try {
            if (writeLock.tryLock(options.closeTimeout().toNanos(), TimeUnit.NANOSECONDS)) {
                try {
                    drainAndWrite();
                } finally {
                    writeLock.unlock();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.debug("could not flush on close", e);
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[options.bufferSize()];
        try {
            flushOutput();
            int waitMillis;
            while ((waitMillis = fireDueTimers()) >= 0) {
                int n = link.read(buffer, waitMillis);
                if (n == Link.TIMED_OUT) {
                    continue;
                }
                if (n < 0) {
                    gate.call(e -> {
                        e.receiveEnd();
                        return null;
                    });
                    flushOutput();
                    break;
                }
                gate.callChecked(e -> {
                    e.receive(buffer, 0, n);
                    return null;
                });
                flushOutput();
            }
        } catch (Throwable t) {
            onFailure(t);
        } finally {
            finish();
        }
    }

    /** @return milliseconds the next read may block, or -1 once the engine is closed */
    private int fireDueTimers() throws IOException {
        long wait;
        gate.lock();
        try {
            if (engine.isClosed()) {
                return -1;
            }
            wait = untilDeadline();
            if (wait <= 0) {
                gate.callChecked(e -> {
                    e.onTimer(options.clock().getAsLong());
                    return null;
                });
            }
        } finally {
            gate.unlock();
        }
        if (wait <= 0) {
            flushOutput();
            return 1; // re-check soon, but read first: an engine that leaves its deadline due cannot spin the reader
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (wait + MILLI - 1) / MILLI));
    }

    /** @return nanoseconds until the engine's deadline, capped; at most 0 when it is due. Under the lock. */
    private long untilDeadline() {
        long deadline = engine.nextDeadlineNanos();
        long cap = options.timerCap().toNanos();
        if (deadline == Long.MAX_VALUE) {
            return cap;
        }
        long left = deadline - options.clock().getAsLong();
        return Math.min(left, cap);
    }

    private void timerLoop() {
        try {
            while (true) {
                boolean fire;
                gate.lock();
                try {
                    if (ended || engine.isClosed()) {
                        return;
                    }
                    long wait = untilDeadline();
                    fire = wait <= 0;
                    if (fire) {
                        gate.callChecked(e -> {
                            e.onTimer(options.clock().getAsLong());
                            return null;
                        });
                    } else {
                        gate.awaitNanosLocked(wait);
                    }
                } finally {
                    gate.unlock();
                }
                if (fire) {
                    flushOutput();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            onFailure(t);
            link.shutdown();
        }
    }

    private void onFailure(Throwable t) {
        if ((closing.get() || ending) && t instanceof IOException && !(t instanceof SshException)) {
            return; // our own close unblocked the read or write
        }
        if (failure == null) {
            failure = t;
        }
        if (t instanceof SshException || t instanceof RuntimeException) {
            LOG.debug("engine failed; flushing its last output", t);
            flushQuietly(); // RFC 4253 §11.1: the DISCONNECT the engine queued
        } else {
            tryLocked(ProtocolEngine::receiveEnd);
        }
    }

    private void finish() {
        link.shutdown();
        gate.lock();
        try {
            ended = true;
            gate.changedLocked();
        } finally {
            gate.unlock();
        }
    }

    private void flushOutput() throws IOException {
        boolean wrote;
        writeLock.lock();
        try {
            wrote = drainAndWrite();
        } finally {
            writeLock.unlock();
        }
        if (wrote) {
            gate.changed();
        }
        if (engineClosed()) {
            ending = true;
            if (Thread.currentThread() != reader) {
                link.shutdown(); // the reader sees its read fail and finishes
            }
        }
    }

    /** Drains and writes until the engine has nothing queued; the caller holds the write lock. */
    private boolean drainAndWrite() throws IOException {
        boolean wrote = false;
        while (true) {
            int n;
            gate.lock();
            try {
                n = engine.drainOutbound(writeBuffer, 0, writeBuffer.length);
            } finally {
                gate.unlock();
            }
            if (n <= 0) {
                return wrote;
            }
            link.write(writeBuffer, 0, n);
            wrote = true;
        }
    }

    private void flushQuietly() {
        try {
            flushOutput();
        } catch (IOException e) {
            if (!closing.get() && !ending && failure == null) {
                failure = e;
            }
            link.shutdown();
        }
    }

    private boolean engineClosed() {
        gate.lock();
        try {
            return engine.isClosed();
        } finally {
            gate.unlock();
        }
    }

    private void requireOpen() throws SshException {
        if (ended || engine.isClosed() || closing.get()) {
            throw new SshException(DisconnectReason.CONNECTION_LOST, "connection closed", failure);
        }
    }

    private void tryLocked(Consumer<? super E> action) {
        try {
            gate.call(e -> {
                action.accept(e);
                return null;
            });
        } catch (RuntimeException ignored) {
            // the engine is already failing; nothing more to tell it
        }
    }
}
