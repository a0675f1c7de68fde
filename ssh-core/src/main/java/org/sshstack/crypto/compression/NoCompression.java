package org.sshstack.crypto.compression;

import java.util.Arrays;
import java.util.Objects;

/** The {@code none} method (RFC 4253 §6.2): payloads pass through unchanged, still within the payload cap. */
final class NoCompression implements CompressionAlgorithm {

    /** The single instance. */
    static final NoCompression NONE = new NoCompression();

    private NoCompression() {
    }

    @Override
    public String wireName() {
        return "none";
    }

    @Override
    public boolean delayed() {
        return false;
    }

    @Override
    public boolean compresses() {
        return false;
    }

    @Override
    public Compressor newCompressor() {
        return new Compressor() {
            @Override
            public byte[] compress(byte[] payload, int offset, int length) {
                Objects.checkFromIndexSize(offset, length, payload.length);
                return Arrays.copyOfRange(payload, offset, offset + length);
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    @Override
    public Decompressor newDecompressor(int maxPayload) {
        return new Identity(CompressionAlgorithms.checkCap(maxPayload));
    }

    @Override
    public String toString() {
        return wireName();
    }

    /** Copies payloads, refusing one above the cap. */
    private static final class Identity implements Decompressor {

        private final int maxPayload;
        private long produced;

        Identity(int maxPayload) {
            this.maxPayload = maxPayload;
        }

        @Override
        public byte[] decompress(byte[] data, int offset, int length) throws CompressionException {
            Objects.checkFromIndexSize(offset, length, data.length);
            if (length > maxPayload) {
                throw new CompressionException("payload of " + length + " bytes exceeds the cap of " + maxPayload);
            }
            produced += length;
            return Arrays.copyOfRange(data, offset, offset + length);
        }

        @Override
        public int maxPayload() {
            return maxPayload;
        }

        @Override
        public long bytesProduced() {
            return produced;
        }

        @Override
        public void close() {
            // nothing to release
        }
    }
}
