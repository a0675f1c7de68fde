package org.sshstack.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.auth.ClientAuthenticator;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;

/**
 * The client side of one SSH connection as a sans-I/O engine: requests {@code ssh-userauth} at once, runs the
 * attempts the application asks for, and opens the connection protocol on USERAUTH_SUCCESS.
 *
 * <p>Each {@code auth*} method returns a future completed from inside a later {@link #receive} (after the engine
 * switched state, so a callback may already open channels) with the methods allowed next: empty after full success,
 * the server's list after partial success; exceptionally when refused or when the connection ends. An attempt asked
 * for before the server accepted the service waits for it. One attempt at a time.
 */
public final class ClientEngine extends SessionEngine {

    private static final String USERAUTH = "ssh-userauth";

    private final ClientSessionConfig config;
    private final String peer;
    private final ArrayDeque<Runnable> completions = new ArrayDeque<>();
    private final List<CompletableFuture<List<String>>> outstanding = new ArrayList<>();
    private ClientAuthenticator authenticator;
    private Function<ClientAuthenticator, CompletableFuture<List<String>>> waiting;
    private CompletableFuture<List<String>> waitingResult;

    /**
     * Creates the engine; it queues the identification, KEXINIT and the ssh-userauth service request.
     *
     * @param transportConfig a client transport configuration (its listener receives the session events too)
     * @param config the settings above the transport
     * @throws IllegalArgumentException if the transport configuration is not a client's
     */
    public ClientEngine(TransportConfig transportConfig, ClientSessionConfig config) {
        super(transportConfig, config.outboundHighWater(), config.listener());
        if (transportConfig.role() != Role.CLIENT) {
            throw new IllegalArgumentException("a client engine needs a client transport configuration");
        }
        this.config = config;
        String host = transportConfig.host();
        this.peer = host.isEmpty() ? "" : (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":"
                + transportConfig.port();
        try {
            transport.requestService(USERAUTH);
        } catch (SshException e) {
            // the transport failed in its constructor and is closed; closeException() tells why
        }
    }

    /** @param user the user name @return the outcome of "none" (RFC 4252 §5.2) */
    public CompletableFuture<List<String>> authNone(String user) {
        return attempt(a -> a.authNone(user));
    }

    /**
     * @param user the user name
     * @param password the password (never logged)
     * @return the outcome of "password" (RFC 4252 §8)
     */
    public CompletableFuture<List<String>> authPassword(String user, String password) {
        return attempt(a -> a.authPassword(user, password, false));
    }

    /**
     * Signs with the best algorithm for the key that the server lists in {@code server-sig-algs} (RFC 8332).
     *
     * @param user the user name
     * @param identity the key or certificate and its signer
     * @return the outcome of "publickey" (RFC 4252 §7)
     */
    public CompletableFuture<List<String>> authPublicKey(String user, PublicKeyIdentity identity) {
        return attempt(a -> {
            a.setServerSigAlgs(transport.serverSignatureAlgorithms()); // RFC 8308: may come in a later EXT_INFO
            return a.authPublicKey(user, identity);
        });
    }

    /**
     * @param user the user name
     * @param handler answers the server's prompts (called on the engine's thread)
     * @return the outcome of "keyboard-interactive" (RFC 4256), with no submethods hint
     */
    public CompletableFuture<List<String>> authInteractive(String user, InteractiveHandler handler) {
        return authInteractive(user, handler, "");
    }

    /**
     * @param user the user name
     * @param handler answers the server's prompts (called on the engine's thread)
     * @param submethods the submethods hint sent to the server (RFC 4256 §3.1: comma-separated, usually empty)
     * @return the outcome of "keyboard-interactive" (RFC 4256)
     */
    public CompletableFuture<List<String>> authInteractive(String user, InteractiveHandler handler,
            String submethods) {
        return attempt(a -> a.authInteractive(user, handler, submethods));
    }

    private CompletableFuture<List<String>> attempt(Function<ClientAuthenticator,
            CompletableFuture<List<String>>> start) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        if (transport.isClosed()) {
            result.completeExceptionally(closedError());
            return result;
        }
        if (authenticator == null) {
            if (waiting != null) {
                throw new IllegalStateException("an authentication attempt is already waiting for the service");
            }
            waiting = start;
            waitingResult = result;
            return result;
        }
        begin(start, result);
        afterIoQuietlyForAttempt();
        return result;
    }

    private void begin(Function<ClientAuthenticator, CompletableFuture<List<String>>> start,
            CompletableFuture<List<String>> result) {
        outstanding.add(result);
        start.apply(authenticator).whenComplete((methods, error) -> completions.add(() -> {
            outstanding.remove(result);
            if (error == null) {
                result.complete(methods);
            } else {
                result.completeExceptionally(error);
            }
        }));
    }

    private void afterIoQuietlyForAttempt() {
        try {
            afterIo();
        } catch (SshException e) {
            // closed; the attempt's future was failed by settle()
        }
    }

    @Override
    void serviceStarted(String serviceName) {
        authenticator = new ClientAuthenticator(transport.sessionId().orElseThrow(), sink::sendAuth,
                config.auth().withListener(bridge.auth(config.auth().listener())));
        authenticator.setServerSigAlgs(transport.serverSignatureAlgorithms());
        if (waiting != null) {
            Function<ClientAuthenticator, CompletableFuture<List<String>>> start = waiting;
            waiting = null;
            begin(start, waitingResult);
            waitingResult = null;
        }
    }

    @Override
    void onAuthPayload(byte[] payload) throws SshException {
        if (authenticator == null) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "authentication message before SERVICE_ACCEPT");
        }
        authenticator.onPayload(payload);
        if (authenticator.isAuthenticated() && connection == null) {
            // RFC 4252 §5.1: the client on receiving USERAUTH_SUCCESS
            startConnection(config.connection(), config.handler(), authenticator.username().orElse(""), peer);
        }
    }

    @Override
    long upperDeadline() {
        return Long.MAX_VALUE;
    }

    @Override
    void upperTimer(long nowNanos) {
        // the client authenticator has no timers
    }

    @Override
    void settle() {
        Runnable completion;
        while ((completion = completions.poll()) != null) {
            completion.run();
        }
        if (transport.isClosed()) {
            SshException error = closedError();
            for (CompletableFuture<List<String>> result : List.copyOf(outstanding)) {
                result.completeExceptionally(error);
            }
            outstanding.clear();
            if (waitingResult != null) {
                waitingResult.completeExceptionally(error);
                waiting = null;
                waitingResult = null;
            }
        }
    }

    private SshException closedError() {
        SshException cause = transport.closeException().orElse(null);
        return cause != null ? cause : new SshException(DisconnectReason.BY_APPLICATION, "connection closed");
    }
}
