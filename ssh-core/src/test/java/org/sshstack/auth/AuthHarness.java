package org.sshstack.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.SshKeyPair;

/** A client and a server authenticator wired in memory: payloads pass through queues, "now" is a field. */
final class AuthHarness {

    static final byte[] SESSION_ID = "fixed-session-id-for-tests-0123".getBytes();
    static final SecureRandom RANDOM = new SecureRandom();

    final Deque<byte[]> toServer = new ArrayDeque<>();
    final Deque<byte[]> toClient = new ArrayDeque<>();
    final List<byte[]> clientSent = new ArrayList<>();
    final List<AuthEvent> events = new ArrayList<>();
    final List<String> banners = new ArrayList<>();
    final ClientAuthenticator client;
    final ServerAuthenticator server;
    long now = 1_000_000_000L;

    AuthHarness(ServerAuthHandler handler, ServerAuthConfig serverConfig, ClientAuthConfig clientConfig) {
        client = new ClientAuthenticator(SESSION_ID, p -> {
            toServer.add(p);
            clientSent.add(p);
            return true;
        }, clientConfig.withBannerListener(banners::add).withListener(events::add));
        server = new ServerAuthenticator(handler, serverConfig.withListener(events::add),
                new ServerAuthContext(SESSION_ID, "192.0.2.10", now, Instant.parse("2030-01-01T00:00:00Z")),
                toClient::add);
    }

    AuthHarness(ServerAuthHandler handler) {
        this(handler, noDelay(), ClientAuthConfig.defaults());
    }

    /** @return server defaults without failure delay */
    static ServerAuthConfig noDelay() {
        return ServerAuthConfig.defaults(RANDOM).withFailureDelay(Duration.ZERO, Duration.ZERO);
    }

    /** Moves payloads both ways until both queues are empty (no time passes). */
    void pump() throws SshException {
        while (!toServer.isEmpty() || !toClient.isEmpty()) {
            while (!toServer.isEmpty()) {
                server.onPayload(toServer.poll(), now);
            }
            while (!toClient.isEmpty()) {
                client.onPayload(toClient.poll());
            }
        }
    }

    /** Advances time to the server's next deadline, fires it, and pumps. */
    void advanceToDeadline() throws SshException {
        now = server.nextDeadlineNanos();
        server.onTimer(now);
        pump();
    }

    static PublicKeyIdentity identity(SshKeyPair pair) throws SshException {
        return new PublicKeyIdentity(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), RANDOM));
    }
}
