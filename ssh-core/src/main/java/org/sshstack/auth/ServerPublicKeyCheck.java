package org.sshstack.auth;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.sshstack.crypto.signature.SignatureAlgorithm;
import org.sshstack.keys.CertificateType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.VerifiedCertificate;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/**
 * The server's "publickey" checks (RFC 4252 §7, RFC 8332 §3, PROTOCOL.certkeys): key and algorithm agree, the
 * certificate is trusted, the signature covers this session; the application is asked only about a key that signed.
 * Every error path refuses (SECURITY.md A5, A6).
 */
final class ServerPublicKeyCheck {

    /** The verdict on one "publickey" request. */
    sealed interface Verdict {
    }

    /** Answer the query with PK_OK. */
    record PkOk() implements Verdict {
    }

    /**
     * A decision on a signed request (or a refused query).
     *
     * @param status the decision
     * @param key the key that signed, or null when refused before verification
     * @param restrictions the certificate's restrictions
     */
    record Decision(AuthStatus status, SshPublicKey key, AuthRestrictions restrictions) implements Verdict {
        static Decision refused() {
            return new Decision(AuthStatus.FAILED, null, AuthRestrictions.unrestricted());
        }
    }

    private final ServerAuthConfig config;
    private final ServerAuthHandler handler;
    private final byte[] sessionId;
    private final String peerAddress;

    ServerPublicKeyCheck(ServerAuthConfig config, ServerAuthHandler handler, byte[] sessionId, String peerAddress) {
        this.config = config;
        this.handler = handler;
        this.sessionId = sessionId;
        this.peerAddress = peerAddress;
    }

    Verdict check(String user, String service, UserauthMethod.PublicKey request, Instant now) {
        SshPublicKey key;
        try {
            key = PublicKeyCodec.decode(request.keyBlob());
        } catch (Exception e) {
            return Decision.refused(); // unparsable blob: a failure, as OpenSSH answers
        }
        Optional<SignatureAlgorithm> algorithm = PublicKeyAlgorithms.forRequest(request.algorithm(), key,
                config.allowSshRsa());
        if (algorithm.isEmpty()) {
            return Decision.refused();
        }
        VerifiedCertificate certificate = null;
        StandardPublicKey signingKey;
        if (key instanceof OpenSshCertificate cert) {
            certificate = verifyCertificate(cert, user, now);
            if (certificate == null || !(cert.certifiedKey() instanceof StandardPublicKey plain)) {
                return Decision.refused();
            }
            signingKey = plain;
        } else if (key instanceof StandardPublicKey plain) {
            signingKey = plain;
        } else {
            return Decision.refused(); // security keys: no signature support here
        }
        if (!request.signed()) {
            return certificate != null || acceptable(user, key) ? new PkOk() : Decision.refused();
        }
        byte[] data = UserauthRequest.publicKeySignedData(sessionId, user, service, request.algorithm(),
                request.keyBlob());
        if (!verifies(algorithm.get(), signingKey, data, request.signature().orElseThrow())) {
            return Decision.refused();
        }
        VerifiedCertificate verified = certificate;
        return verified != null
                ? new Decision(decide(() -> handler.checkAuthCertificate(user, verified)), key,
                        AuthRestrictions.of(verified))
                : new Decision(decide(() -> handler.checkAuthPublicKey(user, key)), key,
                        AuthRestrictions.unrestricted());
    }

    private VerifiedCertificate verifyCertificate(OpenSshCertificate cert, String user, Instant now) {
        if (config.userCertificates().isEmpty()) {
            return null;
        }
        try {
            VerifiedCertificate verified = config.userCertificates().get().verify(cert, CertificateType.USER, user,
                    now);
            return verified.permitsSourceAddress(peerAddress) ? verified : null;
        } catch (Exception e) {
            return null;
        }
    }

    private boolean acceptable(String user, SshPublicKey key) {
        try {
            return handler.isPublicKeyAcceptable(user, key);
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean verifies(SignatureAlgorithm algorithm, StandardPublicKey key, byte[] data,
            byte[] signature) {
        try {
            return algorithm.verify(key.javaKey(), data, signature);
        } catch (Exception e) {
            return false; // malformed blob, wrong algorithm name inside, unsuitable key: refused
        }
    }

    /** Runs an application decision, failing closed on an exception or null (SECURITY.md A6). */
    static AuthStatus decide(Supplier<AuthStatus> decision) {
        try {
            AuthStatus status = decision.get();
            return status == null ? AuthStatus.FAILED : status;
        } catch (RuntimeException e) {
            return AuthStatus.FAILED;
        }
    }
}
