package org.sshstack.crypto.signature;

import java.util.List;
import org.sshstack.SshException;

/**
 * Something that can produce SSH signatures with one private key it may not expose: an in-memory JCA key
 * ({@link JcaSshSigner}), and later an agent or a hardware token.
 */
public interface SshSigner {

    /** @return the key type this signer signs with: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa}, ... */
    String keyTypeName();

    /**
     * @return the signature algorithms this signer can use, preferred first; by default the non-legacy algorithms
     *         of {@link #keyTypeName()}
     */
    default List<String> algorithmNames() {
        return SignatureAlgorithms.forKeyType(keyTypeName()).stream()
                .filter(a -> !a.legacy())
                .map(SignatureAlgorithm::name)
                .toList();
    }

    /**
     * @param algorithmName the signature algorithm, e.g. {@code rsa-sha2-512}; must sign with {@link #keyTypeName()}
     * @param data the data to sign
     * @return the SSH signature blob {@code string name || string signature} (RFC 4253 §6.6)
     * @throws SshException if the algorithm does not fit this key or signing failed
     */
    byte[] sign(String algorithmName, byte[] data) throws SshException;
}
