package org.sshstack.keys.knownhosts;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/**
 * Decides a lookup from the lines that match a host. Precedence: revoked, then match (a presented certificate first
 * through {@code @cert-authority} lines, then, as OpenSSH retries, through its plain certified key), then mismatch.
 */
final class HostKeyMatcher {

    private HostKeyMatcher() {
    }

    static HostKeyLookup match(String name, List<KnownHostsEntry> forHost, SshPublicKey presented) {
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
            return result(HostKeyStatus.REVOKED, name, revoked, false, List.of(), List.of(), otherTypes);
        }
        if (!authorityLines.isEmpty()) {
            return result(HostKeyStatus.MATCH, name, authorityLines, true, authorities, List.of(), otherTypes);
        }
        if (!matches.isEmpty()) {
            return result(HostKeyStatus.MATCH, name, matches, false, List.of(), List.of(), otherTypes);
        }
        HostKeyStatus status = expected.isEmpty() ? HostKeyStatus.UNKNOWN : HostKeyStatus.MISMATCH;
        return result(status, name, List.of(), false, List.of(), expected, otherTypes);
    }

    private static KnownKey known(KnownHostsEntry entry, SshPublicKey key) {
        return new KnownKey(entry.lineNumber(), entry.keyTypeName(), Fingerprints.sha256(key));
    }

    private static HostKeyLookup result(HostKeyStatus status, String name, List<Integer> lines, boolean viaCa,
            List<SshPublicKey> authorities, List<KnownKey> expected, List<KnownKey> otherTypes) {
        return new HostKeyLookup(status, name, lines, viaCa, authorities, expected, otherTypes);
    }
}
