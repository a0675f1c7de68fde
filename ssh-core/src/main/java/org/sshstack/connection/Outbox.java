package org.sshstack.connection;

import java.util.ArrayDeque;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.PayloadSink;

/**
 * The ordered, bounded queue of payloads the transport refused for now; everything goes out in submission order.
 */
final class Outbox {

    private final PayloadSink sink;
    private final int maxQueued;
    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();

    Outbox(PayloadSink sink, int maxQueued) {
        this.sink = sink;
        this.maxQueued = maxQueued;
    }

    /** @return true while payloads wait for the transport */
    boolean isBlocked() {
        return !queue.isEmpty();
    }

    /**
     * Sends a control payload now, or queues it behind earlier ones.
     *
     * @throws SshException if the queue is full: the peer keeps provoking replies while the transport is stalled
     */
    void send(byte[] payload) throws SshException {
        if (queue.isEmpty() && sink.send(payload)) {
            return;
        }
        if (queue.size() >= maxQueued) {
            // SECURITY.md B5: never grow without bound while the transport does not drain
            throw new SshException(DisconnectReason.BY_APPLICATION,
                    "more than " + maxQueued + " connection-layer messages queued while the transport is stalled");
        }
        queue.add(payload);
    }

    /**
     * Offers a data payload built from a channel buffer; if refused, it is kept (at most one per stall).
     *
     * @return true if the transport took it
     */
    boolean offerData(byte[] payload) {
        if (queue.isEmpty() && sink.send(payload)) {
            return true;
        }
        queue.add(payload);
        return false;
    }

    /** @return true once the queue is empty */
    boolean drain() {
        while (!queue.isEmpty()) {
            if (!sink.send(queue.peek())) {
                return false;
            }
            queue.poll();
        }
        return true;
    }
}
