package org.sshstack.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import org.sshstack.transport.PayloadSink;

/**
 * Holds responses until their release time, in order: a FAILURE waits for the failure delay, and anything queued
 * after it waits too, so responses never overtake each other. No sleeping: the driver calls {@link #release}.
 */
final class DelayedOutbox {

    private record Held(long releaseAt, byte[] payload) {
    }

    private final PayloadSink sink;
    private final Deque<Held> held = new ArrayDeque<>();

    DelayedOutbox(PayloadSink sink) {
        this.sink = sink;
    }

    /** Queues a payload for release at {@code releaseAt} (or later, behind what is already held). */
    void enqueue(byte[] payload, long releaseAt, long nowNanos) {
        Held last = held.peekLast();
        long at = last == null ? releaseAt : Math.max(releaseAt, last.releaseAt());
        held.addLast(new Held(at, payload));
        release(nowNanos);
    }

    /** Sends every held payload whose time has come. */
    void release(long nowNanos) {
        while (!held.isEmpty() && held.peekFirst().releaseAt() - nowNanos <= 0) {
            sink.send(held.removeFirst().payload());
        }
    }

    /** @return the release time of the first held payload, or {@link Long#MAX_VALUE} */
    long nextDeadlineNanos() {
        return held.isEmpty() ? Long.MAX_VALUE : held.peekFirst().releaseAt();
    }
}
