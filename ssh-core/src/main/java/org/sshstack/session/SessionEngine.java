package org.sshstack.session;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionConfig;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.ConnectionListener;
import org.sshstack.connection.ConnectionMultiplexer;
import org.sshstack.transport.ProtocolEngine;
import org.sshstack.transport.ServiceHandler;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;

/**
 * One SSH connection as a sans-I/O {@link ProtocolEngine}: a {@link TransportEngine} with authentication and the
 * channel multiplexer on top. Payloads 50-79 go to the role's authenticator; 80-127 go to the multiplexer once
 * authentication succeeded (earlier: PROTOCOL_ERROR, SECURITY.md A3); numbers nobody knows are answered with
 * UNIMPLEMENTED. After every call that moves bytes or time, data the transport refused is offered again.
 * Events: the transport's, plus authentication, channels, the session (SessionOpened at authentication,
 * SessionClosed at the close) and the peer's global requests, through the transport configuration's listener.
 *
 * <p>Not thread-safe: a driver confines the engine to one thread at a time, and calls channel methods on that
 * thread too.
 */
public abstract sealed class SessionEngine implements ProtocolEngine permits ClientEngine, ServerEngine {

    /** The transport below. */
    final TransportEngine transport;
    /** The payload sinks of the upper layers. */
    final SessionSink sink;
    /** Reports events and passes connection callbacks on to the application. */
    final EventBridge bridge;
    /** The channel multiplexer, once authenticated. */
    ConnectionMultiplexer connection;
    private final LongSupplier clock;

    SessionEngine(TransportConfig config, int outboundHighWater, ConnectionListener listener) {
        this.transport = new TransportEngine(config);
        this.sink = new SessionSink(transport, outboundHighWater);
        this.clock = config.nanoClock();
        this.bridge = new EventBridge(config.role().name().toLowerCase(java.util.Locale.ROOT), config.listener(),
                listener);
        transport.setServiceHandler(new Router());
    }

    @Override
    public final void receive(byte[] data, int offset, int length) throws SshException {
        try {
            transport.receive(data, offset, length);
        } finally {
            afterIo();
        }
    }

    @Override
    public final void receiveEnd() {
        transport.receiveEnd();
        afterIoQuietly();
    }

    @Override
    public final int pendingOutbound() {
        return transport.pendingOutbound();
    }

    @Override
    public final int drainOutbound(byte[] target, int offset, int length) {
        int n = transport.drainOutbound(target, offset, length);
        afterIoQuietly();
        return n;
    }

    @Override
    public final long nextDeadlineNanos() {
        return transport.isClosed() ? Long.MAX_VALUE : Math.min(transport.nextDeadlineNanos(), upperDeadline());
    }

    @Override
    public final void onTimer(long nowNanos) throws SshException {
        try {
            transport.onTimer(nowNanos);
            if (!transport.isClosed()) {
                upperTimer(nowNanos);
            }
        } catch (SshException e) {
            transport.disconnect(e.reason(), e.getMessage());
            throw e;
        } finally {
            afterIo();
        }
    }

    @Override
    public final boolean isClosed() {
        return transport.isClosed();
    }

    /** @return the transport (session id, algorithms, {@code renegotiateKeys()}, traffic counters) */
    public final TransportEngine transport() {
        return transport;
    }

    /** @return true once user authentication succeeded and channels may be used */
    public final boolean isAuthenticated() {
        return connection != null;
    }

    /** @return the channel multiplexer, empty before authentication succeeded */
    public final Optional<ConnectionMultiplexer> connection() {
        return Optional.ofNullable(connection);
    }

    /**
     * Opens a channel (RFC 4254 §5.1); it is usable once the peer confirms it.
     *
     * @param type the channel type
     * @param typeData the type-specific data
     * @return the channel, in state OPENING
     * @throws SshException if the channel limit is reached or the connection failed
     * @throws IllegalStateException before authentication succeeded
     */
    public final ConnectionChannel openChannel(String type, byte[] typeData) throws SshException {
        if (connection == null) {
            throw new IllegalStateException("channels open only after authentication succeeded");
        }
        try {
            return connection.openChannel(type, typeData);
        } finally {
            afterIo();
        }
    }

    /**
     * @return a new session channel (RFC 4254 §6.1), in state OPENING
     * @throws SshException if the channel limit is reached or the connection failed
     * @throws IllegalStateException before authentication succeeded
     */
    public final ConnectionChannel openSession() throws SshException {
        return openChannel(ConnectionMultiplexer.SESSION, new byte[0]);
    }

    /**
     * Ends the connection: queues DISCONNECT; the driver sends what is queued, then closes.
     *
     * @param reason the reason code
     * @param description the description sent to the peer
     */
    public final void disconnect(DisconnectReason reason, String description) {
        transport.disconnect(reason, description);
        afterIoQuietly();
    }

    /** @return the failure or disconnect that closed the connection, if any */
    public final Optional<SshException> closeException() {
        return transport.closeException();
    }

    /**
     * Starts the connection protocol once authentication succeeded (RFC 4252 §5.1) and reports SessionOpened.
     *
     * @param config the connection settings
     * @param handler the application's decisions
     * @param user the authenticated user
     * @param peer the peer's address as known, or ""
     */
    final void startConnection(ConnectionConfig config, ConnectionHandler handler, String user, String peer) {
        transport.authenticated();
        connection = new ConnectionMultiplexer(config, sink::sendConnection, bridge.deciding(handler), bridge);
        bridge.sessionOpened(user, peer, clock.getAsLong());
    }

    /** The service the role's authenticator starts on. */
    abstract void serviceStarted(String serviceName) throws SshException;

    /** Handles a payload of numbers 50-79. */
    abstract void onAuthPayload(byte[] payload) throws SshException;

    /** @return the upper layers' next deadline, MAX_VALUE for none */
    abstract long upperDeadline();

    /** Acts on the upper layers' deadlines. */
    abstract void upperTimer(long nowNanos) throws SshException;

    /** Called after every call that moved bytes or time, whether or not it failed (completes futures). */
    abstract void settle();

    /** Offers what the transport refused earlier; a connection-layer failure disconnects. */
    final void afterIo() throws SshException {
        try {
            if (!transport.isClosed() && sink.flush() && connection != null) {
                connection.onWritable();
            }
        } catch (SshException e) {
            transport.disconnect(e.reason(), e.getMessage());
            throw e;
        } finally {
            if (transport.isClosed()) {
                bridge.connectionEnded(clock.getAsLong());
            }
            settle();
        }
    }

    private void afterIoQuietly() {
        try {
            afterIo();
        } catch (SshException e) {
            // the transport is closed with this reason; closeException() reports it
        }
    }

    private void onConnectionPayload(byte[] payload) throws SshException {
        int number = payload[0] & 0xff;
        if (connection == null) {
            // SECURITY.md A3: the transport checks this too; the composed engine agrees
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, MessageNumbers.name(number)
                    + " before authentication completed");
        }
        if (number == MessageNumbers.GLOBAL_REQUEST) {
            GlobalRequest request = GlobalRequest.decode(payload); // RFC 4254 §4
            bridge.globalRequestStarting();
            connection.onPayload(payload);
            bridge.globalRequestDone(request.requestName(), request.wantReply());
            return;
        }
        if (number > 127 || !connection.onPayload(payload)) {
            transport.rejectCurrentPacket(); // RFC 4253 §11.4
        }
    }

    /** Routes the transport's service payloads by message number (RFC 4250 §4.1.2). */
    private final class Router implements ServiceHandler {

        @Override
        public void serviceStarted(String serviceName) throws SshException {
            SessionEngine.this.serviceStarted(serviceName);
        }

        @Override
        public void onPayload(byte[] payload) throws SshException {
            if ((payload[0] & 0xff) < 80) {
                onAuthPayload(payload);
            } else {
                onConnectionPayload(payload);
            }
        }
    }
}
