package org.sshstack.crypto.compression;

import java.util.zip.Deflater;

/**
 * The zlib methods: {@code zlib} (RFC 4253 §6.2, RFC 1950/1951) and its delayed twin {@code zlib@openssh.com}
 * (draft-miller-secsh-compression-delayed-00), which differ only in when the transport switches them on.
 */
final class ZlibCompression implements CompressionAlgorithm {

    /** {@code zlib}, active from NEWKEYS. */
    static final ZlibCompression ZLIB = new ZlibCompression("zlib", false);

    /** {@code zlib@openssh.com}, active from USERAUTH_SUCCESS. */
    static final ZlibCompression ZLIB_OPENSSH = new ZlibCompression("zlib@openssh.com", true);

    /** zlib's default level (6), the level OpenSSH compresses at unless configured otherwise. */
    private static final int LEVEL = Deflater.DEFAULT_COMPRESSION;

    private final String wireName;
    private final boolean delayed;

    private ZlibCompression(String wireName, boolean delayed) {
        this.wireName = wireName;
        this.delayed = delayed;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    @Override
    public boolean delayed() {
        return delayed;
    }

    @Override
    public boolean compresses() {
        return true;
    }

    @Override
    public Compressor newCompressor() {
        return new ZlibCompressor(LEVEL);
    }

    @Override
    public Decompressor newDecompressor(int maxPayload) {
        return new ZlibDecompressor(CompressionAlgorithms.checkCap(maxPayload));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
