package org.sshstack.crypto.cipher;

/**
 * LEGACY aes128/192/256-cbc (RFC 4253 §6.3, FIPS 197 in NIST SP 800-38A CBC mode): opt-in by name only, never in
 * {@link Ciphers#defaults()} (CVE-2008-5161). The packet framing and the length oracle countermeasure are in
 * {@link CbcMode}.
 */
final class AesCbc {

    /** The AES block size in bytes. */
    static final int BLOCK = 16;

    /** AES in CBC mode without padding (SSH pads the packet itself, RFC 4253 §6). */
    static final CbcMode.Spec SPEC = new CbcMode.Spec("AES/CBC/NoPadding", "AES", BLOCK);

    private AesCbc() {
    }
}
