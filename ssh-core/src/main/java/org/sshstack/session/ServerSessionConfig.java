package org.sshstack.session;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.sshstack.auth.ServerAuthConfig;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.auth.ServerAuthResult;
import org.sshstack.connection.ConnectionConfig;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.ConnectionListener;

/**
 * Settings of a {@link ServerEngine} above the transport. Share one {@link ServerAuthConfig} across connections
 * (its per-user failure delay key must stay the same).
 *
 * @param authHandler the application's authentication decisions
 * @param auth the authentication settings (its listener also receives every attempt)
 * @param connection the channel limits and windows
 * @param handlers makes the connection handler for an authenticated user; the engine enforces the result's
 *     restrictions (force-command, certificate permissions) in front of it
 * @param listener receives channel events
 * @param wallClock the wall-clock time, read once when authentication starts (certificate validity)
 * @param outboundHighWater transport bytes queued for the socket above which channel data waits (backpressure)
 */
public record ServerSessionConfig(ServerAuthHandler authHandler, ServerAuthConfig auth, ConnectionConfig connection,
        Function<ServerAuthResult, ConnectionHandler> handlers, ConnectionListener listener,
        Supplier<Instant> wallClock, int outboundHighWater) {

    /** Validates the fields. */
    public ServerSessionConfig {
        Objects.requireNonNull(authHandler, "authHandler");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(handlers, "handlers");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(wallClock, "wallClock");
        if (outboundHighWater < 1) {
            throw new IllegalArgumentException("outboundHighWater must be positive");
        }
    }

    /**
     * @param authHandler the authentication decisions
     * @param auth the authentication settings
     * @param handlers the per-user connection handler factory
     * @return default connection settings, no listener, the system wall clock, 1 MiB high water
     */
    public static ServerSessionConfig of(ServerAuthHandler authHandler, ServerAuthConfig auth,
            Function<ServerAuthResult, ConnectionHandler> handlers) {
        return new ServerSessionConfig(authHandler, auth, ConnectionConfig.defaults(), handlers,
                new ConnectionListener() { }, Instant::now, ClientSessionConfig.DEFAULT_HIGH_WATER);
    }

    /** @param value see {@link #connection()} @return a copy with it */
    public ServerSessionConfig withConnection(ConnectionConfig value) {
        return new ServerSessionConfig(authHandler, auth, value, handlers, listener, wallClock, outboundHighWater);
    }

    /** @param value see {@link #listener()} @return a copy with it */
    public ServerSessionConfig withListener(ConnectionListener value) {
        return new ServerSessionConfig(authHandler, auth, connection, handlers, value, wallClock, outboundHighWater);
    }

    /** @param value see {@link #wallClock()} @return a copy with it */
    public ServerSessionConfig withWallClock(Supplier<Instant> value) {
        return new ServerSessionConfig(authHandler, auth, connection, handlers, listener, value, outboundHighWater);
    }

    /** @param value see {@link #outboundHighWater()} @return a copy with it */
    public ServerSessionConfig withOutboundHighWater(int value) {
        return new ServerSessionConfig(authHandler, auth, connection, handlers, listener, wallClock, value);
    }
}
