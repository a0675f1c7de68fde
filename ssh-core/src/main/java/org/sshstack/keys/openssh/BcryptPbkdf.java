package org.sshstack.keys.openssh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.sshstack.keys.Passphrases;

/**
 * bcrypt_pbkdf, the key derivation function of OpenSSH private key files (PROTOCOL.key §2; defined in OpenBSD's
 * bcrypt_pbkdf.c as PBKDF2 with SHA-512 pre-hashing and a bcrypt-based block function whose output bytes are
 * spread over the key with a stride).
 */
public final class BcryptPbkdf {

    /** The 32-byte plaintext bcrypt_hash encrypts 64 times ("OxychromaticBlowfishSwatDynamite"). */
    private static final byte[] MAGIC = "OxychromaticBlowfishSwatDynamite".getBytes(StandardCharsets.US_ASCII);

    /** Output size of one bcrypt_hash block. */
    private static final int HASH_BYTES = 32;

    private BcryptPbkdf() {
    }

    /**
     * Derives key material.
     *
     * @param password the passphrase bytes (UTF-8 of the passphrase, as OpenSSH passes it), non-empty
     * @param salt the salt, non-empty
     * @param rounds the round count, at least 1
     * @param keyLength how many bytes to derive, 1..1024
     * @return the derived bytes
     * @throws IllegalArgumentException if an argument is out of range (callers check file values first)
     */
    public static byte[] derive(byte[] password, byte[] salt, int rounds, int keyLength) {
        if (password.length == 0 || salt.length == 0 || rounds < 1 || keyLength < 1 || keyLength > 1024) {
            throw new IllegalArgumentException("bcrypt_pbkdf argument out of range");
        }
        MessageDigest sha512 = sha512();
        int stride = (keyLength + HASH_BYTES - 1) / HASH_BYTES;
        int amount = (keyLength + stride - 1) / stride;
        byte[] key = new byte[keyLength];
        byte[] shaPass = sha512.digest(password);
        byte[] countSalt = Arrays.copyOf(salt, salt.length + 4);
        int remaining = keyLength;
        for (int count = 1; remaining > 0; count++) {
            countSalt[salt.length] = (byte) (count >>> 24);
            countSalt[salt.length + 1] = (byte) (count >>> 16);
            countSalt[salt.length + 2] = (byte) (count >>> 8);
            countSalt[salt.length + 3] = (byte) count;
            byte[] out = block(sha512, shaPass, countSalt, rounds);
            int i = 0;
            for (; i < Math.min(amount, remaining); i++) {
                int dest = i * stride + (count - 1);
                if (dest >= keyLength) {
                    break;
                }
                key[dest] = out[i];
            }
            Arrays.fill(out, (byte) 0);
            remaining -= i;
        }
        Arrays.fill(shaPass, (byte) 0);
        return key;
    }

    /**
     * Derives key material from a passphrase, encoded as UTF-8 the way OpenSSH passes typed bytes; the encoded
     * copy is wiped before returning.
     *
     * @param passphrase the passphrase, non-empty
     * @param salt the salt, non-empty
     * @param rounds the round count, at least 1
     * @param keyLength how many bytes to derive, 1..1024
     * @return the derived bytes
     */
    public static byte[] derive(char[] passphrase, byte[] salt, int rounds, int keyLength) {
        byte[] password = Passphrases.utf8(passphrase);
        try {
            return derive(password, salt, rounds, keyLength);
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    private static byte[] block(MessageDigest sha512, byte[] shaPass, byte[] countSalt, int rounds) {
        byte[] shaSalt = sha512.digest(countSalt);
        byte[] tmp = hash(shaPass, shaSalt);
        byte[] out = tmp.clone();
        for (int round = 1; round < rounds; round++) {
            shaSalt = sha512.digest(tmp);
            tmp = hash(shaPass, shaSalt);
            for (int j = 0; j < out.length; j++) {
                out[j] ^= tmp[j];
            }
        }
        Arrays.fill(tmp, (byte) 0);
        return out;
    }

    /**
     * bcrypt_hash: an expensive Blowfish key schedule over the hashed salt and password, then 64 encryptions of
     * {@link #MAGIC}; the words are output little-endian.
     */
    static byte[] hash(byte[] shaPass, byte[] shaSalt) {
        EksBlowfish state = new EksBlowfish();
        state.expandState(shaSalt, shaPass);
        for (int i = 0; i < 64; i++) {
            state.expand0State(shaSalt);
            state.expand0State(shaPass);
        }
        int[] words = new int[HASH_BYTES / 4];
        int[] cursor = {0};
        for (int i = 0; i < words.length; i++) {
            words[i] = EksBlowfish.streamWord(MAGIC, cursor);
        }
        for (int i = 0; i < 64; i++) {
            for (int j = 0; j < words.length; j += 2) {
                state.encipher(words, j);
            }
        }
        byte[] out = new byte[HASH_BYTES];
        for (int i = 0; i < words.length; i++) {
            out[4 * i] = (byte) words[i];
            out[4 * i + 1] = (byte) (words[i] >>> 8);
            out[4 * i + 2] = (byte) (words[i] >>> 16);
            out[4 * i + 3] = (byte) (words[i] >>> 24);
        }
        state.wipe();
        Arrays.fill(words, 0);
        return out;
    }

    private static MessageDigest sha512() {
        try {
            return MessageDigest.getInstance("SHA-512");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every JDK", e);
        }
    }
}
