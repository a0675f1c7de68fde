package org.sshstack.auth;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Settings of a {@link ClientAuthenticator}. Immutable; start from {@link #defaults()} and use the withers.
 *
 * @param service the service requested after authentication (RFC 4252 §5), {@code ssh-connection}
 * @param allowSshRsa true to allow signing with {@code ssh-rsa} (SHA-1) when the server lists it; default false
 * @param rejectTrivialSuccess true to abort when the server reports success without any credential having been
 *     proven: "none", or keyboard-interactive with no prompt answered (PuTTY CVE-2021-36367, SECURITY.md A7)
 * @param maxInteractiveRounds most INFO_REQUEST rounds answered in one keyboard-interactive attempt
 * @param passwordChange asked for a new password on PASSWD_CHANGEREQ
 * @param bannerListener receives each USERAUTH_BANNER text (peer text: strip control characters before display)
 * @param listener receives an event per finished attempt
 */
public record ClientAuthConfig(String service, boolean allowSshRsa, boolean rejectTrivialSuccess,
        int maxInteractiveRounds, PasswordChangeHandler passwordChange, Consumer<String> bannerListener,
        AuthListener listener) {

    /** Validates the fields. */
    public ClientAuthConfig {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(passwordChange, "passwordChange");
        Objects.requireNonNull(bannerListener, "bannerListener");
        Objects.requireNonNull(listener, "listener");
        if (maxInteractiveRounds < 1) {
            throw new IllegalArgumentException("maxInteractiveRounds must be at least 1");
        }
    }

    /** @return ssh-connection, no ssh-rsa, trivial success accepted, 16 rounds, no password change, no listeners */
    public static ClientAuthConfig defaults() {
        return new ClientAuthConfig("ssh-connection", false, false, 16, PasswordChangeHandler.GIVE_UP,
                banner -> { }, AuthListener.NONE);
    }

    /** @param allow see {@link #allowSshRsa()} @return a copy with that setting */
    public ClientAuthConfig withAllowSshRsa(boolean allow) {
        return new ClientAuthConfig(service, allow, rejectTrivialSuccess, maxInteractiveRounds, passwordChange,
                bannerListener, listener);
    }

    /** @param reject see {@link #rejectTrivialSuccess()} @return a copy with that setting */
    public ClientAuthConfig withRejectTrivialSuccess(boolean reject) {
        return new ClientAuthConfig(service, allowSshRsa, reject, maxInteractiveRounds, passwordChange,
                bannerListener, listener);
    }

    /** @param handler see {@link #passwordChange()} @return a copy with that handler */
    public ClientAuthConfig withPasswordChange(PasswordChangeHandler handler) {
        return new ClientAuthConfig(service, allowSshRsa, rejectTrivialSuccess, maxInteractiveRounds, handler,
                bannerListener, listener);
    }

    /** @param banners see {@link #bannerListener()} @return a copy with that listener */
    public ClientAuthConfig withBannerListener(Consumer<String> banners) {
        return new ClientAuthConfig(service, allowSshRsa, rejectTrivialSuccess, maxInteractiveRounds, passwordChange,
                banners, listener);
    }

    /** @param events see {@link #listener()} @return a copy with that listener */
    public ClientAuthConfig withListener(AuthListener events) {
        return new ClientAuthConfig(service, allowSshRsa, rejectTrivialSuccess, maxInteractiveRounds, passwordChange,
                bannerListener, events);
    }
}
