package org.sshstack.keys.knownhosts;

import java.util.List;
import java.util.Optional;
import org.sshstack.keys.CertificateException;
import org.sshstack.keys.SshPublicKey;

/**
 * The result of {@link KnownHosts#lookup}: the verdict and the evidence behind it.
 *
 * <p>Key types: as OpenSSH does, a host known only under other key types is {@link HostKeyStatus#UNKNOWN} for the
 * presented type, not {@link HostKeyStatus#MISMATCH}; {@link #otherTypes()} lists those keys so that a strict
 * verifier can refuse (or a client can prefer the known types in its host-key algorithm list).
 *
 * @param status the verdict
 * @param host the name looked up, {@code host} or {@code [host]:port}
 * @param matchingLines lines that produced the verdict: the matching, revoking lines (empty otherwise)
 * @param viaCertificateAuthority true when a presented certificate matched through a {@code @cert-authority} line;
 *     the lookup has then already verified it ({@link org.sshstack.keys.CertificateVerifier}, HOST type, the host
 *     name as principal, the lookup's time)
 * @param authorities for a certificate, the CA keys of the matching {@code @cert-authority} lines
 * @param certificateFailure why a certificate whose CA is trusted failed verification (status
 *     {@link HostKeyStatus#CERTIFICATE_INVALID}, or {@link HostKeyStatus#MATCH} through its plain key)
 * @param expected on {@link HostKeyStatus#MISMATCH}, the keys of the same type that the file expected
 * @param otherTypes keys of other types known for this host
 */
public record HostKeyLookup(HostKeyStatus status, String host, List<Integer> matchingLines,
        boolean viaCertificateAuthority, List<SshPublicKey> authorities, List<KnownKey> expected,
        List<KnownKey> otherTypes, Optional<CertificateException> certificateFailure) {

    /** Copies the lists. */
    public HostKeyLookup {
        java.util.Objects.requireNonNull(certificateFailure, "certificateFailure");
        matchingLines = List.copyOf(matchingLines);
        authorities = List.copyOf(authorities);
        expected = List.copyOf(expected);
        otherTypes = List.copyOf(otherTypes);
    }

    /** @return a one-line explanation naming the lines and fingerprints, for an error message or a log */
    public String describe() {
        return switch (status) {
            case MATCH -> "host key for " + host + " matches known_hosts line(s) " + matchingLines
                    + (viaCertificateAuthority ? " (@cert-authority)" : "");
            case CERTIFICATE_INVALID -> "host certificate for " + host + " is signed by a trusted CA (known_hosts "
                    + "line(s) " + matchingLines + ") but is not valid: "
                    + certificateFailure.map(Throwable::getMessage).orElse("");
            case REVOKED -> "host key for " + host + " is @revoked (known_hosts line(s) " + matchingLines + ")";
            case MISMATCH -> "host key for " + host + " changed: expected " + expected;
            case UNKNOWN -> "host " + host + " is not known with this key type"
                    + (otherTypes.isEmpty() ? "" : "; known with " + otherTypes);
        };
    }
}
