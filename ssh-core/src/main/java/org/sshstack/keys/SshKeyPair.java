package org.sshstack.keys;

import java.security.PrivateKey;
import java.util.Objects;

/**
 * A private key with its public half and the comment its file carried. {@link #toString()} never shows key material.
 *
 * @param publicKey the public half (a plain or security-key public key, or a certificate for the private key)
 * @param privateKey the JCA private key; for a security key, {@code null} (the secret lives in the token)
 * @param comment the comment from the file, or the empty string
 */
public record SshKeyPair(SshPublicKey publicKey, PrivateKey privateKey, String comment) {

    /** Requires a public key and a non-null comment. */
    public SshKeyPair {
        Objects.requireNonNull(publicKey, "publicKey");
        comment = comment == null ? "" : comment;
    }

    @Override
    public String toString() {
        return "SshKeyPair[" + publicKey.typeName() + " " + Fingerprints.sha256(publicKey) + " " + comment + "]";
    }
}
