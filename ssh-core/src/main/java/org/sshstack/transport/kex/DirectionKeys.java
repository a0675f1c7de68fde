package org.sshstack.transport.kex;

import java.util.Arrays;
import javax.security.auth.Destroyable;
import org.sshstack.crypto.kex.SecretWiper;

/**
 * The keys of one direction (RFC 4253 §7.2): initial IV, encryption key and integrity key. The arrays are copied
 * in and out; toString never shows them.
 */
public final class DirectionKeys implements Destroyable {

    private final byte[] iv;
    private final byte[] key;
    private final byte[] macKey;
    private final SecretWiper wiper;

    /**
     * @param iv the initial IV (may be empty)
     * @param key the encryption key
     * @param macKey the integrity key (empty for AEAD ciphers)
     */
    public DirectionKeys(byte[] iv, byte[] key, byte[] macKey) {
        this.iv = iv.clone();
        this.key = key.clone();
        this.macKey = macKey.clone();
        this.wiper = new SecretWiper("keys", this.iv, this.key, this.macKey);
    }

    /** @return a copy of the initial IV */
    public byte[] iv() {
        wiper.check();
        return iv.clone();
    }

    /** @return a copy of the encryption key */
    public byte[] key() {
        wiper.check();
        return key.clone();
    }

    /** @return a copy of the integrity key */
    public byte[] macKey() {
        wiper.check();
        return macKey.clone();
    }

    /** Overwrites the keys with zeros; later reads fail. */
    @Override
    public void destroy() {
        wiper.destroy();
    }

    /** @return whether {@link #destroy()} has run */
    @Override
    public boolean isDestroyed() {
        return wiper.isDestroyed();
    }

    /** @return whether the other object holds the same keys (constant-time comparison is not needed in tests) */
    @Override
    public boolean equals(Object other) {
        return other instanceof DirectionKeys that && Arrays.equals(iv, that.iv) && Arrays.equals(key, that.key)
                && Arrays.equals(macKey, that.macKey);
    }

    /** @return a hash of the lengths only */
    @Override
    public int hashCode() {
        return (iv.length * 31 + key.length) * 31 + macKey.length;
    }

    /** @return the lengths, never the keys */
    @Override
    public String toString() {
        return "DirectionKeys[iv " + iv.length + ", key " + key.length + ", mac key " + macKey.length + " bytes]";
    }
}
