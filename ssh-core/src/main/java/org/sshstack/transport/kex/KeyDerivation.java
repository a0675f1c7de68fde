package org.sshstack.transport.kex;

import java.security.MessageDigest;
import java.util.Arrays;
import org.sshstack.crypto.kex.SharedSecret;

/**
 * Key derivation of RFC 4253 §7.2: {@code K1 = HASH(K || H || X || session_id)} for the letter X ("A" to "F"),
 * then {@code K2 = HASH(K || H || K1)}, {@code K3 = HASH(K || H || K1 || K2)}, ... until enough bytes exist; the
 * key is the first bytes of {@code K1 || K2 || ...}. K is encoded as {@link SharedSecret#encoding()} says (an mpint,
 * or a string for the hybrids), H and session_id are raw bytes.
 */
public final class KeyDerivation {

    private KeyDerivation() {
    }

    /**
     * @param hash HASH of the kex method
     * @param k the shared secret
     * @param h the exchange hash of this key exchange
     * @param letter 'A' .. 'F'
     * @param sessionId the session identifier (H of the first key exchange)
     * @param length how many bytes to produce (0 gives an empty array)
     * @return the key
     */
    public static byte[] derive(KexHash hash, SharedSecret k, byte[] h, char letter, byte[] sessionId, int length) {
        if (letter < 'A' || letter > 'F' || length < 0) {
            throw new IllegalArgumentException("letter must be A..F and length non-negative");
        }
        byte[] encodedK = k.encoded();
        byte[] out = new byte[length];
        MessageDigest digest = hash.newDigest();
        digest.update(encodedK);
        digest.update(h);
        digest.update((byte) letter);
        digest.update(sessionId);
        byte[] block = digest.digest(); // K1
        int filled = 0;
        while (true) {
            int n = Math.min(block.length, length - filled);
            System.arraycopy(block, 0, out, filled, n);
            filled += n;
            if (filled == length) {
                break;
            }
            digest.update(encodedK); // K(n+1) = HASH(K || H || K1 || ... || Kn): out holds K1..Kn so far
            digest.update(h);
            digest.update(out, 0, filled);
            Arrays.fill(block, (byte) 0);
            block = digest.digest();
        }
        Arrays.fill(block, (byte) 0);
        Arrays.fill(encodedK, (byte) 0);
        return out;
    }

    /**
     * @param hash HASH of the kex method
     * @param k the shared secret
     * @param h the exchange hash
     * @param sessionId the session identifier
     * @param clientToServer the lengths the client-to-server cipher and MAC need
     * @param serverToClient the lengths the server-to-client cipher and MAC need
     * @return IVs A/B, keys C/D and MAC keys E/F
     */
    public static DerivedKeys derive(KexHash hash, SharedSecret k, byte[] h, byte[] sessionId,
            KeyLengths clientToServer, KeyLengths serverToClient) {
        DirectionKeys c2s = direction(hash, k, h, sessionId, clientToServer, 'A', 'C', 'E');
        DirectionKeys s2c = direction(hash, k, h, sessionId, serverToClient, 'B', 'D', 'F');
        return new DerivedKeys(c2s, s2c);
    }

    private static DirectionKeys direction(KexHash hash, SharedSecret k, byte[] h, byte[] sessionId,
            KeyLengths lengths, char ivLetter, char keyLetter, char macLetter) {
        byte[] iv = derive(hash, k, h, ivLetter, sessionId, lengths.iv());
        byte[] key = derive(hash, k, h, keyLetter, sessionId, lengths.key());
        byte[] macKey = derive(hash, k, h, macLetter, sessionId, lengths.macKey());
        DirectionKeys keys = new DirectionKeys(iv, key, macKey);
        Arrays.fill(iv, (byte) 0);
        Arrays.fill(key, (byte) 0);
        Arrays.fill(macKey, (byte) 0);
        return keys;
    }
}
