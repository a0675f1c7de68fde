package org.sshstack.connection;

/**
 * Where the connection layer hands its outgoing payloads (numbers 80-127) to the transport.
 *
 * <p>The transport owns a bounded queue; when it is full, {@link #send(byte[])} returns false and the connection
 * layer keeps the payload (and all later ones) in its own bounded buffers until
 * {@link ConnectionMultiplexer#onWritable()} is called.
 */
@FunctionalInterface
public interface PayloadSink {

    /**
     * @param payload a whole payload, first byte the message number; the sink takes ownership of the array
     * @return true if the payload was taken, false if the transport's queue is full (nothing was taken)
     */
    boolean send(byte[] payload);
}
