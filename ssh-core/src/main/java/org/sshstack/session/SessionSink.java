package org.sshstack.session;

import java.util.ArrayDeque;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.TransportEngine;

/**
 * Adapts the auth and connection layers' payload sinks to {@link TransportEngine#sendPayload(byte[])}, in one
 * order: authentication payloads the transport refused (its key-exchange queue was full) are held here and go out
 * first; connection payloads are refused while any are held or while the transport's outbound bytes exceed the high
 * water mark (backpressure: the connection layer keeps them in its bounded buffers until {@code onWritable}).
 */
final class SessionSink {

    /** Authentication sends a handful of messages at a time; more held than this means a stalled transport. */
    static final int MAX_HELD = 64;

    private final TransportEngine transport;
    private final int highWater;
    private final ArrayDeque<byte[]> held = new ArrayDeque<>();

    SessionSink(TransportEngine transport, int highWater) {
        this.transport = transport;
        this.highWater = highWater;
    }

    /** The auth layer's sink: never refuses (always true); holds what the transport cannot take yet. */
    boolean sendAuth(byte[] payload) {
        if (held.isEmpty() && offer(payload)) {
            return true;
        }
        if (held.size() >= MAX_HELD) {
            transport.disconnect(DisconnectReason.BY_APPLICATION, "too many authentication messages queued");
            return true;
        }
        held.add(payload);
        return true;
    }

    /** The connection layer's sink: false means "keep it and wait for onWritable". */
    boolean sendConnection(byte[] payload) {
        if (!flush() || transport.pendingOutbound() >= highWater) {
            return false;
        }
        return offer(payload);
    }

    /** @return true once nothing is held */
    boolean flush() {
        while (!held.isEmpty()) {
            if (!offer(held.peek())) {
                return false;
            }
            held.poll();
        }
        return true;
    }

    /** @return true when nothing is held */
    boolean isIdle() {
        return held.isEmpty();
    }

    /** @return true if the transport took the payload, or dropped it because the connection is over */
    private boolean offer(byte[] payload) {
        if (transport.isClosed()) {
            return true; // the connection is over: the close exception tells why, nothing more will be sent
        }
        try {
            return transport.sendPayload(payload);
        } catch (SshException e) {
            return true; // the transport failed and closed itself with this reason
        }
    }
}
