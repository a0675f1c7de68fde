package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_EOF (RFC 4254 §5.3): the sender will send no more data on the channel.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 */
public record ChannelEof(int recipientChannel) {

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_EOF} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_EOF).writeUint32(recipientChannel & 0xffffffffL).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_EOF message
     */
    public static ChannelEof decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_EOF);
        int recipient = in.readRawInt();
        in.expectEnd();
        return new ChannelEof(recipient);
    }
}
