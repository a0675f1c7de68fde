package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_CHANNEL_WINDOW_ADJUST (RFC 4254 §5.2): the sender may receive this many more bytes.
 *
 * @param recipientChannel the channel number at the receiving side (uint32 bit pattern)
 * @param bytesToAdd how many bytes to add to the window (uint32)
 */
public record ChannelWindowAdjust(int recipientChannel, long bytesToAdd) {

    /** Validates the uint32 field. */
    public ChannelWindowAdjust {
        Payloads.requireUint32(bytesToAdd, "bytes to add");
    }

    /** @return the payload, first byte {@link MessageNumbers#CHANNEL_WINDOW_ADJUST} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.CHANNEL_WINDOW_ADJUST).writeUint32(recipientChannel & 0xffffffffL)
                .writeUint32(bytesToAdd).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not a well-formed CHANNEL_WINDOW_ADJUST
     */
    public static ChannelWindowAdjust decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.CHANNEL_WINDOW_ADJUST);
        int recipient = in.readRawInt();
        long add = in.readUint32();
        in.expectEnd();
        return new ChannelWindowAdjust(recipient, add);
    }
}
