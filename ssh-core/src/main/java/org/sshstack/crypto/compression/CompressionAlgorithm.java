package org.sshstack.crypto.compression;

import org.sshstack.wire.WireLimits;

/**
 * One compression method as negotiated in KEXINIT (RFC 4253 §7.1): its wire name, when it starts, and a factory
 * for the per-direction compressor and decompressor.
 *
 * <p>Implementations are immutable and shareable; the objects they make are not.
 */
public interface CompressionAlgorithm {

    /** @return the name used in the KEXINIT name-lists, e.g. {@code zlib@openssh.com} */
    String wireName();

    /**
     * Whether compression waits for user authentication (draft-miller-secsh-compression-delayed-00 §3).
     *
     * <p>For a delayed algorithm the transport keeps passing payloads through uncompressed after NEWKEYS and
     * switches on (a fresh pair from this algorithm) at these points: the server compresses the first packet it sends
     * after SSH_MSG_USERAUTH_SUCCESS and inflates every packet it receives after sending it; the client compresses
     * every packet it sends and inflates every packet it receives after receiving USERAUTH_SUCCESS. After a later key
     * exchange the new pair starts at once, since authentication has already happened. A non-delayed algorithm
     * starts with the first packet after NEWKEYS.
     *
     * @return true if compression starts only after authentication
     */
    boolean delayed();

    /** @return false for {@code none}, whose objects copy payloads unchanged */
    boolean compresses();

    /**
     * @param authenticated whether USERAUTH_SUCCESS has been sent (server) or received (client)
     * @return whether packets in a direction keyed with this algorithm are compressed now
     */
    default boolean activeWhen(boolean authenticated) {
        return compresses() && (!delayed() || authenticated);
    }

    /** @return a new compressor for one outgoing direction, starting a new stream */
    Compressor newCompressor();

    /**
     * @param maxPayload the most bytes one packet may inflate to (1 to 16 MiB)
     * @return a new decompressor for one incoming direction, starting a new stream
     * @throws IllegalArgumentException if the cap is out of range
     */
    Decompressor newDecompressor(int maxPayload);

    /** @return a new decompressor capped at {@link WireLimits#MAX_PACKET} bytes per packet */
    default Decompressor newDecompressor() {
        return newDecompressor(WireLimits.MAX_PACKET);
    }
}
