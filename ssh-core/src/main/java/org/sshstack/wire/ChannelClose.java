package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_CLOSE (RFC 4254 §5.3): the sender closes the channel; both sides send one.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 */
public record ChannelClose(int recipientChannel) {

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_CLOSE} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_CLOSE).writeUint32(recipientChannel & 0xffffffffL).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_CLOSE message
     */
    public static ChannelClose decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_CLOSE);
        int recipient = in.readRawInt();
        in.expectEnd();
        return new ChannelClose(recipient);
    }
}
