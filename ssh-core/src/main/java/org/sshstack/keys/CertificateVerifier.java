package org.sshstack.keys;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.SignatureAlgorithm;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.keys.CertificateException.Check;

/**
 * Decides whether an OpenSSH certificate may be trusted for a use (PROTOCOL.certkeys): type, trusted CA, CA signature
 * (SHA-2 only unless legacy signatures are opted in), validity window, principal (an empty principal list is always
 * rejected: CVE-2024-7594), and critical options (unknown ones rejected; none allowed on host certificates).
 * CA keys must be plain keys of a family {@link SignatureAlgorithms} implements: DSA and security-key CAs are
 * refused ({@link CertificateException.Check#SIGNATURE_ALGORITHM}). Principals match exactly (no wildcards).
 * Immutable and thread-safe.
 */
public final class CertificateVerifier {

    private final List<SshPublicKey> trustedAuthorities;
    private final boolean allowLegacySignatures;

    private CertificateVerifier(List<SshPublicKey> trustedAuthorities, boolean allowLegacySignatures) {
        this.trustedAuthorities = List.copyOf(trustedAuthorities);
        this.allowLegacySignatures = allowLegacySignatures;
    }

    /**
     * @param authorities the trusted CA keys (plain keys; a certificate is never a CA)
     * @return a verifier trusting exactly those keys, SHA-2 signatures only
     * @throws IllegalArgumentException if an authority is a certificate
     */
    public static CertificateVerifier trusting(List<? extends SshPublicKey> authorities) {
        for (SshPublicKey authority : authorities) {
            if (authority instanceof OpenSshCertificate) {
                throw new IllegalArgumentException("a certificate is never accepted as a CA key");
            }
        }
        return new CertificateVerifier(new ArrayList<>(authorities), false);
    }

    /**
     * @param allow true to accept legacy CA signature algorithms ({@code ssh-rsa}, SHA-1)
     * @return a copy of this verifier with that setting
     */
    public CertificateVerifier withLegacySignatures(boolean allow) {
        return new CertificateVerifier(trustedAuthorities, allow);
    }

    /**
     * @param certificate the presented certificate
     * @param expectedType {@link CertificateType#USER} for user authentication, {@link CertificateType#HOST} for a
     *     server's host key
     * @param principal the user name being logged in as, or the host name connected to
     * @param now the current time ({@code valid after <= now < valid before})
     * @return the verified certificate with its restrictions typed
     * @throws CertificateException naming the check that failed
     * @throws NullPointerException if an argument is null (a programming error, not untrusted input)
     */
    public VerifiedCertificate verify(OpenSshCertificate certificate, CertificateType expectedType, String principal,
            Instant now) throws CertificateException {
        java.util.Objects.requireNonNull(certificate, "certificate");
        java.util.Objects.requireNonNull(expectedType, "expectedType");
        java.util.Objects.requireNonNull(principal, "principal");
        java.util.Objects.requireNonNull(now, "now");
        boolean host = expectedType == CertificateType.HOST;
        String id = " (key id \"" + certificate.keyId() + "\")";
        if (certificate.certificateType() != expectedType) {
            throw new CertificateException(Check.TYPE, host, "expected a " + expectedType + " certificate, got "
                    + certificate.certificateType() + id);
        }
        SshPublicKey authority = trustedAuthority(certificate, host, id);
        verifySignature(certificate, authority, host, id);
        checkValidity(certificate, now, host, id);
        checkPrincipal(certificate, principal, host, id);
        return host
                ? hostResult(certificate, authority, principal, id)
                : CertificateCriticalOptions.userResult(certificate, authority, principal, id);
    }

    private SshPublicKey trustedAuthority(OpenSshCertificate certificate, boolean host, String id)
            throws CertificateException {
        byte[] caBlob = certificate.signatureKey().blob();
        for (SshPublicKey authority : trustedAuthorities) {
            if (Arrays.equals(authority.blob(), caBlob)) {
                return authority;
            }
        }
        throw new CertificateException(Check.UNTRUSTED_CA, host, "signed by an untrusted CA "
                + Fingerprints.sha256(certificate.signatureKey()) + id);
    }

    private void verifySignature(OpenSshCertificate certificate, SshPublicKey authority, boolean host, String id)
            throws CertificateException {
        String name = certificate.signatureAlgorithm();
        Optional<SignatureAlgorithm> found = SignatureAlgorithms.byName(name);
        if (found.isEmpty() || !(authority instanceof StandardPublicKey caKey)) {
            throw new CertificateException(Check.SIGNATURE_ALGORITHM, host, "unsupported CA signature algorithm "
                    + name + " for CA key type " + authority.typeName() + id);
        }
        SignatureAlgorithm algorithm = found.get();
        if (!algorithm.keyTypeName().equals(caKey.typeName())) {
            throw new CertificateException(Check.SIGNATURE_ALGORITHM, host, "signature algorithm " + name
                    + " does not fit CA key type " + caKey.typeName() + id);
        }
        if (algorithm.legacy() && !allowLegacySignatures) {
            throw new CertificateException(Check.SIGNATURE_ALGORITHM, host, "legacy CA signature algorithm " + name
                    + " (SHA-1) is not enabled" + id);
        }
        boolean valid;
        try {
            valid = algorithm.verify(caKey.javaKey(), certificate.signedBytes(), certificate.signature());
        } catch (SshException e) {
            throw new CertificateException(Check.SIGNATURE, host, "malformed CA signature: " + e.getMessage() + id);
        }
        if (!valid) {
            throw new CertificateException(Check.SIGNATURE, host, "CA signature does not verify" + id);
        }
    }

    private static void checkValidity(OpenSshCertificate certificate, Instant now, boolean host, String id)
            throws CertificateException {
        long seconds = Math.max(0, now.getEpochSecond());
        if (Long.compareUnsigned(seconds, certificate.validAfter()) < 0) {
            throw new CertificateException(Check.NOT_YET_VALID, host, "not valid before "
                    + certificate.validAfterInstant() + id);
        }
        if (Long.compareUnsigned(seconds, certificate.validBefore()) >= 0) {
            throw new CertificateException(Check.EXPIRED, host, "expired at " + certificate.validBeforeInstant() + id);
        }
    }

    private static void checkPrincipal(OpenSshCertificate certificate, String principal, boolean host, String id)
            throws CertificateException {
        if (certificate.principals().isEmpty()) {
            throw new CertificateException(Check.NO_PRINCIPALS, host, "the certificate lists no principals" + id);
        }
        if (!certificate.principals().contains(principal)) {
            throw new CertificateException(Check.PRINCIPAL, host, "\"" + principal + "\" is not a listed principal"
                    + id);
        }
    }

    // PROTOCOL.certkeys: "No critical options are defined for host certificates at present."
    private static VerifiedCertificate hostResult(OpenSshCertificate certificate, SshPublicKey authority,
            String principal, String id) throws CertificateException {
        if (!certificate.criticalOptions().isEmpty()) {
            throw new CertificateException(Check.CRITICAL_OPTION, true, "host certificate carries critical option "
                    + certificate.criticalOptions().get(0).name() + id);
        }
        return new VerifiedCertificate(certificate, authority, principal, Optional.empty(), List.of(), false,
                CertificatePermissions.none());
    }
}
