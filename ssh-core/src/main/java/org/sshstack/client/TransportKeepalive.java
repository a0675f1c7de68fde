package org.sshstack.client;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.sshstack.SshException;

/** The keepalive timer of a {@link Transport}: one scheduler thread that sends a keepalive at a fixed rate. */
final class TransportKeepalive {

    private final Transport transport;
    private final AtomicReference<ScheduledExecutorService> timer = new AtomicReference<>();

    TransportKeepalive(Transport transport) {
        this.transport = transport;
    }

    /** Replaces the schedule; a zero or negative interval stops it. */
    void set(Duration interval, ThreadFactory threads) {
        stop();
        if (interval == null || interval.isZero() || interval.isNegative()) {
            return;
        }
        ScheduledExecutorService next = Executors.newSingleThreadScheduledExecutor(threads);
        long nanos = interval.toNanos();
        next.scheduleAtFixedRate(this::tick, nanos, nanos, TimeUnit.NANOSECONDS);
        ScheduledExecutorService old = timer.getAndSet(next);
        if (old != null) {
            old.shutdownNow();
        }
    }

    /** Stops the schedule, if any. */
    void stop() {
        ScheduledExecutorService old = timer.getAndSet(null);
        if (old != null) {
            old.shutdownNow();
        }
    }

    private void tick() {
        try {
            transport.sendKeepalive();
        } catch (SshException | RuntimeException e) {
            stop(); // the connection is over
        }
    }
}
