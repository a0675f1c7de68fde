package org.sshstack.crypto.compression;

/**
 * Inflates incoming packet payloads of one direction, never producing more than {@link #maxPayload()} bytes for
 * one packet (a decompression bomb ends the connection instead of filling the heap).
 *
 * <p>Stateful: successive calls continue one stream, so packets must be given in the order they arrived. After a
 * {@link CompressionException} the stream is out of step and every later call fails too. Confined to one thread;
 * not thread-safe.
 */
public interface Decompressor extends AutoCloseable {

    /**
     * Inflates one packet's compressed payload; consumes all of its bytes (any bits of a partial flush left over are
     * kept for the next packet).
     *
     * @param data the array holding the compressed payload
     * @param offset where it starts
     * @param length its length
     * @return the payload, a new array owned by the caller, at most {@link #maxPayload()} bytes
     * @throws CompressionException if the data is corrupt, ends the stream, or inflates past the cap
     * @throws IllegalStateException after {@link #close()}
     */
    byte[] decompress(byte[] data, int offset, int length) throws CompressionException;

    /**
     * Inflates a whole array as one packet's compressed payload.
     *
     * @param data the compressed payload
     * @return the payload, a new array owned by the caller
     * @throws CompressionException if the data is corrupt, ends the stream, or inflates past the cap
     * @throws IllegalStateException after {@link #close()}
     */
    default byte[] decompress(byte[] data) throws CompressionException {
        return decompress(data, 0, data.length);
    }

    /** @return the most bytes one packet may inflate to */
    int maxPayload();

    /**
     * @return how many bytes this decompressor has inflated in total, including any it discarded while detecting a
     *     bomb (at most {@code maxPayload() + 1} for one packet)
     */
    long bytesProduced();

    /** Releases native zlib memory and buffers; safe to call more than once. */
    @Override
    void close();
}
