package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_FAILURE (RFC 4254 §5.4): the oldest pending channel request wanting a reply failed.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 */
public record ChannelFailure(int recipientChannel) {

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_FAILURE} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_FAILURE).writeUint32(recipientChannel & 0xffffffffL).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_FAILURE message
     */
    public static ChannelFailure decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_FAILURE);
        int recipient = in.readRawInt();
        in.expectEnd();
        return new ChannelFailure(recipient);
    }
}
