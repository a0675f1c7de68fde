package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_OPEN_CONFIRMATION (RFC 4254 §5.1): the recipient accepted a channel open.
 *
 * @param recipientChannel the channel number the opener chose (uint32 bit pattern)
 * @param senderChannel the confirming side's channel number (uint32 bit pattern)
 * @param initialWindow the confirming side's initial receive window (uint32)
 * @param maxPacket the largest data packet the confirming side accepts (uint32)
 * @param typeData channel-type-specific data, undecoded (copied in and out)
 */
public record ChannelOpenConfirmation(int recipientChannel, int senderChannel, long initialWindow, long maxPacket,
        byte[] typeData) {

    /** Validates the uint32 fields and copies the data. */
    public ChannelOpenConfirmation {
        Payloads.requireUint32(initialWindow, "initial window");
        Payloads.requireUint32(maxPacket, "maximum packet size");
        typeData = typeData.clone();
    }

    /** @return a copy of the channel-type-specific data */
    @Override
    public byte[] typeData() {
        return typeData.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_OPEN_CONFIRMATION} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_OPEN_CONFIRMATION).writeUint32(recipientChannel & 0xffffffffL)
                .writeUint32(senderChannel & 0xffffffffL).writeUint32(initialWindow).writeUint32(maxPacket)
                .writeBytes(typeData).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_OPEN_CONFIRMATION
     */
    public static ChannelOpenConfirmation decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_OPEN_CONFIRMATION);
        int recipient = in.readRawInt();
        int sender = in.readRawInt();
        long window = in.readUint32();
        long maxPacket = in.readUint32();
        return new ChannelOpenConfirmation(recipient, sender, window, maxPacket, in.readBytes(in.remaining()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelOpenConfirmation that && recipientChannel == that.recipientChannel
                && senderChannel == that.senderChannel && initialWindow == that.initialWindow
                && maxPacket == that.maxPacket && Arrays.equals(typeData, that.typeData);
    }

    @Override
    public int hashCode() {
        return ((recipientChannel * 31 + senderChannel) * 31 + Long.hashCode(initialWindow)) * 31
                + Arrays.hashCode(typeData);
    }

    @Override
    public String toString() {
        return "ChannelOpenConfirmation[recipient=" + Integer.toUnsignedString(recipientChannel) + ", sender="
                + Integer.toUnsignedString(senderChannel) + ", window=" + initialWindow + ", maxPacket=" + maxPacket
                + ", " + typeData.length + " data bytes]";
    }
}
