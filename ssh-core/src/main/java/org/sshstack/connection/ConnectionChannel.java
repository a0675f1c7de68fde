package org.sshstack.connection;

import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.sshstack.SshException;
import org.sshstack.wire.ChannelClose;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelEof;
import org.sshstack.wire.ChannelExtendedData;
import org.sshstack.wire.ChannelRequest;
import org.sshstack.wire.ChannelWindowAdjust;

/**
 * One channel of a {@link ConnectionMultiplexer}: bounded inbound buffers (stdout and stderr apart), bounded
 * outbound buffers sent within the peer's window and packet size, and the EOF/CLOSE state (RFC 4254 §5).
 *
 * <p>Not thread-safe: call it from the engine's thread only. Writes never block: they take what fits and report
 * how much; reads return what is buffered and give the peer window credit back.
 */
public final class ConnectionChannel {

    /** Life-cycle of a channel. */
    public enum State {
        /** We sent CHANNEL_OPEN and await the answer (or the peer's open awaits our decision). */
        OPENING,
        /** Open: data may flow. */
        OPEN,
        /** The open was refused (by either side). */
        REFUSED,
        /** Both CLOSE messages were exchanged; the id is free again. */
        CLOSED
    }

    private final ConnectionMultiplexer mux;
    private final int localId;
    private final String type;
    private final int localWindowSize;
    private final ByteRing inbound;
    private final ByteRing inboundStderr;
    private final ByteRing outbound;
    private final ByteRing outboundStderr;
    final ArrayDeque<String> pendingReplies = new ArrayDeque<>();

    State state;
    int remoteId;
    long sendWindow;
    int sendMaxPacket;
    long receiveWindow;
    long credit;
    boolean eofSent;
    boolean eofReceived;
    boolean closeSent;
    boolean closeReceived;
    boolean eofRequested;
    boolean closeRequested;
    boolean endOfWriteReceived;
    boolean writerWaiting;
    private boolean stderrTurn;
    Long exitStatus;
    SessionRequest.ExitSignal exitSignal;

    ConnectionChannel(ConnectionMultiplexer mux, int localId, String type, ConnectionConfig config, State state) {
        this.mux = mux;
        this.localId = localId;
        this.type = type;
        this.state = state;
        this.localWindowSize = config.initialWindow();
        this.receiveWindow = config.initialWindow();
        this.inbound = new ByteRing(config.initialWindow());
        this.inboundStderr = new ByteRing(config.initialWindow());
        this.outbound = new ByteRing(config.outboundBuffer());
        this.outboundStderr = new ByteRing(config.outboundBuffer());
    }

    /** @return our channel number (the peer's "recipient channel" for this channel) */
    public int localId() {
        return localId;
    }

    /** @return the peer's channel number (valid once open) */
    public int remoteId() {
        return remoteId;
    }

    /** @return the channel type, e.g. "session" */
    public String type() {
        return type;
    }

    /** @return the life-cycle state */
    public State state() {
        return state;
    }

    /** @return true once the peer sent EOF */
    public boolean isEofReceived() {
        return eofReceived;
    }

    /** @return true once the peer sent eow@openssh.com */
    public boolean isEndOfWriteReceived() {
        return endOfWriteReceived;
    }

    /** @return the peer's exit-status, if it sent one */
    public OptionalLong exitStatus() {
        return exitStatus == null ? OptionalLong.empty() : OptionalLong.of(exitStatus);
    }

    /** @return the peer's exit-signal, if it sent one */
    public Optional<SessionRequest.ExitSignal> exitSignal() {
        return Optional.ofNullable(exitSignal);
    }

    /** @return how many more bytes the peer's window lets us send right now */
    public long sendWindow() {
        return sendWindow;
    }

    /** @return bytes written but not yet handed to the transport (stdout plus stderr) */
    public int outboundPending() {
        return outbound.size() + outboundStderr.size();
    }

    /** @return buffered ordinary data ready to read */
    public int available() {
        return inbound.size();
    }

    /** @return buffered stderr data ready to read */
    public int availableStderr() {
        return inboundStderr.size();
    }

    /**
     * Queues ordinary data for sending; takes only what fits in the bounded outbound buffer.
     *
     * @param data the source
     * @param offset where to start
     * @param length how many bytes to offer
     * @return how many bytes were taken (0: would block, wait for {@link ConnectionListener#onWritable}); -1 if the
     *     channel no longer accepts data (EOF or CLOSE requested, refused, closed)
     * @throws SshException if sending fails at the connection level
     */
    public int write(byte[] data, int offset, int length) throws SshException {
        return write(outbound, data, offset, length);
    }

    /**
     * Queues stderr data (extended data type 1) for sending, like {@link #write(byte[], int, int)}.
     *
     * @param data the source
     * @param offset where to start
     * @param length how many bytes to offer
     * @return how many bytes were taken, 0 if none fit, -1 if the channel no longer accepts data
     * @throws SshException if sending fails at the connection level
     */
    public int writeStderr(byte[] data, int offset, int length) throws SshException {
        return write(outboundStderr, data, offset, length);
    }

    private int write(ByteRing ring, byte[] data, int offset, int length) throws SshException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (!acceptsData()) {
            return -1;
        }
        int taken = ring.write(data, offset, length);
        if (taken < length) {
            writerWaiting = true;
        }
        if (taken > 0) {
            mux.flushChannel(this);
        }
        return taken;
    }

    private boolean acceptsData() {
        return (state == State.OPEN || state == State.OPENING) && !eofRequested && !closeRequested && !closeSent;
    }

    /**
     * Reads buffered ordinary data and returns window credit to the peer.
     *
     * @param target where to copy
     * @param offset where to start
     * @param length the most bytes to read
     * @return bytes read; 0 if none buffered yet; -1 at EOF (peer sent EOF or the channel closed) with none left
     * @throws SshException if sending the window adjustment fails
     */
    public int read(byte[] target, int offset, int length) throws SshException {
        return read(inbound, target, offset, length);
    }

    /**
     * Reads buffered stderr data, like {@link #read(byte[], int, int)}; independent of ordinary data.
     *
     * @param target where to copy
     * @param offset where to start
     * @param length the most bytes to read
     * @return bytes read, 0 if none buffered yet, -1 at EOF with none left
     * @throws SshException if sending the window adjustment fails
     */
    public int readStderr(byte[] target, int offset, int length) throws SshException {
        return read(inboundStderr, target, offset, length);
    }

    private int read(ByteRing ring, byte[] target, int offset, int length) throws SshException {
        Objects.checkFromIndexSize(offset, length, target.length);
        int n = ring.read(target, offset, length);
        if (n > 0) {
            consumed(n);
            return n;
        }
        boolean ended = eofReceived || closeReceived || state == State.REFUSED || state == State.CLOSED;
        return ended && length > 0 ? -1 : 0;
    }

    /**
     * Window credit: once at least half the window was consumed, tell the peer (RFC 4254 §5.2, as OpenSSH does).
     */
    private void consumed(int n) throws SshException {
        credit += n;
        if (credit >= localWindowSize / 2 && state == State.OPEN && !eofReceived && !closeSent) {
            receiveWindow += credit;
            mux.outbox().send(new ChannelWindowAdjust(remoteId, credit).encode());
            credit = 0;
        }
    }

    /**
     * Sends EOF once all buffered outbound data has gone out (RFC 4254 §5.3); no data may be written afterwards.
     *
     * @throws SshException if sending fails at the connection level
     */
    public void sendEof() throws SshException {
        if (!eofRequested && !closeSent && state != State.REFUSED && state != State.CLOSED) {
            eofRequested = true;
            mux.flushChannel(this);
        }
    }

    /**
     * Closes gracefully: CLOSE goes out after the buffered outbound data (and a requested EOF); the id is freed when
     * the peer's CLOSE arrives too (RFC 4254 §5.3).
     *
     * @throws SshException if sending fails at the connection level
     */
    public void close() throws SshException {
        if (!closeRequested && state != State.REFUSED && state != State.CLOSED) {
            closeRequested = true;
            mux.flushChannel(this);
        }
    }

    /**
     * Closes now, dropping outbound data not yet sent (for a peer that never adjusts its window, SECURITY.md B5).
     *
     * @throws SshException if sending fails at the connection level
     */
    public void abort() throws SshException {
        outbound.clear();
        outboundStderr.clear();
        close();
    }

    /**
     * Sends a channel request (RFC 4254 §5.4) right away; data already written may follow it.
     *
     * @param request the request
     * @param wantReply whether the peer should answer; the answer arrives as
     *     {@link ConnectionListener#onRequestReply} in request order
     * @return false if the channel is not open or too many requests await replies (nothing was sent)
     * @throws SshException if sending fails at the connection level
     */
    public boolean sendRequest(SessionRequest request, boolean wantReply) throws SshException {
        if (state != State.OPEN || closeSent || (wantReply && pendingReplies.size() >= mux.config().maxPendingReplies())) {
            return false;
        }
        if (wantReply) {
            pendingReplies.add(request.type());
        }
        mux.outbox().send(new ChannelRequest(remoteId, request.type(), wantReply, request.encodeData()).encode());
        return true;
    }

    /**
     * Hands buffered data to the transport within the window and packet size, then EOF and CLOSE when due.
     *
     * @return false if the transport refused a payload (stop flushing until it is writable)
     */
    boolean flush(Outbox outbox) throws SshException {
        if (state != State.OPEN || closeSent) {
            return true;
        }
        boolean sent = false;
        while (true) {
            // alternate stdout and stderr packets so neither starves the other of the shared window
            boolean stderr = outbound.isEmpty() || (stderrTurn && !outboundStderr.isEmpty());
            ByteRing ring = stderr ? outboundStderr : outbound;
            stderrTurn = !stderr;
            int n = (int) Math.min(Math.min(ring.size(), sendWindow), sendMaxPacket);
            if (n <= 0) {
                break;
            }
            byte[] payload = dataPayload(ring, n);
            sendWindow -= n;
            sent = true;
            if (!outbox.offerData(payload)) {
                return false;
            }
        }
        if (sent && writerWaiting) {
            writerWaiting = false;
            mux.listener().onWritable(this);
        }
        sendEofAndClose(outbox);
        return !outbox.isBlocked();
    }

    private byte[] dataPayload(ByteRing ring, int n) {
        if (ring == outbound) {
            byte[] payload = ChannelData.allocate(remoteId, n);
            ring.read(payload, ChannelData.HEADER, n);
            return payload;
        }
        byte[] payload = ChannelExtendedData.allocate(remoteId, ChannelExtendedData.STDERR, n);
        ring.read(payload, ChannelExtendedData.HEADER, n);
        return payload;
    }

    private void sendEofAndClose(Outbox outbox) throws SshException {
        if (outboundPending() > 0) {
            return;
        }
        if (eofRequested && !eofSent) {
            eofSent = true;
            outbox.send(new ChannelEof(remoteId).encode());
        }
        if (closeRequested && !closeSent) {
            sendClose(outbox);
        }
    }

    void sendClose(Outbox outbox) throws SshException {
        closeSent = true;
        outbound.clear();
        outboundStderr.clear();
        outbox.send(new ChannelClose(remoteId).encode());
    }

    /** Buffers inbound data; the caller has checked the window, so it always fits. */
    void deliver(byte[] payload, int offset, int length, boolean stderr) {
        receiveWindow -= length;
        (stderr ? inboundStderr : inbound).write(payload, offset, length);
    }

    /** Accounts for inbound data we drop (unknown extended type, or after our CLOSE) and returns its credit. */
    void discard(int length) throws SshException {
        receiveWindow -= length;
        consumed(length);
    }

    @Override
    public String toString() {
        return "ConnectionChannel[" + type + ", local=" + localId + ", remote=" + Integer.toUnsignedString(remoteId)
                + ", " + state + "]";
    }
}
