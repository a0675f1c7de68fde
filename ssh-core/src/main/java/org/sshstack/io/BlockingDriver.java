package org.sshstack.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
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

    private final E engine;
    private final Link link;
    private final DriverOptions options;
    private final EngineGate<E> gate;
    private final DriverOutput<E> output;
    private final DriverThreads threads;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile boolean ending;
    private volatile Throwable failure;
    private boolean ended; // guarded by the gate's lock: the reader has finished and the link is shut

    private BlockingDriver(E engine, Link link, DriverOptions options) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.gate = new EngineGate<>(engine);
        this.link = link;
        this.options = Objects.requireNonNull(options, "options");
        this.output = new DriverOutput<>(gate, engine, link, options.bufferSize());
        this.threads = new DriverThreads(options, link);
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
        DriverLoops<E> loops = new DriverLoops<>(this, engine, gate, link, options);
        threads.start(loops::readLoop, loops::timerLoop);
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
        return threads.done();
    }

    /**
     * Waits for the connection to end (peer closed, engine closed, failure or {@link #close()}).
     *
     * @param timeout the most time to wait
     * @return true if it ended
     * @throws InterruptedException if interrupted
     */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return threads.await(timeout);
    }

    /**
     * Writes what is queued (waiting at most the close timeout for the writer), closes the socket and joins the
     * threads (at most the close timeout). Idempotent; safe from the reader thread (then it does not join).
     */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            threads.join();
            return;
        }
        if (!gate.isHeldByCurrentThread()) {
            output.finalFlush(options.closeTimeout());
        }
        link.shutdown();
        threads.join();
    }

    // ---------------------------------------------------------------- for the loops and the output

    /** The reader has finished: shuts the link and wakes every waiter. */
    void finish() {
        link.shutdown();
        gate.lock();
        try {
            ended = true;
            gate.changedLocked();
        } finally {
            gate.unlock();
        }
    }

    /** @return true once the reader has finished; under the engine lock */
    boolean endedLocked() {
        return ended;
    }

    /** @return true once a close has begun, ours or the engine's */
    boolean stopping() {
        return closing.get() || ending;
    }

    /** Keeps the first failure. */
    void recordFailure(Throwable t) {
        if (failure == null) {
            failure = t;
        }
    }

    /** Writes what the engine queued; once the engine is closed, shuts the link so the reader finishes. */
    void flushOutput() throws IOException {
        if (output.write()) {
            gate.changed();
        }
        if (engineClosed()) {
            ending = true;
            if (!threads.onReader()) {
                link.shutdown(); // the reader sees its read fail and finishes
            }
        }
    }

    /** {@link #flushOutput()}; an I/O error becomes the failure (unless closing) and shuts the link. */
    void flushQuietly() {
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
}
