package org.sshstack.connection;

import java.util.ArrayDeque;
import java.util.Objects;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.transport.PayloadSink;
import org.sshstack.wire.ChannelOpen;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.RequestFailure;
import org.sshstack.wire.RequestSuccess;

/**
 * The SSH connection protocol (RFC 4254) as a sans-I/O object: consumes payloads numbered 80-127 through
 * {@link #onPayload(byte[])}, produces payloads through a {@link PayloadSink}, and multiplexes bounded channels.
 *
 * <p>Single-threaded: the engine's thread calls every method. A thrown {@link SshException} means the connection
 * must be disconnected with its {@link SshException#reason()}.
 */
public final class ConnectionMultiplexer {

    /** Channel type of interactive sessions (RFC 4254 §6.1). */
    public static final String SESSION = "session";
    /** OpenSSH PROTOCOL §2.2. */
    public static final String NO_MORE_SESSIONS = "no-more-sessions@openssh.com";
    /** OpenSSH's keepalive request name. */
    public static final String KEEPALIVE = "keepalive@openssh.com";

    private final ConnectionConfig config;
    private final Outbox outbox;
    private final ConnectionHandler handler;
    private final ConnectionListener listener;
    private final ChannelTable table;
    private final ChannelMessages channelMessages;
    private final ArrayDeque<String> pendingGlobalReplies = new ArrayDeque<>();
    private boolean noMoreSessions;
    private int flushStart;

    /**
     * @param config limits and window settings
     * @param sink where outgoing payloads go
     * @param handler decides the peer's opens and requests
     * @param listener receives events
     */
    public ConnectionMultiplexer(ConnectionConfig config, PayloadSink sink, ConnectionHandler handler,
            ConnectionListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.outbox = new Outbox(Objects.requireNonNull(sink, "sink"), config.maxQueuedPayloads());
        this.handler = Objects.requireNonNull(handler, "handler");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.table = new ChannelTable(config.maxChannels());
        this.channelMessages = new ChannelMessages(this);
    }

    /** @return the limits in force */
    public ConnectionConfig config() {
        return config;
    }

    /** @return the number of channels holding an id (opening, open, or closing) */
    public int channelCount() {
        return table.count();
    }

    /** @return true once the peer sent no-more-sessions@openssh.com */
    public boolean noMoreSessions() {
        return noMoreSessions;
    }

    /**
     * Consumes one connection-protocol payload from the transport.
     *
     * @param payload a whole payload (message number 80-127)
     * @return false if the message number is not one this layer knows (the transport answers UNIMPLEMENTED)
     * @throws SshException if the payload is malformed or breaks the protocol: disconnect with its reason
     */
    public boolean onPayload(byte[] payload) throws SshException {
        if (payload.length == 0) {
            throw new SshProtocolException("empty connection-layer payload");
        }
        int number = payload[0] & 0xff;
        switch (number) {
            case MessageNumbers.GLOBAL_REQUEST -> onGlobalRequest(GlobalRequest.decode(payload));
            case MessageNumbers.REQUEST_SUCCESS -> onGlobalReply(true, RequestSuccess.decode(payload).data());
            case MessageNumbers.REQUEST_FAILURE -> onGlobalReply(false, failureData(payload));
            case MessageNumbers.CHANNEL_OPEN -> channelMessages.onOpen(ChannelOpen.decode(payload));
            default -> {
                return channelMessages.onChannelMessage(number, payload);
            }
        }
        return true;
    }

    private static byte[] failureData(byte[] payload) throws SshProtocolException {
        RequestFailure.decode(payload);
        return new byte[0];
    }

    /**
     * Sends whatever the transport refused earlier and resumes data that waited for it.
     *
     * @throws SshException if sending fails
     */
    public void onWritable() throws SshException {
        if (!outbox.drain()) {
            return;
        }
        int capacity = table.capacity();
        int start = flushStart;
        flushStart = (flushStart + 1) % capacity;
        for (int i = 0; i < capacity; i++) {
            ConnectionChannel channel = table.at((start + i) % capacity);
            if (channel != null && !channel.flush(outbox)) {
                return;
            }
        }
    }

    /**
     * Opens a channel (RFC 4254 §5.1); the answer arrives as {@link ConnectionListener#onChannelOpened} or
     * {@link ConnectionListener#onChannelRefused}. Data written before the confirmation waits in the buffer.
     *
     * @param type the channel type, e.g. {@link #SESSION}
     * @param typeData channel-type-specific data (empty for a session)
     * @return the new channel, in state OPENING
     * @throws SshException if the channel limit is reached (the connection stays usable) or sending fails
     */
    public ConnectionChannel openChannel(String type, byte[] typeData) throws SshException {
        int id = table.freeId();
        if (id < 0) {
            throw new SshException(DisconnectReason.BY_APPLICATION,
                    "channel limit of " + table.capacity() + " reached; close a channel first");
        }
        ChannelOpen open = new ChannelOpen(type, id, config.initialWindow(), config.maxPacket(), typeData);
        ConnectionChannel channel = new ConnectionChannel(this, id, type, config, ConnectionChannel.State.OPENING);
        table.put(channel);
        outbox.send(open.encode());
        return channel;
    }

    /**
     * @return a new session channel (RFC 4254 §6.1), in state OPENING
     * @throws SshException if the channel limit is reached or sending fails
     */
    public ConnectionChannel openSession() throws SshException {
        return openChannel(SESSION, new byte[0]);
    }

    /**
     * Sends a global request (RFC 4254 §4); a wanted reply arrives as {@link ConnectionListener#onGlobalReply}, in
     * request order.
     *
     * @param requestName the request name
     * @param wantReply whether the peer should answer
     * @param data request-specific data
     * @return false if too many global requests await replies (nothing was sent)
     * @throws SshException if sending fails
     */
    public boolean sendGlobalRequest(String requestName, boolean wantReply, byte[] data) throws SshException {
        if (wantReply && pendingGlobalReplies.size() >= config.maxPendingReplies()) {
            return false;
        }
        GlobalRequest request = new GlobalRequest(requestName, wantReply, data);
        if (wantReply) {
            pendingGlobalReplies.add(requestName);
        }
        outbox.send(request.encode());
        return true;
    }

    private void onGlobalRequest(GlobalRequest request) throws SshException {
        boolean success;
        switch (request.requestName()) {
            case KEEPALIVE -> success = false; // answered with REQUEST_FAILURE, as OpenSSH does
            case NO_MORE_SESSIONS -> {
                noMoreSessions = true; // OpenSSH PROTOCOL §2.2
                success = true;
            }
            default -> success = handler.onGlobalRequest(request.requestName(), request.data());
        }
        if (request.wantReply()) {
            outbox.send(success ? new RequestSuccess().encode() : new RequestFailure().encode());
        }
    }

    private void onGlobalReply(boolean success, byte[] data) {
        String name = pendingGlobalReplies.poll();
        if (name != null) { // SECURITY.md B5: unsolicited replies are dropped
            listener.onGlobalReply(name, success, data);
        }
    }

    /** Flushes one channel if the transport is not stalled. */
    void flushChannel(ConnectionChannel channel) throws SshException {
        if (!outbox.isBlocked()) {
            channel.flush(outbox);
        }
    }

    Outbox outbox() {
        return outbox;
    }

    ConnectionListener listener() {
        return listener;
    }

    ConnectionHandler handler() {
        return handler;
    }

    ChannelTable table() {
        return table;
    }
}
