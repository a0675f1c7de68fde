package org.sshstack.crypto.compression;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.Deflater;

/**
 * Compresses one direction's payloads as a single zlib stream (RFC 4253 §6.2), flushing at the end of each packet.
 *
 * <p>OpenSSH ends each packet with {@code Z_PARTIAL_FLUSH}. {@link Deflater} offers {@code SYNC_FLUSH} instead,
 * which is just as interoperable: both make the deflater emit every byte needed to inflate all input so far, so the
 * peer can inflate the whole packet on its own; sync flush additionally pads to a byte boundary with an empty stored
 * block (00 00 FF FF). The peer's inflater (OpenSSH loops {@code inflate} until it runs out of input) accepts any
 * valid deflate stream, whichever flush mode cut it. The stream is never finished: SSH streams have no end.
 *
 * <p>Reuses one output buffer across packets; the only per-packet allocation is the returned array. Confined to one
 * thread.
 */
final class ZlibCompressor implements Compressor {

    private static final int INITIAL_BUFFER = 32 * 1024;
    private static final byte[] NO_INPUT = new byte[0];

    private final Deflater deflater;
    private byte[] buffer = new byte[INITIAL_BUFFER];
    private boolean closed;

    /** @param level the zlib level, 0-9 or {@link Deflater#DEFAULT_COMPRESSION} */
    ZlibCompressor(int level) {
        this.deflater = new Deflater(level); // zlib wrapper (RFC 1950), as SSH requires
    }

    @Override
    public byte[] compress(byte[] payload, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, payload.length);
        if (closed) {
            throw new IllegalStateException("compressor is closed");
        }
        deflater.setInput(payload, offset, length);
        try {
            int size = deflateAll(); // may replace the buffer, so read it afterwards
            return Arrays.copyOf(buffer, size);
        } finally {
            deflater.setInput(NO_INPUT); // do not keep the caller's payload reachable
        }
    }

    /** Deflates all pending input with a sync flush; returns the bytes written to the buffer. */
    private int deflateAll() {
        int produced = 0;
        while (true) {
            int room = buffer.length - produced;
            produced += deflater.deflate(buffer, produced, room, Deflater.SYNC_FLUSH);
            // Deflater: with SYNC_FLUSH, a call that fills all the room must be repeated with more room.
            if (produced < buffer.length) {
                return produced;
            }
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            deflater.end();
            buffer = NO_INPUT;
        }
    }
}
