package org.sshstack.crypto.compression;

/**
 * Compresses outgoing packet payloads of one direction (RFC 4253 §6.2: only the payload field is compressed).
 *
 * <p>Stateful: successive calls continue one stream, so payloads must be compressed in the order they are sent.
 * Confined to one thread; not thread-safe.
 */
public interface Compressor extends AutoCloseable {

    /**
     * Compresses one payload, flushed so the peer can inflate all of it from this packet alone.
     *
     * @param payload the array holding the payload
     * @param offset where the payload starts
     * @param length the payload length, possibly 0
     * @return the compressed bytes, a new array owned by the caller
     * @throws IllegalStateException after {@link #close()}
     */
    byte[] compress(byte[] payload, int offset, int length);

    /**
     * Compresses a whole array as one payload.
     *
     * @param payload the payload
     * @return the compressed bytes, a new array owned by the caller
     * @throws IllegalStateException after {@link #close()}
     */
    default byte[] compress(byte[] payload) {
        return compress(payload, 0, payload.length);
    }

    /** Releases native zlib memory; safe to call more than once. */
    @Override
    void close();
}
