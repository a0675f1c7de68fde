package org.sshstack.keys;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * A FIDO security-key public key (PROTOCOL.u2f): the key of the token plus the application it was made for.
 *
 * @param keyType {@link KeyType#SK_ED25519} or {@link KeyType#SK_ECDSA_NISTP256}
 * @param javaKey the JCA key
 * @param application the FIDO application string, usually {@code ssh:}
 */
public record SecurityKeyPublicKey(KeyType keyType, PublicKey javaKey, String application) implements SshPublicKey {

    /** Accepts only the security-key families. */
    public SecurityKeyPublicKey {
        if (!keyType.isSecurityKey()) {
            throw new IllegalArgumentException(keyType + " is not a security-key type");
        }
    }

    static SecurityKeyPublicKey read(KeyType type, SshReader in) throws SshProtocolException {
        PublicKey key = PublicKeyCodec.readKeyFields(in, type);
        String application = new String(in.readString(1024), StandardCharsets.UTF_8);
        return new SecurityKeyPublicKey(type, key, application);
    }

    @Override
    public String typeName() {
        return keyType.wireName();
    }

    @Override
    public byte[] blob() {
        SshWriter out = new SshWriter(256);
        out.writeString(typeName());
        PublicKeyCodec.writeKeyFields(out, keyType, javaKey);
        out.writeString(application);
        return out.toByteArray();
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
