package org.sshstack.crypto.compression;

import java.util.Arrays;
import java.util.Objects;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates one direction's payloads as a single zlib stream (RFC 4253 §6.2), bounded per packet.
 *
 * <p>The output buffer grows on demand up to {@code maxPayload + 1} bytes and never beyond: inflating one byte past
 * the cap is how a bomb is detected, and it stops there (SECURITY.md B6). The buffer is reused across packets; the
 * only per-packet allocation is the returned array. A peer that ends the zlib stream or asks for a preset dictionary
 * is refused, as OpenSSH refuses anything but plain progress. Confined to one thread.
 */
final class ZlibDecompressor implements Decompressor {

    private static final int INITIAL_BUFFER = 32 * 1024;
    private static final byte[] NO_INPUT = new byte[0];

    private final Inflater inflater = new Inflater(); // zlib wrapper (RFC 1950)
    private final int maxPayload;
    private byte[] buffer;
    private long produced;
    private boolean failed;
    private boolean closed;

    /** @param maxPayload the checked per-packet cap */
    ZlibDecompressor(int maxPayload) {
        this.maxPayload = maxPayload;
        this.buffer = new byte[Math.min(INITIAL_BUFFER, maxPayload + 1)];
    }

    @Override
    public byte[] decompress(byte[] data, int offset, int length) throws CompressionException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            throw new IllegalStateException("decompressor is closed");
        }
        if (failed) {
            throw new CompressionException("compression stream already failed");
        }
        inflater.setInput(data, offset, length);
        try {
            int size = inflatePacket(); // may replace the buffer, so read it afterwards
            return Arrays.copyOf(buffer, size);
        } catch (CompressionException e) {
            failed = true;
            throw e;
        } finally {
            inflater.setInput(NO_INPUT); // do not keep the caller's packet reachable
        }
    }

    /** Inflates all of the current input; returns the payload length in the buffer. */
    private int inflatePacket() throws CompressionException {
        int length = 0;
        while (true) {
            if (length == buffer.length) {
                grow(); // only reached while length <= maxPayload, so the buffer can still grow
            }
            int n = inflateInto(length);
            length += n;
            if (length > maxPayload) {
                throw new CompressionException("packet inflates past the cap of " + maxPayload + " bytes");
            }
            checkStreamState();
            if (n == 0 && length < buffer.length) {
                if (inflater.needsInput()) {
                    return length; // all of this packet consumed and nothing pending
                }
                throw new CompressionException("zlib stream stalled");
            }
        }
    }

    private int inflateInto(int at) throws CompressionException {
        try {
            int n = inflater.inflate(buffer, at, buffer.length - at);
            produced += n;
            return n;
        } catch (DataFormatException e) {
            throw new CompressionException("corrupt zlib data", e);
        }
    }

    private void checkStreamState() throws CompressionException {
        if (inflater.finished()) {
            throw new CompressionException("peer ended the zlib stream");
        }
        if (inflater.needsDictionary()) {
            throw new CompressionException("zlib stream asks for a preset dictionary");
        }
    }

    private void grow() {
        int limit = maxPayload + 1; // one byte past the cap proves it was passed
        buffer = Arrays.copyOf(buffer, (int) Math.min(limit, 2L * buffer.length));
    }

    /** @return the current buffer capacity, for tests that check it never passes {@code maxPayload + 1} */
    int bufferCapacity() {
        return buffer.length;
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
        if (!closed) {
            closed = true;
            inflater.end();
            buffer = NO_INPUT;
        }
    }
}
