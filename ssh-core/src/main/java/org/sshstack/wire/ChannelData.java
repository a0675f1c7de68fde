package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_DATA (RFC 4254 §5.2): channel data; also offers allocation-light helpers for the data path.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 * @param data the data (copied in and out)
 */
public record ChannelData(int recipientChannel, byte[] data) {

    /** Bytes before the data: message number, recipient channel, data length. */
    public static final int HEADER = 9;

    /** Copies the data. */
    public ChannelData {
        data = data.clone();
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_DATA} */
    public byte[] encode() {
        return encode(recipientChannel, data, 0, data.length);
    }

    /**
     * Encodes a data message straight from a caller's buffer (one allocation, one copy).
     *
     * @param recipient the channel number at the receiving side
     * @param source the data source
     * @param offset where the data starts
     * @param length how many bytes
     * @return the payload
     */
    public static byte[] encode(int recipient, byte[] source, int offset, int length) {
        byte[] out = allocate(recipient, length);
        System.arraycopy(source, offset, out, HEADER, length);
        return out;
    }

    /**
     * Allocates a data payload with its header written; the caller fills the data from {@link #HEADER} on.
     *
     * @param recipient the channel number at the receiving side
     * @param length the data length
     * @return the payload, data bytes still zero
     */
    public static byte[] allocate(int recipient, int length) {
        byte[] out = new byte[HEADER + length];
        out[0] = (byte) MessageNumbers.CHANNEL_DATA;
        putInt(out, 1, recipient);
        putInt(out, 5, length);
        return out;
    }

    /**
     * Validates a CHANNEL_DATA payload without copying it; the data is then at {@link #HEADER}.
     *
     * @param payload a whole payload
     * @return the data length
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_DATA
     */
    public static int checkedDataLength(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_DATA);
        in.readRawInt();
        long length = in.readUint32();
        if (length != in.remaining()) {
            throw new SshProtocolException("channel data length " + length + " does not match the "
                    + in.remaining() + " bytes left");
        }
        return (int) length;
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_DATA
     */
    public static ChannelData decode(byte[] payload) throws SshProtocolException {
        int length = checkedDataLength(payload);
        return new ChannelData(getInt(payload, 1), Arrays.copyOfRange(payload, HEADER, HEADER + length));
    }

    static void putInt(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 24);
        out[at + 1] = (byte) (value >>> 16);
        out[at + 2] = (byte) (value >>> 8);
        out[at + 3] = (byte) value;
    }

    /**
     * @param in a buffer
     * @param at where a big-endian uint32 starts (the caller has checked the bounds)
     * @return its bit pattern
     */
    public static int getInt(byte[] in, int at) {
        return ((in[at] & 0xff) << 24) | ((in[at + 1] & 0xff) << 16) | ((in[at + 2] & 0xff) << 8) | (in[at + 3] & 0xff);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelData that && recipientChannel == that.recipientChannel
                && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return recipientChannel * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelData[recipient=" + Integer.toUnsignedString(recipientChannel) + ", " + data.length + " bytes]";
    }
}
