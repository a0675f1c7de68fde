package org.sshstack.transport;

import java.util.List;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/**
 * Trusts only host keys whose SHA-256 fingerprint ({@code SHA256:base64}, as {@code ssh-keygen -l} prints it) is on
 * a fixed list. For a host certificate the certified key's fingerprint counts too.
 */
public final class PinnedHostKeyVerifier implements HostKeyVerifier {

    private final List<String> fingerprints;

    /**
     * @param fingerprints the trusted fingerprints, each {@code SHA256:...}
     * @throws IllegalArgumentException if the list is empty or a fingerprint does not start with "SHA256:"
     */
    public PinnedHostKeyVerifier(List<String> fingerprints) {
        this.fingerprints = List.copyOf(fingerprints);
        if (this.fingerprints.isEmpty()) {
            throw new IllegalArgumentException("no pinned fingerprints");
        }
        for (String fingerprint : this.fingerprints) {
            if (!fingerprint.startsWith("SHA256:")) {
                throw new IllegalArgumentException("pinned fingerprints must be SHA256:..., got " + fingerprint);
            }
        }
    }

    @Override
    public void verify(String host, int port, SshPublicKey hostKey) throws HostKeyRejectedException {
        String presented = Fingerprints.sha256(hostKey);
        if (fingerprints.contains(presented)) {
            return;
        }
        if (hostKey instanceof OpenSshCertificate certificate
                && fingerprints.contains(Fingerprints.sha256(certificate.certifiedKey()))) {
            return;
        }
        throw new HostKeyRejectedException("Host key for " + KnownHostsVerifier.display(host, port) + " ("
                + hostKey.typeName() + " " + presented + ") is not one of the " + fingerprints.size()
                + " pinned fingerprint(s)");
    }

    @Override
    public String toString() {
        return "PinnedHostKeyVerifier" + fingerprints;
    }
}
