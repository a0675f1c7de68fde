package org.sshstack.crypto.mac;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction's packet MAC: computes and verifies MAC(key, uint32 sequence_number || data) (RFC 4253 §6.4) over
 * caller buffers, without allocating per packet. Not thread-safe: one instance per direction.
 */
public final class PacketMac {

    private final MacAlgorithm algorithm;
    private final Mac mac;
    private final byte[] seqBytes = new byte[4];
    private final byte[] scratch;

    PacketMac(MacAlgorithm algorithm, byte[] key) {
        this.algorithm = algorithm;
        try {
            this.mac = Mac.getInstance(algorithm.jcaName());
            this.mac.init(new SecretKeySpec(key, algorithm.jcaName()));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("JCA provider lacks " + algorithm.jcaName(), e);
        }
        this.scratch = new byte[algorithm.macLength()];
    }

    /** @return the algorithm of this MAC */
    public MacAlgorithm algorithm() {
        return algorithm;
    }

    /** @return the MAC length in bytes */
    public int length() {
        return algorithm.macLength();
    }

    /**
     * Computes MAC(key, uint32 seq || buf[off, off+len)) into {@code out} at {@code outOff}.
     *
     * @param seq the packet sequence number (an unsigned 32-bit value; wraps)
     * @param buf the data
     * @param off where the data starts
     * @param len how many bytes to authenticate
     * @param out where the MAC goes (may be {@code buf}, outside the data region)
     * @param outOff where in {@code out} the MAC starts
     */
    public void compute(int seq, byte[] buf, int off, int len, byte[] out, int outOff) {
        // RFC 4253 §6.4: mac = MAC(key, sequence_number || unencrypted_packet)
        seqBytes[0] = (byte) (seq >>> 24);
        seqBytes[1] = (byte) (seq >>> 16);
        seqBytes[2] = (byte) (seq >>> 8);
        seqBytes[3] = (byte) seq;
        mac.update(seqBytes, 0, 4);
        computeRaw(buf, off, len, out, outOff);
    }

    /**
     * Verifies in constant time that {@code tag} at {@code tagOff} equals MAC(key, uint32 seq || data).
     *
     * @param seq the packet sequence number
     * @param buf the data
     * @param off where the data starts
     * @param len how many bytes were authenticated
     * @param tag the array holding the received MAC
     * @param tagOff where the received MAC starts
     * @return true when the received MAC is correct
     */
    public boolean verify(int seq, byte[] buf, int off, int len, byte[] tag, int tagOff) {
        compute(seq, buf, off, len, scratch, 0);
        return ConstantTime.equals(scratch, 0, tag, tagOff, scratch.length);
    }

    /** HMAC over the data alone, without the sequence number; for the primitive-level test vectors. */
    void computeRaw(byte[] buf, int off, int len, byte[] out, int outOff) {
        mac.update(buf, off, len);
        try {
            mac.doFinal(out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for a " + length() + "-byte MAC at " + outOff, e);
        }
    }

    /** Creates an instance with a key of any length (HMAC accepts any); for the primitive-level test vectors. */
    static PacketMac withAnyKey(MacAlgorithm algorithm, byte[] key) {
        return new PacketMac(algorithm, key);
    }

    @Override
    public String toString() {
        return "PacketMac[" + algorithm.wireName() + "]";
    }
}
