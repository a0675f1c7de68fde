package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4): the peer did not recognise the packet with this sequence number.
 *
 * @param sequenceNumber the uint32 sequence number of the rejected packet
 */
public record Unimplemented(long sequenceNumber) {

    /** Validates the range. */
    public Unimplemented {
        Payloads.requireUint32(sequenceNumber, "sequence number");
    }

    /** @return the payload, first byte {@link MessageNumbers#UNIMPLEMENTED} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.UNIMPLEMENTED).writeUint32(sequenceNumber).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed UNIMPLEMENTED
     */
    public static Unimplemented decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.UNIMPLEMENTED);
        long sequence = in.readUint32();
        in.expectEnd();
        return new Unimplemented(sequence);
    }
}
