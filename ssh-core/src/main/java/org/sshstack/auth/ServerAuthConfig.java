package org.sshstack.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.sshstack.keys.CertificateVerifier;

/**
 * Settings of a {@link ServerAuthenticator}. Immutable; start from {@link #defaults(SecureRandom)} and use the
 * withers. Share one instance across connections so that each user's failure delay stays the same.
 *
 * @param maxAuthTries failures after which the server disconnects with NO_MORE_AUTH_METHODS_AVAILABLE (OpenSSH
 *     MaxAuthTries; the first "none" does not count)
 * @param loginGrace time allowed from the start of authentication to success (OpenSSH LoginGraceTime)
 * @param failureDelay minimum delay of every FAILURE answer (except to "none")
 * @param failureDelayJitter upper bound of a fixed per-user extra delay derived from a keyed hash of the user name
 *     (as OpenSSH does), so failures for a user always take the same time whether or not the user exists
 * @param allowSshRsa true to accept {@code ssh-rsa} (SHA-1) signatures; default false (RFC 8332, SECURITY.md C5)
 * @param userCertificates the trusted user CA keys, or empty to refuse all certificates
 * @param banner text sent as USERAUTH_BANNER before the first answer, if any
 * @param maxInteractiveRounds most keyboard-interactive rounds in one attempt
 * @param listener receives an event per decided attempt
 * @param delaySecret the key of the per-user delay hash
 */
public record ServerAuthConfig(int maxAuthTries, Duration loginGrace, Duration failureDelay,
        Duration failureDelayJitter, boolean allowSshRsa, Optional<CertificateVerifier> userCertificates,
        Optional<String> banner, int maxInteractiveRounds, AuthListener listener, byte[] delaySecret) {

    /** Validates and copies. */
    public ServerAuthConfig {
        if (maxAuthTries < 1 || maxInteractiveRounds < 1) {
            throw new IllegalArgumentException("maxAuthTries and maxInteractiveRounds must be at least 1");
        }
        Objects.requireNonNull(loginGrace, "loginGrace");
        Objects.requireNonNull(failureDelay, "failureDelay");
        Objects.requireNonNull(failureDelayJitter, "failureDelayJitter");
        Objects.requireNonNull(userCertificates, "userCertificates");
        Objects.requireNonNull(banner, "banner");
        Objects.requireNonNull(listener, "listener");
        delaySecret = delaySecret.clone();
    }

    /**
     * @param random source of the per-user delay key
     * @return 6 tries, 30 s grace, 100 ms + up to 50 ms per-user failure delay, no ssh-rsa, no CAs, no banner
     */
    public static ServerAuthConfig defaults(SecureRandom random) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return new ServerAuthConfig(6, Duration.ofSeconds(30), Duration.ofMillis(100), Duration.ofMillis(50), false,
                Optional.empty(), Optional.empty(), 16, AuthListener.NONE, secret);
    }

    @Override
    public byte[] delaySecret() {
        return delaySecret.clone();
    }

    /** @param tries see {@link #maxAuthTries()} @return a copy */
    public ServerAuthConfig withMaxAuthTries(int tries) {
        return new ServerAuthConfig(tries, loginGrace, failureDelay, failureDelayJitter, allowSshRsa,
                userCertificates, banner, maxInteractiveRounds, listener, delaySecret);
    }

    /** @param grace see {@link #loginGrace()} @return a copy */
    public ServerAuthConfig withLoginGrace(Duration grace) {
        return new ServerAuthConfig(maxAuthTries, grace, failureDelay, failureDelayJitter, allowSshRsa,
                userCertificates, banner, maxInteractiveRounds, listener, delaySecret);
    }

    /** @param delay see {@link #failureDelay()} @param jitter see {@link #failureDelayJitter()} @return a copy */
    public ServerAuthConfig withFailureDelay(Duration delay, Duration jitter) {
        return new ServerAuthConfig(maxAuthTries, loginGrace, delay, jitter, allowSshRsa, userCertificates, banner,
                maxInteractiveRounds, listener, delaySecret);
    }

    /** @param allow see {@link #allowSshRsa()} @return a copy */
    public ServerAuthConfig withAllowSshRsa(boolean allow) {
        return new ServerAuthConfig(maxAuthTries, loginGrace, failureDelay, failureDelayJitter, allow,
                userCertificates, banner, maxInteractiveRounds, listener, delaySecret);
    }

    /** @param verifier the trusted user CAs @return a copy */
    public ServerAuthConfig withUserCertificates(CertificateVerifier verifier) {
        return new ServerAuthConfig(maxAuthTries, loginGrace, failureDelay, failureDelayJitter, allowSshRsa,
                Optional.of(verifier), banner, maxInteractiveRounds, listener, delaySecret);
    }

    /** @param text see {@link #banner()} @return a copy */
    public ServerAuthConfig withBanner(String text) {
        return new ServerAuthConfig(maxAuthTries, loginGrace, failureDelay, failureDelayJitter, allowSshRsa,
                userCertificates, Optional.of(text), maxInteractiveRounds, listener, delaySecret);
    }

    /** @param events see {@link #listener()} @return a copy */
    public ServerAuthConfig withListener(AuthListener events) {
        return new ServerAuthConfig(maxAuthTries, loginGrace, failureDelay, failureDelayJitter, allowSshRsa,
                userCertificates, banner, maxInteractiveRounds, events, delaySecret);
    }

    /**
     * @param username the user name of the failed attempt
     * @return the failure delay for that user in nanoseconds: the minimum plus a fixed keyed-hash share of the jitter
     */
    long failureDelayNanos(String username) {
        long jitter = failureDelayJitter.toNanos();
        if (jitter <= 0) {
            return failureDelay.toNanos();
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(delaySecret);
            byte[] hash = digest.digest(username.getBytes(StandardCharsets.UTF_8));
            long value = ((hash[0] & 0xffL) << 24) | ((hash[1] & 0xffL) << 16) | ((hash[2] & 0xffL) << 8)
                    | (hash[3] & 0xffL);
            return failureDelay.toNanos() + value % (jitter + 1);
        } catch (NoSuchAlgorithmException e) {
            return failureDelay.toNanos() + jitter; // every JDK has SHA-256; stay slow if not
        }
    }

    @Override
    public String toString() {
        return "ServerAuthConfig[maxAuthTries=" + maxAuthTries + ", loginGrace=" + loginGrace + ", failureDelay="
                + failureDelay + ", allowSshRsa=" + allowSshRsa + "]";
    }
}
