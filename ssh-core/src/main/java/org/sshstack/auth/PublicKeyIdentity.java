package org.sshstack.auth;

import java.util.Objects;
import org.sshstack.crypto.signature.SshSigner;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/**
 * A key the client can authenticate with: the public key or certificate it presents and the signer that holds the
 * private half (an in-memory key today, an agent key later). {@code toString()} shows no key material.
 *
 * @param publicKey a plain public key, or an OpenSSH certificate of the signer's key
 * @param signer signs with the private key
 */
public record PublicKeyIdentity(SshPublicKey publicKey, SshSigner signer) {

    /**
     * Requires the signer's key type to match the public key (for a certificate: the certified key).
     *
     * @throws IllegalArgumentException if the signer cannot sign for this key
     */
    public PublicKeyIdentity {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signer, "signer");
        if (!signer.keyTypeName().equals(publicKey.keyType().wireName())) {
            throw new IllegalArgumentException("signer for " + signer.keyTypeName() + " cannot sign for a "
                    + publicKey.typeName() + " key");
        }
    }

    /** @return true when the identity presents an OpenSSH certificate */
    public boolean isCertificate() {
        return publicKey instanceof OpenSshCertificate;
    }

    @Override
    public String toString() {
        return "PublicKeyIdentity[" + publicKey.typeName() + "]";
    }
}
