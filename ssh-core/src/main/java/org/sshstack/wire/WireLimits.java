package org.sshstack.wire;

/** Caps checked before any allocation, so a hostile length can never reserve memory it did not send. */
public final class WireLimits {

    /** Largest packet accepted or built: 256 KiB, as OpenSSH and Go cap it (RFC 4253 §6.1 asks for at least 35000). */
    public static final int MAX_PACKET = 256 * 1024;

    /** Largest name-list: 64 KiB is far above any real algorithm list. */
    public static final int MAX_NAME_LIST = 64 * 1024;

    /** Largest mpint, in bits: 16384 covers RSA-16384 and the biggest DH groups (RFC 8268 group 18 is 8192). */
    public static final int MAX_MPINT_BITS = 16384;

    private WireLimits() {
    }
}
