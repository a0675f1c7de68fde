package org.sshstack.crypto.cipher;

/**
 * LEGACY 3des-cbc (RFC 4253 §6.3): three-key triple DES (EDE, NIST SP 800-67) in CBC mode, 24-byte key, 8-byte
 * blocks. Opt-in by name only, never in {@link Ciphers#defaults()}. With 64-bit blocks the transport must rekey after
 * 2^16 blocks (RFC 4344 §3.1), which it derives from {@link CipherAlgorithm#blockSize()}. The packet framing and the
 * length oracle countermeasure are in {@link CbcMode}.
 */
final class TripleDesCbc {

    /** The DES block size in bytes. */
    static final int BLOCK = 8;

    /** DESede (encrypt-decrypt-encrypt) in CBC mode without padding (SSH pads the packet itself, RFC 4253 §6). */
    static final CbcMode.Spec SPEC = new CbcMode.Spec("DESede/CBC/NoPadding", "DESede", BLOCK);

    private TripleDesCbc() {
    }
}
