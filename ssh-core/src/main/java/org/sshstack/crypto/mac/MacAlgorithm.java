package org.sshstack.crypto.mac;

import java.util.Objects;

/**
 * The SSH packet MAC algorithms by wire name, with their key and tag sizes and ordering (encrypt-and-MAC or
 * encrypt-then-MAC).
 */
public enum MacAlgorithm {

    /** hmac-sha2-256 (RFC 6668 §2): encrypt-and-MAC. */
    HMAC_SHA2_256("hmac-sha2-256", "HmacSHA256", 32, false, false),
    /** hmac-sha2-512 (RFC 6668 §2): encrypt-and-MAC. */
    HMAC_SHA2_512("hmac-sha2-512", "HmacSHA512", 64, false, false),
    /** hmac-sha2-256-etm@openssh.com (PROTOCOL §1.5): encrypt-then-MAC. */
    HMAC_SHA2_256_ETM("hmac-sha2-256-etm@openssh.com", "HmacSHA256", 32, true, false),
    /** hmac-sha2-512-etm@openssh.com (PROTOCOL §1.5): encrypt-then-MAC. */
    HMAC_SHA2_512_ETM("hmac-sha2-512-etm@openssh.com", "HmacSHA512", 64, true, false),
    /** hmac-sha1 (RFC 4253 §6.4): legacy, opt-in only. */
    HMAC_SHA1("hmac-sha1", "HmacSHA1", 20, false, true),
    /** hmac-sha1-etm@openssh.com (PROTOCOL §1.5): legacy, opt-in only. */
    HMAC_SHA1_ETM("hmac-sha1-etm@openssh.com", "HmacSHA1", 20, true, true);

    private final String wireName;
    private final String jcaName;
    private final int length;
    private final boolean etm;
    private final boolean legacy;

    MacAlgorithm(String wireName, String jcaName, int length, boolean etm, boolean legacy) {
        this.wireName = wireName;
        this.jcaName = jcaName;
        this.length = length;
        this.etm = etm;
        this.legacy = legacy;
    }

    /** @return the name used in SSH_MSG_KEXINIT */
    public String wireName() {
        return wireName;
    }

    /** @return the JCA name of the underlying HMAC */
    public String jcaName() {
        return jcaName;
    }

    /** @return the integrity key length the key derivation must produce (RFC 4253 §7.2), in bytes */
    public int keyLength() {
        // RFC 4253 §6.4 and RFC 6668 §2: key length equals the digest length for these HMACs.
        return length;
    }

    /** @return the MAC length appended to each packet, in bytes (never truncated here) */
    public int macLength() {
        return length;
    }

    /** @return true for the -etm@openssh.com forms: length in clear, MAC over seq || length || ciphertext */
    public boolean etm() {
        return etm;
    }

    /** @return true for algorithms that are insecure or deprecated and may only be enabled by explicit opt-in */
    public boolean legacy() {
        return legacy;
    }

    /**
     * Creates a per-direction MAC instance.
     *
     * @param key the integrity key, exactly {@link #keyLength()} bytes (copied; the caller may wipe its array)
     * @return a MAC ready to authenticate packets
     * @throws IllegalArgumentException if the key has the wrong length (a caller bug, never peer input)
     */
    public PacketMac create(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length != keyLength()) {
            throw new IllegalArgumentException(wireName + " needs a " + keyLength() + "-byte key, got " + key.length);
        }
        return new PacketMac(this, key);
    }

}
