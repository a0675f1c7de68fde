package org.sshstack.session;

import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.auth.ServerAuthContext;
import org.sshstack.auth.ServerAuthResult;
import org.sshstack.auth.ServerAuthenticator;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;

/**
 * The server side of one SSH connection as a sans-I/O engine: runs user authentication when the client asks for
 * {@code ssh-userauth}, with its failure delays and login grace time merged into the engine's deadlines, then starts
 * the connection protocol with the application's handler for the authenticated user behind the enforcement of the
 * authentication's restrictions (see {@link RestrictedHandler}: force-command, no-pty...).
 */
public final class ServerEngine extends SessionEngine {

    private final ServerSessionConfig config;
    private final String peerAddress;
    private final LongSupplier nanoClock;
    private final long graceDeadline;
    private ServerAuthenticator authenticator;

    /**
     * Creates the engine; it queues the identification and KEXINIT.
     *
     * @param transportConfig a server transport configuration (its listener receives the session events too)
     * @param config the settings above the transport
     * @param peerAddress the client's literal IP address, as the driver knows it (certificate source-address)
     * @throws IllegalArgumentException if the transport configuration is not a server's
     */
    public ServerEngine(TransportConfig transportConfig, ServerSessionConfig config, String peerAddress) {
        super(transportConfig, config.outboundHighWater(), config.listener());
        if (transportConfig.role() != Role.SERVER) {
            throw new IllegalArgumentException("a server engine needs a server transport configuration");
        }
        this.config = config;
        this.peerAddress = Objects.requireNonNull(peerAddress, "peerAddress");
        this.nanoClock = transportConfig.nanoClock();
        // SECURITY.md B9: like OpenSSH's LoginGraceTime, the grace counts from the connection, so a client that
        // stalls before the version line, in the key exchange or before SERVICE_REQUEST is cut off too
        this.graceDeadline = nanoClock.getAsLong() + config.auth().loginGrace().toNanos();
    }

    /** @return who authenticated, with the restrictions in force; empty before success */
    public Optional<ServerAuthResult> authResult() {
        return authenticator == null ? Optional.empty() : authenticator.result();
    }

    @Override
    void serviceStarted(String serviceName) throws SshException {
        if (!serviceName.equals("ssh-userauth")) {
            throw new SshException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service " + serviceName
                    + " is not available before authentication");
        }
        ServerAuthContext context = new ServerAuthContext(transport.sessionId().orElseThrow(), peerAddress,
                nanoClock.getAsLong(), config.wallClock().get());
        authenticator = new ServerAuthenticator(config.authHandler(),
                config.auth().withListener(bridge.auth(config.auth().listener())), context, sink::sendAuth);
    }

    @Override
    void onAuthPayload(byte[] payload) throws SshException {
        if (authenticator == null) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "authentication message before SERVICE_REQUEST");
        }
        authenticator.onPayload(payload, nanoClock.getAsLong());
        startConnectionWhenDone();
    }

    /**
     * RFC 4252 §5.1: the connection protocol starts once USERAUTH_SUCCESS has left for the transport, and not while
     * it is still held behind delayed FAILUREs (SECURITY.md A2: a CHANNEL_OPEN pipelined behind the password must
     * not be answered, nor an exec run, before USERAUTH_SUCCESS is on the wire).
     */
    private void startConnectionWhenDone() {
        if (connection != null || authenticator == null || !authenticator.isAuthenticated() || !sink.isIdle()
                || authenticator.nextDeadlineNanos() != Long.MAX_VALUE) {
            return;
        }
        ServerAuthResult result = authenticator.result().orElseThrow();
        ConnectionHandler handler = new RestrictedHandler(config.handlers().apply(result), result.restrictions());
        startConnection(config.connection(), handler, result.username(), peerAddress);
    }

    @Override
    long upperDeadline() {
        long auth = authenticator == null ? Long.MAX_VALUE : authenticator.nextDeadlineNanos();
        return loggedIn() ? auth : Math.min(auth, graceDeadline);
    }

    @Override
    void upperTimer(long nowNanos) throws SshException {
        if (!loggedIn() && nowNanos - graceDeadline >= 0) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "no authentication within the login grace time"
                    + " of " + config.auth().loginGrace().toSeconds() + " s");
        }
        long deadline = authenticator == null ? Long.MAX_VALUE : authenticator.nextDeadlineNanos();
        if (deadline != Long.MAX_VALUE && nowNanos - deadline >= 0) {
            authenticator.onTimer(nowNanos);
        }
    }

    private boolean loggedIn() {
        return authenticator != null && authenticator.isAuthenticated();
    }

    @Override
    void settle() {
        if (!transport.isClosed()) {
            startConnectionWhenDone();
        }
    }
}
