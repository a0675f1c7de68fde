package org.sshstack.keys.knownhosts;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sshstack.keys.CertificateException;
import org.sshstack.keys.CertificateType;
import org.sshstack.keys.CertificateVerifier;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/**
 * Decides a lookup from the lines that match a host. Precedence: revoked, then match (a presented certificate first
 * through {@code @cert-authority} lines, where it must verify as a HOST certificate for the host at the given time,
 * then, as OpenSSH retries, through its plain certified key), then an invalid certificate, then mismatch.
 */
final class HostKeyMatcher {

    private HostKeyMatcher() {
    }

    /**
     * @param name the looked-up name, {@code host} or {@code [host]:port}
     * @param principal the host name a certificate must list as a principal
     * @param forHost the lines whose host patterns match
     * @param presented the presented key or certificate
     * @param now the time a certificate must be valid at
     */
    static HostKeyLookup match(String name, String principal, List<KnownHostsEntry> forHost, SshPublicKey presented,
            Instant now) {
        OpenSshCertificate certificate = presented instanceof OpenSshCertificate c ? c : null;
        SshPublicKey plain = certificate != null ? certificate.certifiedKey() : presented;
        List<Integer> revoked = new ArrayList<>();
        List<Integer> authorityLines = new ArrayList<>();
        List<SshPublicKey> authorities = new ArrayList<>();
        List<Integer> matches = new ArrayList<>();
        List<KnownKey> expected = new ArrayList<>();
        List<KnownKey> otherTypes = new ArrayList<>();
        for (KnownHostsEntry entry : forHost) {
            SshPublicKey key = entry.key().orElseThrow();
            switch (entry.marker()) {
                case REVOKED -> {
                    if (entry.holds(plain) || entry.holds(presented)
                            || certificate != null && entry.holds(certificate.signatureKey())) {
                        revoked.add(entry.lineNumber());
                    }
                }
                case CERT_AUTHORITY -> {
                    if (certificate != null && entry.holds(certificate.signatureKey())) {
                        authorityLines.add(entry.lineNumber());
                        authorities.add(key);
                    }
                }
                case NONE -> {
                    if (entry.holds(plain)) {
                        matches.add(entry.lineNumber());
                    } else if (key.typeName().equals(plain.typeName())) {
                        expected.add(known(entry, key));
                    } else {
                        otherTypes.add(known(entry, key));
                    }
                }
            }
        }
        if (!revoked.isEmpty()) {
            return result(HostKeyStatus.REVOKED, name, revoked, false, List.of(), List.of(), otherTypes,
                    Optional.empty());
        }
        Optional<CertificateException> failure = authorityLines.isEmpty() ? Optional.empty()
                : verify(certificate, authorities, principal, now);
        if (!authorityLines.isEmpty() && failure.isEmpty()) {
            return result(HostKeyStatus.MATCH, name, authorityLines, true, authorities, List.of(), otherTypes,
                    Optional.empty());
        }
        if (!matches.isEmpty()) {
            return result(HostKeyStatus.MATCH, name, matches, false, List.of(), List.of(), otherTypes, failure);
        }
        if (failure.isPresent()) {
            return result(HostKeyStatus.CERTIFICATE_INVALID, name, authorityLines, true, authorities, List.of(),
                    otherTypes, failure);
        }
        HostKeyStatus status = expected.isEmpty() ? HostKeyStatus.UNKNOWN : HostKeyStatus.MISMATCH;
        return result(status, name, List.of(), false, List.of(), expected, otherTypes, Optional.empty());
    }

    // PROTOCOL.certkeys; sshconnect.c check_host_cert: HOST type, trusted CA signature, validity, host as principal
    private static Optional<CertificateException> verify(OpenSshCertificate certificate, List<SshPublicKey> authorities,
            String principal, Instant now) {
        try {
            CertificateVerifier.trusting(authorities).verify(certificate, CertificateType.HOST, principal, now);
            return Optional.empty();
        } catch (CertificateException e) {
            return Optional.of(e);
        }
    }

    private static KnownKey known(KnownHostsEntry entry, SshPublicKey key) {
        return new KnownKey(entry.lineNumber(), entry.keyTypeName(), Fingerprints.sha256(key));
    }

    private static HostKeyLookup result(HostKeyStatus status, String name, List<Integer> lines, boolean viaCa,
            List<SshPublicKey> authorities, List<KnownKey> expected, List<KnownKey> otherTypes,
            Optional<CertificateException> failure) {
        return new HostKeyLookup(status, name, lines, viaCa, authorities, expected, otherTypes, failure);
    }
}
