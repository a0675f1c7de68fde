package org.sshstack.crypto.cipher;

import java.util.Objects;
import org.sshstack.SshProtocolException;

/** Shared framing checks and uint32 helpers for the sealers and openers (RFC 4253 §6). */
final class Packets {

    /** Largest packet_length the openers let through: leaves headroom so 4 + length + tag never overflows an int. */
    static final int MAX_PACKET_LENGTH = Integer.MAX_VALUE - 1024;

    /** padding_length byte plus the minimum 4 bytes of padding (RFC 4253 §6). */
    static final int MIN_PACKET_LENGTH = 5;

    private Packets() {
    }

    static int readInt(byte[] buf, int off) {
        return (buf[off] & 0xff) << 24 | (buf[off + 1] & 0xff) << 16 | (buf[off + 2] & 0xff) << 8 | buf[off + 3] & 0xff;
    }

    static void writeInt(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }

    /** Checks a packet_length read from the wire: big enough, not absurd, and aligned (RFC 4253 §6). */
    static int checkLength(int rawLength, int alignmentOffset, int blockSize) throws SshProtocolException {
        long length = rawLength & 0xffffffffL;
        if (length < MIN_PACKET_LENGTH || length > MAX_PACKET_LENGTH) {
            throw new SshProtocolException("Bad packet length " + length);
        }
        if ((4 + length - alignmentOffset) % blockSize != 0) {
            throw new SshProtocolException("Packet length " + length + " is not a multiple of the block size "
                    + blockSize);
        }
        return (int) length;
    }

    /** Checks padding_length of a verified, decrypted packet: 4 <= padding_length < packet_length (RFC 4253 §6). */
    static void checkPadding(byte[] buf, int off, int packetLength) throws SshProtocolException {
        int padding = buf[off + 4] & 0xff;
        if (padding < 4 || padding > packetLength - 1) {
            throw new SshProtocolException("Bad padding length " + padding + " in a packet of length " + packetLength);
        }
    }

    /** Checks the region an opener is asked to read. */
    static void checkRegion(byte[] buf, int off, int len) throws SshProtocolException {
        Objects.requireNonNull(buf, "buf");
        if (off < 0 || len < 0 || off > buf.length - len) {
            throw new SshProtocolException("Packet of " + len + " bytes does not fit the buffer at offset " + off);
        }
    }

    /** Checks a packet handed to a sealer: aligned, long enough, with room for the tag (caller bugs). */
    static void checkSeal(byte[] buf, int off, int len, int alignmentOffset, int blockSize, int tagLength) {
        Objects.requireNonNull(buf, "buf");
        if (off < 0 || len < 4 + MIN_PACKET_LENGTH || off > buf.length - len - tagLength) {
            throw new IllegalArgumentException("Packet of " + len + " bytes plus a " + tagLength
                    + "-byte tag does not fit the buffer at offset " + off);
        }
        if ((len - alignmentOffset) % blockSize != 0) {
            throw new IllegalArgumentException("Packet of " + len + " bytes is not aligned to " + blockSize);
        }
        if (readInt(buf, off) != len - 4) {
            throw new IllegalArgumentException("packet_length field " + readInt(buf, off) + " does not match " + len);
        }
    }
}
