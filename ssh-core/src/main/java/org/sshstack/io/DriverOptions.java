package org.sshstack.io;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;

/**
 * Settings of a {@link BlockingDriver}: where its threads come from, its clock and its time bounds. Immutable;
 * each {@code with...} method returns a changed copy.
 */
public final class DriverOptions {

    private static final int MIN_BUFFER = 1024;
    /**
     * The default read and write buffer: larger than one full data packet (32 KiB of channel data plus framing and
     * tag), so a packet never takes two socket reads or writes, and several queued packets go out in one write
     * (DESIGN.md §9: batch small writes).
     */
    private static final int DEFAULT_BUFFER = 64 * 1024;

    private final ThreadFactory threadFactory;
    private final LongSupplier clock;
    private final Duration connectTimeout;
    private final Duration timerCap;
    private final Duration closeTimeout;
    private final int bufferSize;
    private final boolean streamTimers;

    private DriverOptions(ThreadFactory threadFactory, LongSupplier clock, Duration connectTimeout, Duration timerCap,
            Duration closeTimeout, int bufferSize, boolean streamTimers) {
        this.threadFactory = threadFactory;
        this.clock = clock;
        this.connectTimeout = connectTimeout;
        this.timerCap = timerCap;
        this.closeTimeout = closeTimeout;
        this.bufferSize = bufferSize;
        this.streamTimers = streamTimers;
    }

    /**
     * @return defaults: {@link Executors#defaultThreadFactory()}, {@code System::nanoTime}, 10 s connect
     *     timeout, timers re-checked at least every second, 5 s to flush and join on close, 64 KiB buffers, a
     *     timer thread for stream connections
     */
    public static DriverOptions defaults() {
        return new DriverOptions(Executors.defaultThreadFactory(), System::nanoTime, Duration.ofSeconds(10),
                Duration.ofSeconds(1), Duration.ofSeconds(5), DEFAULT_BUFFER, true);
    }

    /**
     * @param factory makes the reader thread (and the timer thread of stream connections); pass a virtual-thread
     *     factory on Java 21+ to hold many connections
     * @return a copy with that factory
     */
    public DriverOptions withThreadFactory(ThreadFactory factory) {
        return new DriverOptions(Objects.requireNonNull(factory, "factory"), clock, connectTimeout, timerCap,
                closeTimeout, bufferSize, streamTimers);
    }

    /**
     * @param nanoClock a {@code System.nanoTime()}-style clock, on the engine's deadline scale
     * @return a copy with that clock
     */
    public DriverOptions withClock(LongSupplier nanoClock) {
        return new DriverOptions(threadFactory, Objects.requireNonNull(nanoClock, "nanoClock"), connectTimeout,
                timerCap, closeTimeout, bufferSize, streamTimers);
    }

    /**
     * @param timeout the most time a TCP connect may take
     * @return a copy with that timeout
     */
    public DriverOptions withConnectTimeout(Duration timeout) {
        return new DriverOptions(threadFactory, clock, positive(timeout), timerCap, closeTimeout, bufferSize,
                streamTimers);
    }

    /**
     * @param cap the longest a blocked read waits before the driver re-reads the clock and the engine's deadline
     *     (also the most a deadline moved earlier by an upper-layer call can be late)
     * @return a copy with that cap
     */
    public DriverOptions withTimerCap(Duration cap) {
        return new DriverOptions(threadFactory, clock, connectTimeout, positive(cap), closeTimeout, bufferSize,
                streamTimers);
    }

    /**
     * @param timeout how long {@code close()} may spend flushing queued output, and again joining the reader
     * @return a copy with that timeout
     */
    public DriverOptions withCloseTimeout(Duration timeout) {
        return new DriverOptions(threadFactory, clock, connectTimeout, timerCap, positive(timeout), bufferSize,
                streamTimers);
    }

    /**
     * @param size the read and write buffer size in bytes (at least 1024)
     * @return a copy with that size
     */
    public DriverOptions withBufferSize(int size) {
        if (size < MIN_BUFFER) {
            throw new IllegalArgumentException("buffer size below " + MIN_BUFFER + ": " + size);
        }
        return new DriverOptions(threadFactory, clock, connectTimeout, timerCap, closeTimeout, size, streamTimers);
    }

    /**
     * @param enabled whether a stream connection (which has no read timeout) gets a second thread, from the same
     *     factory, that calls the engine's timers
     * @return a copy with that setting
     */
    public DriverOptions withStreamTimers(boolean enabled) {
        return new DriverOptions(threadFactory, clock, connectTimeout, timerCap, closeTimeout, bufferSize, enabled);
    }

    /** @return the thread factory */
    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    /** @return the clock */
    public LongSupplier clock() {
        return clock;
    }

    /** @return the connect timeout */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** @return the timer re-check cap */
    public Duration timerCap() {
        return timerCap;
    }

    /** @return the close flush/join timeout */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** @return the buffer size */
    public int bufferSize() {
        return bufferSize;
    }

    /** @return whether stream connections run a timer thread */
    public boolean streamTimers() {
        return streamTimers;
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("not positive: " + d);
        }
        return d;
    }
}
