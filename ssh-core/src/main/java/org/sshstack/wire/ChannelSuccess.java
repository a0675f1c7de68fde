package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_SUCCESS (RFC 4254 §5.4): the oldest pending channel request wanting a reply succeeded.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 */
public record ChannelSuccess(int recipientChannel) {

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_SUCCESS} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_SUCCESS).writeUint32(recipientChannel & 0xffffffffL).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_SUCCESS message
     */
    public static ChannelSuccess decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_SUCCESS);
        int recipient = in.readRawInt();
        in.expectEnd();
        return new ChannelSuccess(recipient);
    }
}
