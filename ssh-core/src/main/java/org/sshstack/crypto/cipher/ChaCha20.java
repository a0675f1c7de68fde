package org.sshstack.crypto.cipher;

import java.util.Arrays;
import java.util.Objects;

/**
 * The ChaCha20 stream cipher (draft-ietf-sshm-chacha20-poly1305 §3, RFC 8439 §2.3), with both state layouts:
 * Bernstein's original 64-bit counter and 64-bit nonce (used by chacha20-poly1305@openssh.com) and the RFC 8439
 * 32-bit counter and 96-bit nonce. Reuses its buffers: no allocation after construction. Not thread-safe.
 */
public final class ChaCha20 {

    /** Bytes in one ChaCha20 block. */
    public static final int BLOCK = 64;

    private final int[] input = new int[16];
    private final int[] work = new int[16];
    private final byte[] stream = new byte[BLOCK];
    private int used = BLOCK;
    private boolean ietf;

    /**
     * @param key the 32-byte key (read from {@code key[off, off+32)}; not kept)
     * @param off where the key starts
     */
    public ChaCha20(byte[] key, int off) {
        Objects.checkFromIndexSize(off, 32, key.length);
        // §3: "expand 32-byte k" as four little-endian words, then the key as eight little-endian words
        input[0] = 0x61707865;
        input[1] = 0x3320646e;
        input[2] = 0x79622d32;
        input[3] = 0x6b206574;
        for (int i = 0; i < 8; i++) {
            input[4 + i] = le32(key, off + 4 * i);
        }
    }

    /**
     * Starts a stream in the original layout: words 12-13 a 64-bit block counter, words 14-15 an 8-byte nonce.
     *
     * @param nonce the array holding the 8-byte nonce
     * @param nonceOff where the nonce starts
     * @param counter the first block counter
     */
    public void resetOriginal(byte[] nonce, int nonceOff, long counter) {
        Objects.checkFromIndexSize(nonceOff, 8, nonce.length);
        ietf = false;
        input[12] = (int) counter;
        input[13] = (int) (counter >>> 32);
        input[14] = le32(nonce, nonceOff);
        input[15] = le32(nonce, nonceOff + 4);
        used = BLOCK;
    }

    /**
     * Starts a stream in the RFC 8439 §2.3 layout: word 12 a 32-bit block counter, words 13-15 a 12-byte nonce.
     *
     * @param nonce the array holding the 12-byte nonce
     * @param nonceOff where the nonce starts
     * @param counter the first block counter
     */
    public void resetIetf(byte[] nonce, int nonceOff, int counter) {
        Objects.checkFromIndexSize(nonceOff, 12, nonce.length);
        ietf = true;
        input[12] = counter;
        input[13] = le32(nonce, nonceOff);
        input[14] = le32(nonce, nonceOff + 4);
        input[15] = le32(nonce, nonceOff + 8);
        used = BLOCK;
    }

    /**
     * XORs the next {@code len} keystream bytes into {@code in} and writes the result to {@code out} (which may be
     * the same region).
     *
     * @param in the input
     * @param inOff where the input starts
     * @param out the output
     * @param outOff where the output starts
     * @param len how many bytes
     */
    public void xor(byte[] in, int inOff, byte[] out, int outOff, int len) {
        Objects.checkFromIndexSize(inOff, len, in.length);
        Objects.checkFromIndexSize(outOff, len, out.length);
        for (int i = 0; i < len; i++) {
            if (used == BLOCK) {
                nextBlock();
            }
            out[outOff + i] = (byte) (in[inOff + i] ^ stream[used++]);
        }
    }

    /**
     * Writes the next {@code len} keystream bytes to {@code out}.
     *
     * @param out the output
     * @param outOff where the output starts
     * @param len how many bytes
     */
    public void keystream(byte[] out, int outOff, int len) {
        Objects.checkFromIndexSize(outOff, len, out.length);
        for (int i = 0; i < len; i++) {
            if (used == BLOCK) {
                nextBlock();
            }
            out[outOff + i] = stream[used++];
        }
    }

    /** Wipes the key and keystream from memory; the instance is unusable afterwards. */
    public void destroy() {
        Arrays.fill(input, 0);
        Arrays.fill(work, 0);
        Arrays.fill(stream, (byte) 0);
    }

    private void nextBlock() {
        System.arraycopy(input, 0, work, 0, 16);
        for (int i = 0; i < 10; i++) {
            // §3 figure 1: an even (column) round then an odd (diagonal) round
            quarter(0, 4, 8, 12);
            quarter(1, 5, 9, 13);
            quarter(2, 6, 10, 14);
            quarter(3, 7, 11, 15);
            quarter(0, 5, 10, 15);
            quarter(1, 6, 11, 12);
            quarter(2, 7, 8, 13);
            quarter(3, 4, 9, 14);
        }
        for (int i = 0; i < 16; i++) {
            int v = work[i] + input[i];
            stream[4 * i] = (byte) v;
            stream[4 * i + 1] = (byte) (v >>> 8);
            stream[4 * i + 2] = (byte) (v >>> 16);
            stream[4 * i + 3] = (byte) (v >>> 24);
        }
        used = 0;
        input[12]++;
        if (input[12] == 0 && !ietf) {
            input[13]++;
        }
    }

    private void quarter(int a, int b, int c, int d) {
        int[] x = work;
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 16);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 12);
        x[a] += x[b];
        x[d] = Integer.rotateLeft(x[d] ^ x[a], 8);
        x[c] += x[d];
        x[b] = Integer.rotateLeft(x[b] ^ x[c], 7);
    }

    static int le32(byte[] b, int off) {
        return b[off] & 0xff | (b[off + 1] & 0xff) << 8 | (b[off + 2] & 0xff) << 16 | (b[off + 3] & 0xff) << 24;
    }

    @Override
    public String toString() {
        return "ChaCha20";
    }
}
