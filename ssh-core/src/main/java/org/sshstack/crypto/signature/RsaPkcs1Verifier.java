package org.sshstack.crypto.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * Strict RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2): the signature is opened with the public key and compared,
 * in constant time, with the single encoding EMSA-PKCS1-v1_5 allows (RFC 8017 §9.2). No ASN.1 is parsed, so BER
 * variants, garbage in the padding and a missing NULL parameter are all rejected, as OpenSSH does.
 */
enum RsaPkcs1Verifier {
    // DigestInfo prefixes: RFC 8017 §9.2 note 1 (AlgorithmIdentifier with NULL parameters, then OCTET STRING header)
    SHA1("SHA-1", "3021300906052b0e03021a05000414"),
    SHA256("SHA-256", "3031300d060960864801650304020105000420"),
    SHA512("SHA-512", "3051300d060960864801650304020305000440");

    private final String digestName;
    private final byte[] digestInfoPrefix;

    RsaPkcs1Verifier(String digestName, String prefixHex) {
        this.digestName = digestName;
        this.digestInfoPrefix = hex(prefixHex);
    }

    /**
     * @param key the public key
     * @param data the signed data
     * @param signature exactly modulus-length bytes
     * @return true only if the signature is the one valid encoding for the data
     */
    boolean verify(RSAPublicKey key, byte[] data, byte[] signature) throws SshException {
        BigInteger n = key.getModulus();
        int k = (n.bitLength() + 7) / 8;
        BigInteger s = new BigInteger(1, signature);
        if (signature.length != k || s.compareTo(n) >= 0) {
            return false; // RFC 8017 §8.2.2 step 1, §5.2.2 step 1: s must be in [0, n-1]
        }
        byte[] opened = toFixed(s.modPow(key.getPublicExponent(), n), k); // RSAVP1, I2OSP
        return MessageDigest.isEqual(opened, encode(data, k));
    }

    /** EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 0x00 0x01 PS(0xff, at least 8) 0x00 DigestInfo. */
    private byte[] encode(byte[] data, int k) throws SshException {
        byte[] hash = digest(data);
        int tLen = digestInfoPrefix.length + hash.length;
        if (k < tLen + 11) {
            throw new UnsuitableKeyException("RSA modulus too short for " + digestName);
        }
        byte[] em = new byte[k];
        em[1] = 0x01;
        Arrays.fill(em, 2, k - tLen - 1, (byte) 0xff);
        System.arraycopy(digestInfoPrefix, 0, em, k - tLen, digestInfoPrefix.length);
        System.arraycopy(hash, 0, em, k - hash.length, hash.length);
        return em;
    }

    private byte[] digest(byte[] data) throws SshException {
        try {
            return MessageDigest.getInstance(digestName).digest(data);
        } catch (GeneralSecurityException e) {
            throw new SshException(DisconnectReason.BY_APPLICATION, digestName + " is not available", e);
        }
    }

    private static byte[] toFixed(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }

    private static byte[] hex(String text) {
        byte[] out = new byte[text.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(text.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
