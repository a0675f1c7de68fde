package org.sshstack.keys;

import java.util.List;
import java.util.Optional;

/**
 * A certificate that passed {@link CertificateVerifier}, with its restrictions typed. The caller must enforce them:
 * run only {@link #forceCommand()}, accept only from {@link #sourceAddresses()} (see
 * {@link AddressMatcher#matchesAny}), require FIDO user verification when {@link #verifyRequired()}.
 *
 * @param certificate the verified certificate
 * @param authority the trusted CA key that signed it
 * @param principal the principal it was verified for
 * @param forceCommand the {@code force-command} critical option, if present
 * @param sourceAddresses the CIDR entries of the {@code source-address} critical option (empty: any address)
 * @param verifyRequired the {@code verify-required} critical option
 * @param permissions the typed extensions (all denied for host certificates)
 */
public record VerifiedCertificate(OpenSshCertificate certificate, SshPublicKey authority, String principal,
        Optional<String> forceCommand, List<String> sourceAddresses, boolean verifyRequired,
        CertificatePermissions permissions) {

    /** Copies the list. */
    public VerifiedCertificate {
        sourceAddresses = List.copyOf(sourceAddresses);
    }

    /**
     * Enforces {@code source-address} (must be checked on every authentication path: CVE-2026-46595).
     *
     * @param clientAddress the client's literal IP address
     * @return true if the certificate has no {@code source-address} option or one of its blocks contains the address
     */
    public boolean permitsSourceAddress(String clientAddress) {
        return sourceAddresses.isEmpty() || AddressMatcher.matchesAny(sourceAddresses, clientAddress);
    }
}
