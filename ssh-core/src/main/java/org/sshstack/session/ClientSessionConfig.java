package org.sshstack.session;

import java.util.Objects;
import org.sshstack.auth.ClientAuthConfig;
import org.sshstack.connection.ConnectionConfig;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.ConnectionListener;

/**
 * Settings of a {@link ClientEngine} above the transport. Immutable; start from {@link #defaults()}.
 *
 * @param auth the authentication settings (its listener also receives every attempt)
 * @param connection the channel limits and windows
 * @param handler decides what the server opens or requests (default: refuse everything)
 * @param listener receives channel events
 * @param outboundHighWater transport bytes queued for the socket above which channel data waits (backpressure)
 */
public record ClientSessionConfig(ClientAuthConfig auth, ConnectionConfig connection, ConnectionHandler handler,
        ConnectionListener listener, int outboundHighWater) {

    /** Default high water mark: 1 MiB waiting for the socket. */
    public static final int DEFAULT_HIGH_WATER = 1 << 20;

    /** Validates the fields. */
    public ClientSessionConfig {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(listener, "listener");
        if (outboundHighWater < 1) {
            throw new IllegalArgumentException("outboundHighWater must be positive");
        }
    }

    /** @return default auth and connection settings, a refusing handler, no listener, 1 MiB high water */
    public static ClientSessionConfig defaults() {
        return new ClientSessionConfig(ClientAuthConfig.defaults(), ConnectionConfig.defaults(),
                new ConnectionHandler() { }, new ConnectionListener() { }, DEFAULT_HIGH_WATER);
    }

    /** @param value see {@link #auth()} @return a copy with it */
    public ClientSessionConfig withAuth(ClientAuthConfig value) {
        return new ClientSessionConfig(value, connection, handler, listener, outboundHighWater);
    }

    /** @param value see {@link #connection()} @return a copy with it */
    public ClientSessionConfig withConnection(ConnectionConfig value) {
        return new ClientSessionConfig(auth, value, handler, listener, outboundHighWater);
    }

    /** @param value see {@link #listener()} @return a copy with it */
    public ClientSessionConfig withListener(ConnectionListener value) {
        return new ClientSessionConfig(auth, connection, handler, value, outboundHighWater);
    }

    /** @param value see {@link #outboundHighWater()} @return a copy with it */
    public ClientSessionConfig withOutboundHighWater(int value) {
        return new ClientSessionConfig(auth, connection, handler, listener, value);
    }
}
