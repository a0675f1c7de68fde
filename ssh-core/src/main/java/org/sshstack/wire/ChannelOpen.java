package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_OPEN (RFC 4254 §5.1): a request to open a channel of a named type.
 *
 * @param channelType the channel type, e.g. "session" or "direct-tcpip"
 * @param senderChannel the sender's local channel number (uint32 bit pattern)
 * @param initialWindow the sender's initial receive window (uint32)
 * @param maxPacket the largest data packet the sender accepts (uint32)
 * @param typeData the channel-type-specific data, undecoded (copied in and out)
 */
public record ChannelOpen(String channelType, int senderChannel, long initialWindow, long maxPacket,
        byte[] typeData) {

    /** Validates the name and the uint32 fields, and copies the data. */
    public ChannelOpen {
        Payloads.requireName(channelType, "channel type");
        Payloads.requireUint32(initialWindow, "initial window");
        Payloads.requireUint32(maxPacket, "maximum packet size");
        typeData = typeData.clone();
    }

    /** @return a copy of the channel-type-specific data */
    @Override
    public byte[] typeData() {
        return typeData.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_OPEN} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_OPEN).writeString(channelType)
                .writeUint32(senderChannel & 0xffffffffL).writeUint32(initialWindow).writeUint32(maxPacket)
                .writeBytes(typeData).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_OPEN
     */
    public static ChannelOpen decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_OPEN);
        String type = Payloads.readName(in, "channel type");
        int sender = in.readRawInt();
        long window = in.readUint32();
        long maxPacket = in.readUint32();
        return new ChannelOpen(type, sender, window, maxPacket, in.readBytes(in.remaining()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelOpen that && channelType.equals(that.channelType)
                && senderChannel == that.senderChannel && initialWindow == that.initialWindow
                && maxPacket == that.maxPacket && Arrays.equals(typeData, that.typeData);
    }

    @Override
    public int hashCode() {
        return ((channelType.hashCode() * 31 + senderChannel) * 31 + Long.hashCode(initialWindow)) * 31
                + Arrays.hashCode(typeData);
    }

    @Override
    public String toString() {
        return "ChannelOpen[" + channelType + ", sender=" + Integer.toUnsignedString(senderChannel) + ", window="
                + initialWindow + ", maxPacket=" + maxPacket + ", " + typeData.length + " data bytes]";
    }
}
