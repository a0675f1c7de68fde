package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_REQUEST (RFC 4254 §5.4): a named request on a channel, with request-specific data.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 * @param requestType the request type, e.g. "exec" or "exit-status"
 * @param wantReply whether the sender expects CHANNEL_SUCCESS or CHANNEL_FAILURE
 * @param typeData the request-specific data, undecoded (copied in and out)
 */
public record ChannelRequest(int recipientChannel, String requestType, boolean wantReply, byte[] typeData) {

    /** Validates the name and copies the data. */
    public ChannelRequest {
        Payloads.requireName(requestType, "request type");
        typeData = typeData.clone();
    }

    /** @return a copy of the request-specific data */
    @Override
    public byte[] typeData() {
        return typeData.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_REQUEST} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_REQUEST).writeUint32(recipientChannel & 0xffffffffL)
                .writeString(requestType).writeBoolean(wantReply).writeBytes(typeData).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_REQUEST
     */
    public static ChannelRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_REQUEST);
        int recipient = in.readRawInt();
        String type = Payloads.readName(in, "request type");
        boolean wantReply = in.readBoolean();
        return new ChannelRequest(recipient, type, wantReply, in.readBytes(in.remaining()));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelRequest that && recipientChannel == that.recipientChannel
                && requestType.equals(that.requestType) && wantReply == that.wantReply
                && Arrays.equals(typeData, that.typeData);
    }

    @Override
    public int hashCode() {
        return ((recipientChannel * 31 + requestType.hashCode()) * 31 + Boolean.hashCode(wantReply)) * 31
                + Arrays.hashCode(typeData);
    }

    @Override
    public String toString() {
        return "ChannelRequest[recipient=" + Integer.toUnsignedString(recipientChannel) + ", " + requestType
                + ", wantReply=" + wantReply + ", " + typeData.length + " data bytes]";
    }
}
