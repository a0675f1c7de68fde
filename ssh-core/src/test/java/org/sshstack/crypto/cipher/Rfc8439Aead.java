package org.sshstack.crypto.cipher;

import java.util.Arrays;

/**
 * AEAD_CHACHA20_POLY1305 of RFC 8439 §2.8, assembled from the project's {@link ChaCha20} (IETF layout) and
 * {@link Poly1305}, so the Wycheproof vectors exercise those primitives. Test-only: SSH uses a different framing.
 */
final class Rfc8439Aead {

    private Rfc8439Aead() {
    }

    /** @return ciphertext || tag */
    static byte[] seal(byte[] key, byte[] nonce, byte[] aad, byte[] plaintext) {
        ChaCha20 chacha = new ChaCha20(key, 0);
        byte[] out = Arrays.copyOf(plaintext, plaintext.length + 16);
        chacha.resetIetf(nonce, 0, 1);
        chacha.xor(out, 0, out, 0, plaintext.length);
        tag(chacha, nonce, aad, out, plaintext.length, out, plaintext.length);
        return out;
    }

    /** @return the plaintext, or null when the tag does not verify (or the nonce length is wrong) */
    static byte[] open(byte[] key, byte[] nonce, byte[] aad, byte[] ciphertextAndTag) {
        if (nonce.length != 12 || ciphertextAndTag.length < 16) {
            return null;
        }
        int ctLen = ciphertextAndTag.length - 16;
        ChaCha20 chacha = new ChaCha20(key, 0);
        byte[] expected = new byte[16];
        tag(chacha, nonce, aad, ciphertextAndTag, ctLen, expected, 0);
        if (!org.sshstack.crypto.mac.ConstantTime.equals(expected, 0, ciphertextAndTag, ctLen, 16)) {
            return null;
        }
        byte[] out = Arrays.copyOf(ciphertextAndTag, ctLen);
        chacha.resetIetf(nonce, 0, 1);
        chacha.xor(out, 0, out, 0, ctLen);
        return out;
    }

    /** RFC 8439 §2.8: Poly1305 over aad || pad16 || ct || pad16 || le64(aad len) || le64(ct len). */
    private static void tag(ChaCha20 chacha, byte[] nonce, byte[] aad, byte[] ct, int ctLen, byte[] out, int outOff) {
        byte[] polyKey = new byte[32];
        chacha.resetIetf(nonce, 0, 0);
        chacha.keystream(polyKey, 0, 32);
        Poly1305 poly = new Poly1305();
        poly.init(polyKey, 0);
        byte[] zeros = new byte[16];
        poly.update(aad, 0, aad.length);
        poly.update(zeros, 0, (16 - aad.length % 16) % 16);
        poly.update(ct, 0, ctLen);
        poly.update(zeros, 0, (16 - ctLen % 16) % 16);
        byte[] lengths = new byte[16];
        putLe64(lengths, 0, aad.length);
        putLe64(lengths, 8, ctLen);
        poly.update(lengths, 0, 16);
        poly.finish(out, outOff);
    }

    private static void putLe64(byte[] b, int off, long v) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (v >>> (8 * i));
        }
    }
}
