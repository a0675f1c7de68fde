package org.sshstack.transport.kex;

import java.util.Objects;
import org.sshstack.crypto.signature.SshSigner;
import org.sshstack.keys.SshPublicKey;

/**
 * A server host key as the key exchange uses it: the public key sent as K_S (a plain key or a certificate) and a
 * signer holding the matching private key (in memory, an agent or a token).
 *
 * @param publicKey the key or certificate sent as K_S
 * @param signer signs H with the private key of the (certified) key
 */
public record ServerHostKey(SshPublicKey publicKey, SshSigner signer) {

    /** Requires both fields. */
    public ServerHostKey {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(signer, "signer");
    }

    /** @return the key type and signer kind, never key material */
    @Override
    public String toString() {
        return "ServerHostKey[" + publicKey.typeName() + ", " + signer + "]";
    }
}
