package org.sshstack.transport.kex;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The hash function HASH of a key exchange method: it makes the exchange hash H and derives the keys (RFC 4253 §7.2, §8). */
public enum KexHash {

    /** SHA-1: the legacy opt-in methods only (RFC 9142 §4). */
    SHA1("SHA-1", 20),
    /** SHA-256. */
    SHA256("SHA-256", 32),
    /** SHA-384. */
    SHA384("SHA-384", 48),
    /** SHA-512. */
    SHA512("SHA-512", 64);

    private final String jcaName;
    private final int length;

    KexHash(String jcaName, int length) {
        this.jcaName = jcaName;
        this.length = length;
    }

    /** @return the JCA digest name, e.g. {@code SHA-256} */
    public String jcaName() {
        return jcaName;
    }

    /** @return the output length in bytes */
    public int length() {
        return length;
    }

    /** @return a fresh digest instance */
    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " is missing from this JDK", e);
        }
    }

    /**
     * @param input the data
     * @return HASH(input)
     */
    public byte[] digest(byte[] input) {
        return newDigest().digest(input);
    }
}
