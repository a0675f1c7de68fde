package org.sshstack.io;

import java.io.IOException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.SshException;
import org.sshstack.transport.ProtocolEngine;

/**
 * The thread bodies of a {@link BlockingDriver}: the reader loop (reads, feeds the engine, fires due timers between
 * reads) and, over streams, the timer loop. A failure ends the loop and is handed to the driver (see its class
 * comment for the timer rules).
 *
 * @param <E> the engine type
 */
final class DriverLoops<E extends ProtocolEngine> {

    private static final Logger LOG = LoggerFactory.getLogger(BlockingDriver.class);
    private static final long MILLI = 1_000_000L;

    private final BlockingDriver<E> driver;
    private final E engine;
    private final EngineGate<E> gate;
    private final Link link;
    private final DriverOptions options;

    DriverLoops(BlockingDriver<E> driver, E engine, EngineGate<E> gate, Link link, DriverOptions options) {
        this.driver = driver;
        this.engine = engine;
        this.gate = gate;
        this.link = link;
        this.options = options;
    }

    void readLoop() {
        byte[] buffer = new byte[options.bufferSize()];
        try {
            driver.flushOutput();
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
                    driver.flushOutput();
                    break;
                }
                gate.callChecked(e -> {
                    e.receive(buffer, 0, n);
                    return null;
                });
                driver.flushOutput();
            }
        } catch (Throwable t) {
            onFailure(t);
        } finally {
            driver.finish();
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
                fireTimer();
            }
        } finally {
            gate.unlock();
        }
        if (wait <= 0) {
            driver.flushOutput();
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

    /** Calls the engine's timer; under the lock. */
    private void fireTimer() throws SshException {
        gate.callChecked(e -> {
            e.onTimer(options.clock().getAsLong());
            return null;
        });
    }

    void timerLoop() {
        try {
            while (true) {
                boolean fire;
                gate.lock();
                try {
                    if (driver.endedLocked() || engine.isClosed()) {
                        return;
                    }
                    long wait = untilDeadline();
                    fire = wait <= 0;
                    if (fire) {
                        fireTimer();
                    } else {
                        gate.awaitNanosLocked(wait);
                    }
                } finally {
                    gate.unlock();
                }
                if (fire) {
                    driver.flushOutput();
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
        if (driver.stopping() && t instanceof IOException && !(t instanceof SshException)) {
            return; // our own close unblocked the read or write
        }
        driver.recordFailure(t);
        if (t instanceof SshException || t instanceof RuntimeException) {
            LOG.debug("engine failed; flushing its last output", t);
            driver.flushQuietly(); // RFC 4253 §11.1: the DISCONNECT the engine queued
        } else {
            tryLocked(ProtocolEngine::receiveEnd);
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
