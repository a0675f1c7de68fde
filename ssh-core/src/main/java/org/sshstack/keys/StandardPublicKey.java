package org.sshstack.keys;

import java.security.PublicKey;

/**
 * A plain public key (ed25519, ECDSA, RSA, DSA) backed by a JCA key.
 *
 * @param keyType its family
 * @param javaKey the JCA key
 */
public record StandardPublicKey(KeyType keyType, PublicKey javaKey) implements SshPublicKey {

    /** Rejects security-key families, which carry an application and use {@link SecurityKeyPublicKey}. */
    public StandardPublicKey {
        if (keyType.isSecurityKey()) {
            throw new IllegalArgumentException(keyType + " is a security-key type");
        }
    }

    @Override
    public String typeName() {
        return keyType.wireName();
    }

    @Override
    public byte[] blob() {
        return PublicKeyCodec.encode(this);
    }

    @Override
    public boolean equals(Object other) {
        return KeyBlobs.equal(this, other);
    }

    @Override
    public int hashCode() {
        return KeyBlobs.hash(this);
    }

    @Override
    public String toString() {
        return KeyBlobs.describe(this);
    }
}
