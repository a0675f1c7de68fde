package org.sshstack.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.transport.PayloadSink;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthBanner;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthSuccess;

/**
 * The client side of user authentication (RFC 4252, RFC 4256, RFC 8332) as a sans-I/O state machine.
 *
 * <p>Each {@code auth*} call sends a request and returns a future that completes, from inside a later
 * {@link #onPayload} call, with the methods allowed next: empty after full success, the server's list after
 * partial success. It fails with {@link BadAuthenticationTypeException} when the server does not allow the method,
 * with {@link AuthenticationException} when the credential was refused, and with the protocol error when the
 * server broke the protocol. One attempt at a time. Not thread-safe: confine to the engine's thread.
 */
public final class ClientAuthenticator {

    private final ClientContext context;
    private ClientAttempt current;
    private boolean authenticated;
    private String banner;
    private String username;
    private List<String> serverSigAlgs;

    /**
     * @param sessionId the exchange hash H of the first key exchange (copied)
     * @param sink where request payloads go
     * @param config the settings
     */
    public ClientAuthenticator(byte[] sessionId, PayloadSink sink, ClientAuthConfig config) {
        this.context = new ClientContext(sessionId.clone(), Objects.requireNonNull(sink, "sink"),
                Objects.requireNonNull(config, "config"));
    }

    /**
     * Records the server's {@code server-sig-algs} from SSH_MSG_EXT_INFO (RFC 8308 §3.1); without it RSA keys sign
     * with rsa-sha2-256 (RFC 8332 §3.3).
     *
     * @param algorithms the algorithm names the server accepts for "publickey"; empty counts as none sent (what the
     *     transport reports when no EXT_INFO came, e.g. from paramiko 2.12, which misses a non-final ext-info-c)
     */
    public void setServerSigAlgs(List<String> algorithms) {
        this.serverSigAlgs = algorithms.isEmpty() ? null : List.copyOf(algorithms);
    }

    /** @param user the user name @return the outcome of the "none" method (paramiko {@code auth_none}) */
    public CompletableFuture<List<String>> authNone(String user) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        return begin(new NoneAttempt(context, user, result));
    }

    /**
     * @param user the user name
     * @param password the password (never logged)
     * @param fallback true to try keyboard-interactive with the password when the server does not allow "password"
     * @return the outcome (paramiko {@code auth_password})
     */
    public CompletableFuture<List<String>> authPassword(String user, String password, boolean fallback) {
        Objects.requireNonNull(password, "password");
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        return begin(new PasswordAttempt(context, user, password, fallback, result));
    }

    /**
     * @param user the user name
     * @param identity the key or certificate and its signer
     * @return the outcome (paramiko {@code auth_publickey}); fails at once with {@link AuthenticationException}
     *     when no signature algorithm fits both the key and the server's {@code server-sig-algs}
     */
    public CompletableFuture<List<String>> authPublicKey(String user, PublicKeyIdentity identity) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        Optional<PublicKeyAlgorithms.Choice> choice = PublicKeyAlgorithms.choose(identity.publicKey(),
                identity.signer().algorithmNames(), serverSigAlgs, context.config().allowSshRsa());
        if (choice.isEmpty()) {
            requireIdle();
            result.completeExceptionally(new AuthenticationException("no signature algorithm for the "
                    + identity.publicKey().typeName() + " key is accepted by the server (server-sig-algs: "
                    + serverSigAlgs + ")"));
            return result;
        }
        return begin(new PublicKeyAttempt(context, user, identity, choice.get(), result));
    }

    /**
     * @param user the user name
     * @param handler answers the prompts
     * @param submethods submethod hints, normally empty
     * @return the outcome (paramiko {@code auth_interactive})
     */
    public CompletableFuture<List<String>> authInteractive(String user, InteractiveHandler handler,
            String submethods) {
        CompletableFuture<List<String>> result = new CompletableFuture<>();
        return begin(new InteractiveAttempt(context, user, Objects.requireNonNull(handler, "handler"),
                Objects.requireNonNull(submethods, "submethods"), result, null));
    }

    private CompletableFuture<List<String>> begin(ClientAttempt attempt) {
        requireIdle();
        Objects.requireNonNull(attempt.user, "user");
        username = attempt.user;
        current = attempt;
        try {
            attempt.start();
        } catch (SshException e) {
            finish(AuthOutcome.FAILURE, null, e);
        }
        return attempt.result;
    }

    private void requireIdle() {
        if (authenticated) {
            throw new IllegalStateException("already authenticated");
        }
        if (current != null) {
            throw new IllegalStateException("an authentication attempt is already in progress");
        }
    }

    /**
     * Handles one payload of numbers 50-79 from the server.
     *
     * @param payload the payload
     * @throws SshException if the server broke the protocol (a request from the server, an unsolicited reply, a
     *     banner after success, a malformed message); the engine then disconnects
     */
    public void onPayload(byte[] payload) throws SshException {
        if (payload.length == 0) {
            throw new SshProtocolException("empty payload");
        }
        int number = payload[0] & 0xff;
        if (number == MessageNumbers.USERAUTH_BANNER) {
            onBanner(payload);
            return;
        }
        if (current == null || authenticated
                || number != MessageNumbers.USERAUTH_SUCCESS && number != MessageNumbers.USERAUTH_FAILURE
                        && (number < 60 || number > 79)) {
            throw new SshProtocolException("unexpected " + MessageNumbers.name(number) + " from the server"
                    + (authenticated ? " after authentication" : current == null ? " with no request pending" : ""));
        }
        switch (number) {
            case MessageNumbers.USERAUTH_SUCCESS -> onSuccess(payload);
            case MessageNumbers.USERAUTH_FAILURE -> onFailure(UserauthFailure.decode(payload));
            default -> onMethodMessage(payload);
        }
    }

    private void onBanner(byte[] payload) throws SshException {
        if (authenticated) { // RFC 4252 §5.4: only before authentication is successful
            throw new SshProtocolException("USERAUTH_BANNER after authentication succeeded");
        }
        banner = UserauthBanner.decode(payload).message();
        context.config().bannerListener().accept(banner);
    }

    private void onSuccess(byte[] payload) throws SshException {
        UserauthSuccess.decode(payload);
        if (context.config().rejectTrivialSuccess() && !current.provedCredential()) {
            SshException error = new AuthenticationException(DisconnectReason.AUTH_CANCELLED_BY_USER,
                    "the server reported success for \"" + current.method() + "\" without any credential; refused");
            finish(AuthOutcome.FAILURE, null, error);
            throw error;
        }
        authenticated = true;
        finish(AuthOutcome.SUCCESS, List.of(), null);
    }

    private void onFailure(UserauthFailure failure) throws SshException {
        if (failure.partialSuccess()) {
            finish(AuthOutcome.PARTIAL, failure.methods(), null);
        } else if (failure.methods().contains(current.method())) {
            finish(AuthOutcome.FAILURE, null, new AuthenticationException("\"" + current.method()
                    + "\" authentication failed for " + current.user + "; the server allows " + failure.methods()));
        } else {
            BadAuthenticationTypeException error = new BadAuthenticationTypeException(current.method(),
                    failure.methods());
            ClientAttempt next = current.fallback(failure, error);
            if (next == null) {
                finish(AuthOutcome.FAILURE, null, error);
            } else {
                current = next;
                next.start();
            }
        }
    }

    private void onMethodMessage(byte[] payload) throws SshException {
        try {
            current.onMethodMessage(payload);
        } catch (AuthenticationException e) {
            finish(AuthOutcome.FAILURE, null, e); // this attempt ends; the connection stays usable
        } catch (SshException e) {
            finish(AuthOutcome.FAILURE, null, e);
            throw e;
        }
    }

    private void finish(AuthOutcome outcome, List<String> next, SshException error) {
        ClientAttempt attempt = current;
        current = null;
        context.config().listener().onAttempt(new AuthEvent(AuthRole.CLIENT, attempt.user, attempt.method(),
                outcome));
        if (error == null) {
            attempt.result.complete(next);
        } else {
            SshException override = attempt.overridingError();
            attempt.result.completeExceptionally(override != null && error instanceof AuthenticationException
                    ? override : error);
        }
    }

    /** @return true once USERAUTH_SUCCESS was received */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /** @return true while an attempt waits for the server */
    public boolean isAttemptInProgress() {
        return current != null;
    }

    /** @return the last banner the server sent (paramiko {@code get_banner}), if any */
    public Optional<String> banner() {
        return Optional.ofNullable(banner);
    }

    /** @return the user name of the latest attempt (paramiko {@code get_username}), if any */
    public Optional<String> username() {
        return Optional.ofNullable(username);
    }
}
