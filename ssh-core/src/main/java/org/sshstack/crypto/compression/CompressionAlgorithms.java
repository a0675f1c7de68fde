package org.sshstack.crypto.compression;

import java.util.List;
import java.util.Optional;

/** The compression methods sshstack knows, looked up by wire name. */
public final class CompressionAlgorithms {

    /** {@code none}: RFC 4253 §6.2, REQUIRED. */
    public static final CompressionAlgorithm NONE = NoCompression.NONE;

    /** {@code zlib@openssh.com}: zlib started after user authentication (OpenSSH PROTOCOL §1.2). */
    public static final CompressionAlgorithm ZLIB_OPENSSH = ZlibCompression.ZLIB_OPENSSH;

    /**
     * {@code zlib}: RFC 4253 §6.2, OPTIONAL; starts right after NEWKEYS, so an unauthenticated peer reaches the
     * inflater. Offer it only as an opt-in (SECURITY.md B6).
     */
    public static final CompressionAlgorithm ZLIB = ZlibCompression.ZLIB;

    /** Largest per-packet inflation cap a decompressor accepts: far above any SSH packet. */
    static final int MAX_CAP = 16 * 1024 * 1024;

    private static final List<CompressionAlgorithm> ALL = List.of(NONE, ZLIB_OPENSSH, ZLIB);

    private CompressionAlgorithms() {
    }

    /** @return every supported method: {@code none}, {@code zlib@openssh.com}, {@code zlib} (immutable) */
    public static List<CompressionAlgorithm> all() {
        return ALL;
    }

    /**
     * @param wireName a name from a KEXINIT name-list
     * @return the method, or empty if sshstack does not implement it
     */
    public static Optional<CompressionAlgorithm> byName(String wireName) {
        for (CompressionAlgorithm algorithm : ALL) {
            if (algorithm.wireName().equals(wireName)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    /**
     * @param maxPayload a requested per-packet inflation cap
     * @return the cap, checked
     * @throws IllegalArgumentException if it is below 1 or above {@link #MAX_CAP}
     */
    static int checkCap(int maxPayload) {
        if (maxPayload < 1 || maxPayload > MAX_CAP) {
            throw new IllegalArgumentException("inflation cap must be 1.." + MAX_CAP + ", got " + maxPayload);
        }
        return maxPayload;
    }
}
