package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/** SSH_MSG_NEWKEYS (RFC 4253 §7.3): from the next packet on, the sender uses the new keys. */
public record NewKeys() {

    /** @return the one-byte payload {@link MessageNumbers#NEWKEYS} */
    public byte[] encode() {
        return new byte[] {(byte) MessageNumbers.NEWKEYS};
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly one NEWKEYS byte
     */
    public static NewKeys decode(byte[] payload) throws SshProtocolException {
        Payloads.open(payload, MessageNumbers.NEWKEYS).expectEnd();
        return new NewKeys();
    }
}
