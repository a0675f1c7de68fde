package org.sshstack.transport;

import org.sshstack.SshException;

/**
 * A sans-I/O protocol engine (DESIGN.md §3): the driver pushes the peer's bytes in and pulls bytes to send
 * out; the engine opens no socket, starts no thread and reads no clock of its own. Not thread-safe: a driver
 * confines each engine to one thread at a time (a lock around every call).
 */
public interface ProtocolEngine {

    /**
     * Takes bytes received from the peer. May queue bytes to send and raise events.
     *
     * @param data the buffer
     * @param offset where the received bytes start
     * @param length how many bytes were received
     * @throws SshException if the peer broke the protocol; the engine has then queued a DISCONNECT (if it
     *     still can) and is closed
     */
    void receive(byte[] data, int offset, int length) throws SshException;

    /** Tells the engine the peer closed its side of the connection (end of stream). */
    void receiveEnd();

    /** @return how many bytes are queued to be sent to the peer */
    int pendingOutbound();

    /**
     * Moves queued bytes to the caller, who writes them to the peer.
     *
     * @param target the destination
     * @param offset where to start writing in it
     * @param length the most bytes to take
     * @return how many bytes were moved
     */
    int drainOutbound(byte[] target, int offset, int length);

    /**
     * @return the {@code System.nanoTime()}-style instant at which {@link #onTimer(long)} must next be called
     *     (keepalive, rekey by time, login grace), or {@link Long#MAX_VALUE} for none
     */
    long nextDeadlineNanos();

    /**
     * Lets the engine act on time: send a keepalive, start a time-based rekey, give up on a silent peer.
     *
     * @param nowNanos the driver's clock, on the same scale as {@link #nextDeadlineNanos()}
     * @throws SshException if the connection must end (e.g. too many missed keepalive replies)
     */
    void onTimer(long nowNanos) throws SshException;

    /** @return true once the connection is over: the driver sends what remains queued, then closes the socket */
    boolean isClosed();
}
