package org.sshstack.crypto.kex;

import javax.security.auth.Destroyable;
import org.sshstack.wire.SshWriter;

/**
 * The shared secret K of a key exchange, with the SSH encoding it takes in the exchange hash and in the key
 * derivation (RFC 4253 §7.2).
 *
 * <p>The classic methods encode K as an mpint of the secret read as an unsigned big-endian number
 * (RFC 4253 §8, RFC 5656 §4, RFC 8731 §3.1: the 32 X25519 bytes are taken in network byte order, not as
 * little-endian). The hybrid methods encode K, a hash output, as a string
 * (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.5).
 */
public final class SharedSecret implements Destroyable {

    /** How K enters the exchange hash and the key derivation. */
    public enum Encoding {
        /** An mpint of the bytes read as an unsigned big-endian integer (RFC 4251 §5). */
        MPINT,
        /** A string: uint32 length then the bytes (RFC 4251 §5). */
        STRING
    }

    private final byte[] value;
    private final Encoding encoding;
    private final SecretWiper wiper;

    private SharedSecret(byte[] value, Encoding encoding) {
        this.value = value.clone();
        this.encoding = encoding;
        this.wiper = new SecretWiper("shared secret", this.value);
    }

    /**
     * @param unsignedBigEndian the secret as an unsigned big-endian number (leading zeros allowed)
     * @return a secret encoded as an mpint
     */
    public static SharedSecret ofMpint(byte[] unsignedBigEndian) {
        return new SharedSecret(unsignedBigEndian, Encoding.MPINT);
    }

    /**
     * @param bytes the secret bytes
     * @return a secret encoded as a string
     */
    public static SharedSecret ofString(byte[] bytes) {
        return new SharedSecret(bytes, Encoding.STRING);
    }

    /**
     * @return a copy of the raw secret: the fixed-length primitive output (32 bytes for X25519, the field
     *     length for ECDH, the length of p for finite-field DH) or the hash output of a hybrid
     */
    public byte[] bytes() {
        wiper.check();
        return value.clone();
    }

    /** @return how K is encoded in the exchange hash and key derivation */
    public Encoding encoding() {
        return encoding;
    }

    /**
     * Writes K the way RFC 4253 §7.2 and §8 feed it to the hash.
     *
     * @param writer the exchange-hash or key-derivation input being built
     */
    public void writeTo(SshWriter writer) {
        wiper.check();
        if (encoding == Encoding.MPINT) {
            writer.writeMpintMagnitude(value);
        } else {
            writer.writeString(value);
        }
    }

    /** @return K in its SSH encoding (mpint or string, with the length prefix) */
    public byte[] encoded() {
        SshWriter writer = new SshWriter(value.length + 5);
        writeTo(writer);
        return writer.toByteArray();
    }

    /** Overwrites the secret with zeros; later reads fail. */
    @Override
    public void destroy() {
        wiper.destroy();
    }

    /** @return whether {@link #destroy()} has run */
    @Override
    public boolean isDestroyed() {
        return wiper.isDestroyed();
    }

    /** @return the encoding and length only, never the secret */
    @Override
    public String toString() {
        return "SharedSecret[" + encoding + ", " + value.length + " bytes]";
    }
}
