package org.sshstack.crypto.cipher;

import org.sshstack.SshException;

/**
 * Encrypts and authenticates outgoing packets of one direction, in place (RFC 4253 §6). Not thread-safe: the
 * transport holds one per direction and calls it in sequence-number order.
 *
 * <p>Before {@link #seal}, the caller writes the plaintext packet at {@code off}: {@code uint32 packet_length, byte
 * padding_length, payload, padding}, with the padding chosen by {@link #paddingLength(int)} or longer, and leaves
 * {@link #tagLength()} bytes of room after it for the MAC or tag.
 */
public interface PacketSealer {

    /** @return the block size the encrypted part must be a multiple of (8 at least, RFC 4253 §6) */
    int blockSize();

    /**
     * @return how many leading bytes of the packet are left out of the block alignment: 4 when the packet length
     *     is sent in clear or encrypted separately (EtM, AES-GCM, chacha20-poly1305), otherwise 0
     */
    int alignmentOffset();

    /** @return the MAC or tag length appended after the packet, in bytes */
    int tagLength();

    /**
     * The smallest padding for a payload: at least 4 bytes, and making
     * {@code 4 + packet_length - alignmentOffset()} a multiple of {@link #blockSize()} (RFC 4253 §6). A caller may
     * add whole blocks, keeping the total at most 255.
     *
     * @param payloadLength the payload length in bytes (after compression)
     * @return the padding length to use
     */
    default int paddingLength(int payloadLength) {
        int unpadded = 4 + 1 + payloadLength - alignmentOffset();
        int padding = blockSize() - Math.floorMod(unpadded, blockSize());
        if (padding < 4) {
            padding += blockSize();
        }
        return padding;
    }

    /**
     * Encrypts the packet at {@code buf[off, off+len)} in place and writes the MAC or tag right after it.
     *
     * @param seq the packet sequence number (unsigned 32-bit, wraps; AES-GCM uses its own invocation counter)
     * @param buf the buffer holding the plaintext packet, with {@link #tagLength()} bytes of room after it
     * @param off where the packet (its uint32 length) starts
     * @param len 4 + packet_length
     * @return the number of bytes to send: {@code len + tagLength()}
     * @throws IllegalArgumentException if the packet is not aligned or the buffer has no room (a caller bug)
     * @throws SshException if the underlying cipher fails
     */
    int seal(int seq, byte[] buf, int off, int len) throws SshException;
}
