package org.sshstack.crypto.cipher;

import java.util.Objects;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.MacAlgorithm;

/**
 * The SSH packet ciphers by wire name, with the key and IV lengths the key derivation must produce (RFC 4253 §7.2),
 * and factories for one direction's {@link PacketSealer} or {@link PacketOpener}.
 */
public enum CipherAlgorithm {

    /** aes128-ctr (RFC 4344 §4). */
    AES128_CTR("aes128-ctr", 16, 16, AesCtr.BLOCK, false, false),
    /** aes192-ctr (RFC 4344 §4). */
    AES192_CTR("aes192-ctr", 24, 16, AesCtr.BLOCK, false, false),
    /** aes256-ctr (RFC 4344 §4). */
    AES256_CTR("aes256-ctr", 32, 16, AesCtr.BLOCK, false, false),
    /** aes128-gcm@openssh.com (RFC 5647 §6.1, draft-miller-sshm-aes-gcm §2.1). */
    AES128_GCM("aes128-gcm@openssh.com", 16, AesGcm.NONCE, AesGcm.BLOCK, true, false),
    /** aes256-gcm@openssh.com (RFC 5647 §6.2, draft-miller-sshm-aes-gcm §2.2). */
    AES256_GCM("aes256-gcm@openssh.com", 32, AesGcm.NONCE, AesGcm.BLOCK, true, false),
    /** chacha20-poly1305@openssh.com (draft-ietf-sshm-chacha20-poly1305): 64 key bytes, no IV. */
    CHACHA20_POLY1305("chacha20-poly1305@openssh.com", ChaCha20Poly1305.KEY, 0, ChaCha20Poly1305.BLOCK, true, false),
    /** LEGACY aes128-cbc (RFC 4253 §6.3): opt-in by name only (CVE-2008-5161). */
    AES128_CBC("aes128-cbc", 16, 16, AesCbc.BLOCK, false, true),
    /** LEGACY aes192-cbc (RFC 4253 §6.3): opt-in by name only. */
    AES192_CBC("aes192-cbc", 24, 16, AesCbc.BLOCK, false, true),
    /** LEGACY aes256-cbc (RFC 4253 §6.3): opt-in by name only. */
    AES256_CBC("aes256-cbc", 32, 16, AesCbc.BLOCK, false, true),
    /** LEGACY 3des-cbc (RFC 4253 §6.3): three-key triple DES, 64-bit blocks; opt-in by name only. */
    TRIPLE_DES_CBC("3des-cbc", 24, 8, TripleDesCbc.BLOCK, false, true);

    private final String wireName;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final boolean aead;
    private final boolean legacy;

    CipherAlgorithm(String wireName, int keyLength, int ivLength, int blockSize, boolean aead, boolean legacy) {
        this.wireName = wireName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.aead = aead;
        this.legacy = legacy;
    }

    /** @return the name used in SSH_MSG_KEXINIT */
    public String wireName() {
        return wireName;
    }

    /** @return the encryption key length the key derivation must produce, in bytes */
    public int keyLength() {
        return keyLength;
    }

    /** @return the IV length the key derivation must produce, in bytes (0 when none is used) */
    public int ivLength() {
        return ivLength;
    }

    /** @return the block size that packets are padded to (RFC 4253 §6) */
    public int blockSize() {
        return blockSize;
    }

    /**
     * @return the block size of the underlying block cipher in bytes, which RFC 4344 §3.1's rekey rule depends on;
     *     0 for chacha20-poly1305, a stream cipher whose {@link #blockSize()} of 8 is only the padding alignment
     */
    public int cipherBlockSize() {
        return this == CHACHA20_POLY1305 ? 0 : blockSize;
    }

    /** @return the tag length for AEAD ciphers (16); 0 for ciphers whose MAC comes from a {@link MacAlgorithm} */
    public int tagLength() {
        return aead ? 16 : 0;
    }

    /** @return true when the cipher authenticates itself and MAC negotiation is skipped (draft-miller-sshm-aes-gcm §2) */
    public boolean isAead() {
        return aead;
    }

    /**
     * @return true for the CBC and 3DES ciphers: implemented for old peers, used only when named explicitly and never
     *     part of {@link Ciphers#defaults()} (CVE-2008-5161, RFC 4344 §3.1)
     */
    public boolean isLegacy() {
        return legacy;
    }

    /**
     * Creates the sealer for one outgoing direction.
     *
     * @param key the encryption key, {@link #keyLength()} bytes
     * @param iv the IV, {@link #ivLength()} bytes (ignored when 0)
     * @param mac the negotiated MAC; ignored (may be null) for AEAD ciphers
     * @param macKey the integrity key, {@code mac.keyLength()} bytes; ignored (may be null) for AEAD ciphers
     * @return a sealer whose state starts at the first packet after NEWKEYS
     * @throws IllegalArgumentException if a key or IV has the wrong length or a needed MAC is missing
     * @throws SshException if the JCA provider cannot initialise the cipher
     */
    public PacketSealer newSealer(byte[] key, byte[] iv, MacAlgorithm mac, byte[] macKey) throws SshException {
        checkKeys(key, iv, mac);
        switch (this) {
            case AES128_GCM:
            case AES256_GCM:
                return new AesGcm.Sealer(key, iv);
            case CHACHA20_POLY1305:
                return new ChaCha20Poly1305.Sealer(key);
            case AES128_CBC:
            case AES192_CBC:
            case AES256_CBC:
                return new CbcMode.Sealer(AesCbc.SPEC, key, iv, mac.create(macKey));
            case TRIPLE_DES_CBC:
                return new CbcMode.Sealer(TripleDesCbc.SPEC, key, iv, mac.create(macKey));
            default:
                return new AesCtr.Sealer(key, iv, mac.create(macKey));
        }
    }

    /**
     * Creates the opener for one incoming direction.
     *
     * @param key the encryption key, {@link #keyLength()} bytes
     * @param iv the IV, {@link #ivLength()} bytes (ignored when 0)
     * @param mac the negotiated MAC; ignored (may be null) for AEAD ciphers
     * @param macKey the integrity key, {@code mac.keyLength()} bytes; ignored (may be null) for AEAD ciphers
     * @return an opener whose state starts at the first packet after NEWKEYS
     * @throws IllegalArgumentException if a key or IV has the wrong length or a needed MAC is missing
     * @throws SshException if the JCA provider cannot initialise the cipher
     */
    public PacketOpener newOpener(byte[] key, byte[] iv, MacAlgorithm mac, byte[] macKey) throws SshException {
        checkKeys(key, iv, mac);
        switch (this) {
            case AES128_GCM:
            case AES256_GCM:
                return new AesGcm.Opener(key, iv);
            case CHACHA20_POLY1305:
                return new ChaCha20Poly1305.Opener(key);
            case AES128_CBC:
            case AES192_CBC:
            case AES256_CBC:
                return new CbcMode.Opener(AesCbc.SPEC, key, iv, mac.create(macKey));
            case TRIPLE_DES_CBC:
                return new CbcMode.Opener(TripleDesCbc.SPEC, key, iv, mac.create(macKey));
            default:
                return new AesCtr.Opener(key, iv, mac.create(macKey));
        }
    }

    private void checkKeys(byte[] key, byte[] iv, MacAlgorithm mac) {
        Objects.requireNonNull(key, "key");
        if (key.length != keyLength) {
            throw new IllegalArgumentException(wireName + " needs a " + keyLength + "-byte key, got " + key.length);
        }
        if (ivLength > 0 && (iv == null || iv.length != ivLength)) {
            throw new IllegalArgumentException(wireName + " needs a " + ivLength + "-byte IV");
        }
        if (!aead && mac == null) {
            throw new IllegalArgumentException(wireName + " needs a MAC algorithm");
        }
    }
}
