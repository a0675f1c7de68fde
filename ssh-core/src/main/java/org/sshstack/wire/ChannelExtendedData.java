package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_EXTENDED_DATA (RFC 4254 §5.2): typed channel data, type 1 being stderr.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 * @param dataTypeCode the data type code (uint32 bit pattern; {@link #STDERR} is the only one defined)
 * @param data the data (copied in and out)
 */
public record ChannelExtendedData(int recipientChannel, int dataTypeCode, byte[] data) {

    /** SSH_EXTENDED_DATA_STDERR (RFC 4254 §5.2). */
    public static final int STDERR = 1;

    /** Bytes before the data: message number, recipient channel, data type code, data length. */
    public static final int HEADER = 13;

    /** Copies the data. */
    public ChannelExtendedData {
        data = data.clone();
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_EXTENDED_DATA} */
    public byte[] encode() {
        return encode(recipientChannel, dataTypeCode, data, 0, data.length);
    }

    /**
     * Encodes an extended data message straight from a caller's buffer (one allocation, one copy).
     *
     * @param recipient the channel number at the receiving side
     * @param typeCode the data type code
     * @param source the data source
     * @param offset where the data starts
     * @param length how many bytes
     * @return the payload
     */
    public static byte[] encode(int recipient, int typeCode, byte[] source, int offset, int length) {
        byte[] out = allocate(recipient, typeCode, length);
        System.arraycopy(source, offset, out, HEADER, length);
        return out;
    }

    /**
     * Allocates an extended data payload with its header written; the caller fills the data from {@link #HEADER}.
     *
     * @param recipient the channel number at the receiving side
     * @param typeCode the data type code
     * @param length the data length
     * @return the payload, data bytes still zero
     */
    public static byte[] allocate(int recipient, int typeCode, int length) {
        byte[] out = new byte[HEADER + length];
        out[0] = (byte) MessageNumbers.CHANNEL_EXTENDED_DATA;
        ChannelData.putInt(out, 1, recipient);
        ChannelData.putInt(out, 5, typeCode);
        ChannelData.putInt(out, 9, length);
        return out;
    }

    /**
     * Validates a CHANNEL_EXTENDED_DATA payload without copying it; the data is then at {@link #HEADER}.
     *
     * @param payload a whole payload
     * @return the data length
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_EXTENDED_DATA
     */
    public static int checkedDataLength(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_EXTENDED_DATA);
        in.readRawInt();
        in.readRawInt();
        long length = in.readUint32();
        if (length != in.remaining()) {
            throw new SshProtocolException("extended data length " + length + " does not match the "
                    + in.remaining() + " bytes left");
        }
        return (int) length;
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_EXTENDED_DATA
     */
    public static ChannelExtendedData decode(byte[] payload) throws SshProtocolException {
        int length = checkedDataLength(payload);
        return new ChannelExtendedData(ChannelData.getInt(payload, 1), ChannelData.getInt(payload, 5),
                Arrays.copyOfRange(payload, HEADER, HEADER + length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelExtendedData that && recipientChannel == that.recipientChannel
                && dataTypeCode == that.dataTypeCode && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return (recipientChannel * 31 + dataTypeCode) * 31 + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "ChannelExtendedData[recipient=" + Integer.toUnsignedString(recipientChannel) + ", type="
                + Integer.toUnsignedString(dataTypeCode) + ", " + data.length + " bytes]";
    }
}
