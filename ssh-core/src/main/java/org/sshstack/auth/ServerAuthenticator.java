package org.sshstack.auth;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.transport.PayloadSink;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthBanner;
import org.sshstack.wire.UserauthFailure;
import org.sshstack.wire.UserauthInfoResponse;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthPasswdChangereq;
import org.sshstack.wire.UserauthPkOk;
import org.sshstack.wire.UserauthRequest;
import org.sshstack.wire.UserauthSuccess;

/**
 * The server side of user authentication (RFC 4252, RFC 4256, RFC 8332, PROTOCOL.certkeys) as a sans-I/O state
 * machine. The engine passes every payload of number 50 and above received after SERVICE_ACCEPT to
 * {@link #onPayload} until {@link #isAuthenticated()}; an exception from it means "disconnect with its reason".
 *
 * <p>Policy: the user name and service are fixed by the first request (a change disconnects, as OpenSSH does,
 * so partial-success state never crosses users); the service must be {@code ssh-connection}; connection-protocol
 * messages (80 and above) before success disconnect (SECURITY.md A2); messages only a server sends disconnect
 * (A1). Every FAILURE except to "none" is held until a fixed per-user delay has passed since the request; after
 * {@code maxAuthTries} failures the next one disconnects with NO_MORE_AUTH_METHODS_AVAILABLE; the login grace
 * time disconnects with BY_APPLICATION. Partial success removes the method from those allowed next, "none" never
 * continues a chain, and restrictions merge as {@link AuthRestrictions} says. After success, requests are ignored
 * (RFC 4252 §5.1). Not thread-safe: confine to the engine's thread.
 */
public final class ServerAuthenticator {

    /** The only service sshstack starts after authentication. */
    public static final String SERVICE = "ssh-connection";

    private final ServerAuthHandler handler;
    private final ServerAuthConfig config;
    private final ServerAuthContext context;
    private final DelayedOutbox outbox;
    private final ServerPublicKeyCheck publicKeys;
    private final long graceDeadline;
    private final Set<String> completedMethods = new LinkedHashSet<>();
    private final List<SshPublicKey> signedKeys = new ArrayList<>();
    private AuthRestrictions restrictions = AuthRestrictions.unrestricted();
    private String user;
    private boolean bannerSent;
    private boolean noneSeen;
    private int failures;
    private int pendingPrompts = -1;
    private int interactiveRounds;
    private ServerAuthResult result;

    /**
     * @param handler the application's decisions
     * @param config the settings
     * @param context the session identifier, peer address and start time
     * @param sink where response payloads go
     */
    public ServerAuthenticator(ServerAuthHandler handler, ServerAuthConfig config, ServerAuthContext context,
            PayloadSink sink) {
        this.handler = Objects.requireNonNull(handler, "handler");
        this.config = Objects.requireNonNull(config, "config");
        this.context = Objects.requireNonNull(context, "context");
        this.outbox = new DelayedOutbox(Objects.requireNonNull(sink, "sink"));
        this.publicKeys = new ServerPublicKeyCheck(config, handler, context.sessionId(), context.peerAddress());
        this.graceDeadline = context.startNanos() + config.loginGrace().toNanos();
    }

    /**
     * Handles one payload from the client.
     *
     * @param payload the payload
     * @param nowNanos the driver's monotonic clock
     * @throws SshException to disconnect with {@link SshException#reason()}: malformed or illegal message, wrong
     *     service, user name change, too many failures, login grace time over
     */
    public void onPayload(byte[] payload, long nowNanos) throws SshException {
        if (payload.length == 0) {
            throw new SshProtocolException("empty payload");
        }
        int number = payload[0] & 0xff;
        if (result != null) {
            if (number == MessageNumbers.USERAUTH_REQUEST) {
                return; // RFC 4252 §5.1: requests after success are ignored
            }
            throw new SshProtocolException("unexpected " + MessageNumbers.name(number) + " after authentication");
        }
        onTimer(nowNanos);
        if (number == MessageNumbers.USERAUTH_REQUEST) {
            onRequest(UserauthRequest.decode(payload), nowNanos);
        } else if (number == MessageNumbers.USERAUTH_INFO_RESPONSE && pendingPrompts >= 0) {
            onInfoResponse(UserauthInfoResponse.decode(payload), nowNanos);
        } else if (number >= 80) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, MessageNumbers.name(number)
                    + " before authentication completed");
        } else {
            throw new SshProtocolException("unexpected " + MessageNumbers.name(number) + " from the client during"
                    + " authentication");
        }
    }

    /** @return when {@link #onTimer} must next run: a held FAILURE or the login grace end; MAX_VALUE for none */
    public long nextDeadlineNanos() {
        long held = outbox.nextDeadlineNanos();
        return result != null ? held : Math.min(held, graceDeadline);
    }

    /**
     * Releases held responses that are due and enforces the login grace time.
     *
     * @param nowNanos the driver's monotonic clock
     * @throws SshException (BY_APPLICATION) when the grace time ended before authentication
     */
    public void onTimer(long nowNanos) throws SshException {
        outbox.release(nowNanos);
        if (result == null && nowNanos - graceDeadline >= 0) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "authentication did not complete within the"
                    + " login grace time of " + config.loginGrace().toSeconds() + " s");
        }
    }

    /** @return true once SUCCESS has been queued */
    public boolean isAuthenticated() {
        return result != null;
    }

    /** @return the outcome once authenticated */
    public Optional<ServerAuthResult> result() {
        return Optional.ofNullable(result);
    }

    /** @return the user name of the first request, if any */
    public Optional<String> username() {
        return Optional.ofNullable(user);
    }

    private void onRequest(UserauthRequest request, long now) throws SshException {
        if (!SERVICE.equals(request.service())) {
            throw new SshException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service \"" + request.service()
                    + "\" is not available after authentication");
        }
        if (user == null) {
            user = request.user();
        } else if (!user.equals(request.user())) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "the user name changed between"
                    + " authentication requests");
        }
        sendBannerOnce(now);
        pendingPrompts = -1; // RFC 4256 §3.4: a new request abandons keyboard-interactive
        UserauthMethod method = request.method();
        if (method instanceof UserauthMethod.None) {
            onNone(now);
        } else if (!allowed().contains(method.name())) {
            fail(method.name(), now);
        } else if (method instanceof UserauthMethod.Password password) {
            onPassword(password, now);
        } else if (method instanceof UserauthMethod.PublicKey publicKey) {
            onPublicKey(publicKey, now);
        } else if (method instanceof UserauthMethod.KeyboardInteractive interactive) {
            interactiveRounds = 0;
            onInteractiveStep(ServerInteractive.start(handler, user, interactive.submethods()), now);
        } else {
            fail(method.name(), now); // hostbased and unknown methods are refused
        }
    }

    private void onNone(long now) throws SshException {
        boolean first = !noneSeen;
        noneSeen = true;
        AuthStatus status = completedMethods.isEmpty()
                ? ServerPublicKeyCheck.decide(() -> handler.checkAuthNone(user)) : AuthStatus.FAILED;
        if (status == AuthStatus.SUCCESSFUL) {
            succeed("none", AuthRestrictions.unrestricted(), null, now);
        } else if (first) {
            event("none", AuthOutcome.FAILURE);
            outbox.enqueue(new UserauthFailure(allowed(), false).encode(), now, now); // not counted, not delayed
        } else {
            fail("none", now);
        }
    }

    private void onPassword(UserauthMethod.Password password, long now) throws SshException {
        AuthStatus status = ServerPublicKeyCheck.decide(() -> password.newPassword().isPresent()
                ? handler.checkAuthPasswordChange(user, password.password(), password.newPassword().get())
                : handler.checkAuthPassword(user, password.password()));
        if (status == AuthStatus.PASSWORD_CHANGE_REQUIRED) {
            String prompt = ServerInteractive.promptOrDefault(handler, user);
            outbox.enqueue(new UserauthPasswdChangereq(prompt, "").encode(), now, now); // RFC 4252 §8
        } else {
            decide("password", status, AuthRestrictions.unrestricted(), null, now);
        }
    }

    private void onPublicKey(UserauthMethod.PublicKey request, long now) throws SshException {
        ServerPublicKeyCheck.Verdict verdict = publicKeys.check(user, SERVICE, request, context.wallClockAt(now));
        if (verdict instanceof ServerPublicKeyCheck.Decision decision) {
            decide("publickey", decision.status(), decision.restrictions(), decision.key(), now);
        } else {
            outbox.enqueue(new UserauthPkOk(request.algorithm(), request.keyBlob()).encode(), now, now);
        }
    }

    private void onInfoResponse(UserauthInfoResponse response, long now) throws SshException {
        int expected = pendingPrompts;
        pendingPrompts = -1;
        if (response.responses().size() != expected) { // RFC 4256 §3.4: one answer per prompt
            fail("keyboard-interactive", now);
            return;
        }
        onInteractiveStep(ServerInteractive.respond(handler, user, response.responses()), now);
    }

    private void onInteractiveStep(InteractiveStep step, long now) throws SshException {
        if (step.query() == null) {
            AuthStatus status = step.status() == AuthStatus.PASSWORD_CHANGE_REQUIRED ? AuthStatus.FAILED
                    : step.status();
            decide("keyboard-interactive", status, AuthRestrictions.unrestricted(), null, now);
        } else if (++interactiveRounds > config.maxInteractiveRounds()) {
            fail("keyboard-interactive", now);
        } else {
            pendingPrompts = step.query().prompts().size();
            outbox.enqueue(step.query().toMessage().encode(), now, now);
        }
    }

    private void decide(String method, AuthStatus status, AuthRestrictions stepRestrictions, SshPublicKey key,
            long now) throws SshException {
        if (status == AuthStatus.SUCCESSFUL || status == AuthStatus.PARTIALLY_SUCCESSFUL) {
            Optional<AuthRestrictions> merged = restrictions.merge(stepRestrictions);
            if (merged.isEmpty()) {
                fail(method, now); // conflicting forced commands across steps
                return;
            }
            if (status == AuthStatus.SUCCESSFUL) {
                succeed(method, merged.get(), key, now);
            } else {
                partial(method, merged.get(), key, now);
            }
        } else {
            fail(method, now);
        }
    }

    private void succeed(String method, AuthRestrictions merged, SshPublicKey key, long now) {
        completedMethods.add(method);
        if (key != null) {
            signedKeys.add(key);
        }
        restrictions = merged;
        result = new ServerAuthResult(user, List.copyOf(completedMethods), signedKeys, merged);
        event(method, AuthOutcome.SUCCESS);
        outbox.enqueue(new UserauthSuccess().encode(), now, now);
    }

    private void partial(String method, AuthRestrictions merged, SshPublicKey key, long now) {
        completedMethods.add(method); // RFC 4252 §5.1; a partially successful method cannot complete the chain
        if (key != null) {
            signedKeys.add(key);
        }
        restrictions = merged;
        event(method, AuthOutcome.PARTIAL);
        outbox.enqueue(new UserauthFailure(allowed(), true).encode(), now, now);
    }

    private void fail(String method, long now) throws SshException {
        event(method, AuthOutcome.FAILURE);
        if (++failures >= config.maxAuthTries()) {
            throw new SshException(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE, "too many authentication"
                    + " failures (" + failures + ")");
        }
        outbox.enqueue(new UserauthFailure(allowed(), false).encode(), now + config.failureDelayNanos(user), now);
    }

    private List<String> allowed() {
        List<String> names = new ArrayList<>();
        for (String name : ServerInteractive.allowedAuths(handler, user)) {
            if (!completedMethods.contains(name) && !"none".equals(name) && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private void sendBannerOnce(long now) {
        if (!bannerSent && config.banner().isPresent()) {
            outbox.enqueue(new UserauthBanner(config.banner().get(), "").encode(), now, now); // RFC 4252 §5.4
        }
        bannerSent = true;
    }

    private void event(String method, AuthOutcome outcome) {
        try {
            config.listener().onAttempt(new AuthEvent(AuthRole.SERVER, user, method, outcome));
        } catch (RuntimeException e) {
            // a listener must not change the authentication outcome
        }
    }
}
