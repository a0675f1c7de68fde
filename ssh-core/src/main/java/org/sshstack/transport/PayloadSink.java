package org.sshstack.transport;

/**
 * Where an upper layer (authentication or the connection protocol) hands the payloads it wants sent; the session
 * layer adapts it to {@link TransportEngine#sendPayload(byte[])}, which encrypts and queues them in order.
 *
 * <p>A sink may refuse a payload when the transport's bounded queue is full: the connection layer then keeps it (and
 * every later one) in its own bounded buffers until it is told the transport is writable again. Sinks given to the
 * authenticators never refuse (they hold the few authentication messages themselves), so those callers ignore the
 * result.
 */
@FunctionalInterface
public interface PayloadSink {

    /**
     * @param payload a whole payload, first byte the message number; the sink takes ownership of the array
     * @return true if the payload was taken, false if the transport's queue is full (nothing was taken)
     */
    boolean send(byte[] payload);
}
