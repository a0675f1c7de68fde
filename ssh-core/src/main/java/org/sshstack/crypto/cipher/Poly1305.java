package org.sshstack.crypto.cipher;

import java.util.Arrays;
import java.util.Objects;

/**
 * The Poly1305 one-time authenticator (draft-ietf-sshm-chacha20-poly1305 §4, RFC 8439 §2.5), in five 26-bit limbs.
 * Reusable: {@link #init} with a fresh one-time key per message; no allocation after construction. Not thread-safe.
 */
public final class Poly1305 {

    /** One-time key length: r (16 bytes, clamped) then s (16 bytes). */
    public static final int KEY = 32;
    /** Tag length. */
    public static final int TAG = 16;

    private static final int M26 = 0x3ffffff;

    private int r0, r1, r2, r3, r4;
    private int h0, h1, h2, h3, h4;
    private final int[] s = new int[4];
    private final byte[] block = new byte[16];
    private int blockUsed;

    /**
     * Starts a new message under a one-time key.
     *
     * @param key the array holding the 32-byte key
     * @param off where the key starts
     */
    public void init(byte[] key, int off) {
        Objects.checkFromIndexSize(off, KEY, key.length);
        // §4: r = first 16 bytes little-endian AND 0x0ffffffc0ffffffc0ffffffc0fffffff, split into 26-bit limbs
        r0 = ChaCha20.le32(key, off) & 0x3ffffff;
        r1 = (ChaCha20.le32(key, off + 3) >>> 2) & 0x3ffff03;
        r2 = (ChaCha20.le32(key, off + 6) >>> 4) & 0x3ffc0ff;
        r3 = (ChaCha20.le32(key, off + 9) >>> 6) & 0x3f03fff;
        r4 = (ChaCha20.le32(key, off + 12) >>> 8) & 0x00fffff;
        for (int i = 0; i < 4; i++) {
            s[i] = ChaCha20.le32(key, off + 16 + 4 * i);
        }
        h0 = h1 = h2 = h3 = h4 = 0;
        blockUsed = 0;
    }

    /**
     * Absorbs message bytes.
     *
     * @param m the message
     * @param off where the bytes start
     * @param len how many bytes
     */
    public void update(byte[] m, int off, int len) {
        Objects.checkFromIndexSize(off, len, m.length);
        int end = off + len;
        if (blockUsed > 0) {
            int take = Math.min(16 - blockUsed, len);
            System.arraycopy(m, off, block, blockUsed, take);
            blockUsed += take;
            off += take;
            if (blockUsed < 16) {
                return;
            }
            absorb(block, 0, 1 << 24);
            blockUsed = 0;
        }
        while (end - off >= 16) {
            absorb(m, off, 1 << 24);
            off += 16;
        }
        System.arraycopy(m, off, block, 0, end - off);
        blockUsed = end - off;
    }

    /**
     * Finishes the message and writes the 16-byte tag.
     *
     * @param out where the tag goes
     * @param outOff where in {@code out} it starts
     */
    public void finish(byte[] out, int outOff) {
        Objects.checkFromIndexSize(outOff, TAG, out.length);
        if (blockUsed > 0) {
            // §4: a short final block gets the byte 0x01 appended, then zeros, and no bit 128
            block[blockUsed] = 1;
            Arrays.fill(block, blockUsed + 1, 16, (byte) 0);
            absorb(block, 0, 0);
            blockUsed = 0;
        }
        fullyReduce();
        // h mod 2^128, then + s mod 2^128, little-endian
        long f0 = ((h0 | h1 << 26) & 0xffffffffL) + (s[0] & 0xffffffffL);
        long f1 = ((h1 >>> 6 | h2 << 20) & 0xffffffffL) + (s[1] & 0xffffffffL) + (f0 >>> 32);
        long f2 = ((h2 >>> 12 | h3 << 14) & 0xffffffffL) + (s[2] & 0xffffffffL) + (f1 >>> 32);
        long f3 = ((h3 >>> 18 | h4 << 8) & 0xffffffffL) + (s[3] & 0xffffffffL) + (f2 >>> 32);
        putLe(out, outOff, (int) f0);
        putLe(out, outOff + 4, (int) f1);
        putLe(out, outOff + 8, (int) f2);
        putLe(out, outOff + 12, (int) f3);
        h0 = h1 = h2 = h3 = h4 = 0;
    }

    /** h = (h + block) * r mod 2^130 - 5, with the block's top bit given by {@code hibit}. */
    private void absorb(byte[] m, int off, int hibit) {
        long a0 = h0 + (ChaCha20.le32(m, off) & M26);
        long a1 = h1 + ((ChaCha20.le32(m, off + 3) >>> 2) & M26);
        long a2 = h2 + ((ChaCha20.le32(m, off + 6) >>> 4) & M26);
        long a3 = h3 + ((ChaCha20.le32(m, off + 9) >>> 6) & M26);
        long a4 = h4 + ((ChaCha20.le32(m, off + 12) >>> 8) | hibit);
        long s1 = r1 * 5L;
        long s2 = r2 * 5L;
        long s3 = r3 * 5L;
        long s4 = r4 * 5L;
        long d0 = a0 * r0 + a1 * s4 + a2 * s3 + a3 * s2 + a4 * s1;
        long d1 = a0 * r1 + a1 * r0 + a2 * s4 + a3 * s3 + a4 * s2;
        long d2 = a0 * r2 + a1 * r1 + a2 * r0 + a3 * s4 + a4 * s3;
        long d3 = a0 * r3 + a1 * r2 + a2 * r1 + a3 * r0 + a4 * s4;
        long d4 = a0 * r4 + a1 * r3 + a2 * r2 + a3 * r1 + a4 * r0;
        d1 += d0 >>> 26;
        d2 += d1 >>> 26;
        d3 += d2 >>> 26;
        d4 += d3 >>> 26;
        long c = d4 >>> 26;
        long t0 = (d0 & M26) + c * 5;
        h0 = (int) (t0 & M26);
        h1 = (int) ((d1 & M26) + (t0 >>> 26));
        h2 = (int) (d2 & M26);
        h3 = (int) (d3 & M26);
        h4 = (int) (d4 & M26);
    }

    /** Carries h fully, then subtracts p = 2^130 - 5 when h >= p, in constant time. */
    private void fullyReduce() {
        int c = h1 >>> 26;
        h1 &= M26;
        h2 += c;
        c = h2 >>> 26;
        h2 &= M26;
        h3 += c;
        c = h3 >>> 26;
        h3 &= M26;
        h4 += c;
        c = h4 >>> 26;
        h4 &= M26;
        h0 += c * 5;
        c = h0 >>> 26;
        h0 &= M26;
        h1 += c;

        int g0 = h0 + 5;
        c = g0 >>> 26;
        g0 &= M26;
        int g1 = h1 + c;
        c = g1 >>> 26;
        g1 &= M26;
        int g2 = h2 + c;
        c = g2 >>> 26;
        g2 &= M26;
        int g3 = h3 + c;
        c = g3 >>> 26;
        g3 &= M26;
        int g4 = h4 + c - (1 << 26);
        int useG = (g4 >>> 31) - 1; // all ones when g4 >= 0, i.e. h >= p
        h0 = h0 & ~useG | g0 & useG;
        h1 = h1 & ~useG | g1 & useG;
        h2 = h2 & ~useG | g2 & useG;
        h3 = h3 & ~useG | g3 & useG;
        h4 = h4 & ~useG | g4 & useG;
    }

    private static void putLe(byte[] out, int off, int v) {
        out[off] = (byte) v;
        out[off + 1] = (byte) (v >>> 8);
        out[off + 2] = (byte) (v >>> 16);
        out[off + 3] = (byte) (v >>> 24);
    }

    @Override
    public String toString() {
        return "Poly1305";
    }
}
