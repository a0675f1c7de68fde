package org.sshstack.crypto.cipher;

import org.sshstack.SshException;

/**
 * Verifies and decrypts incoming packets of one direction, in place (RFC 4253 §6). Not thread-safe: the transport
 * holds one per direction.
 *
 * <p>Per packet: once {@link #lengthBytes()} bytes are buffered at {@code off}, call {@link #decryptLength} exactly
 * once; check the returned packet_length against the transport's cap; once {@link #wireLength(int)} bytes are
 * buffered, call {@link #open}. After it returns, {@code buf[off, off + 4 + packet_length)} holds the plaintext
 * packet {@code uint32 packet_length, byte padding_length, payload, padding}.
 *
 * <p>AEAD and encrypt-then-MAC openers verify the tag in constant time before decrypting anything; encrypt-and-MAC
 * openers must decrypt first (the MAC covers the plaintext) but throw before the caller sees any of it.
 */
public interface PacketOpener {

    /** @return how many bytes {@link #decryptLength} needs: one cipher block for encrypt-and-MAC, else 4 */
    int lengthBytes();

    /** @return the block size the packet is aligned to */
    int blockSize();

    /** @return the MAC or tag length after the packet, in bytes */
    int tagLength();

    /**
     * Recovers packet_length from the first {@link #lengthBytes()} bytes at {@code off}; checks that it is at least 5
     * and block aligned, so the caller can then check its own cap before buffering the rest.
     *
     * @param seq the packet sequence number (unsigned 32-bit, wraps)
     * @param buf the buffer
     * @param off where the packet starts
     * @return packet_length (not counting its own 4 bytes nor the MAC)
     * @throws org.sshstack.SshProtocolException if the length is too short, too large for an int or not aligned
     * @throws SshException if the underlying cipher fails
     */
    int decryptLength(int seq, byte[] buf, int off) throws SshException;

    /**
     * @param packetLength the value returned by {@link #decryptLength}
     * @return the bytes the whole packet occupies on the wire: {@code 4 + packetLength + tagLength()}
     */
    default int wireLength(int packetLength) {
        return 4 + packetLength + tagLength();
    }

    /**
     * Verifies the MAC or tag and decrypts the rest of the packet in place.
     *
     * @param seq the packet sequence number (the same value given to {@link #decryptLength})
     * @param buf the buffer holding {@link #wireLength(int)} bytes at {@code off}
     * @param off where the packet starts
     * @param packetLength the value returned by {@link #decryptLength}
     * @return the number of plaintext bytes now at {@code off}: {@code 4 + packetLength}
     * @throws MacMismatchException if the MAC or tag is wrong
     * @throws org.sshstack.SshProtocolException if padding_length is out of range (checked only after verification)
     * @throws SshException if the underlying cipher fails
     */
    int open(int seq, byte[] buf, int off, int packetLength) throws SshException;
}
