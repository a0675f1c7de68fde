package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/** SSH_MSG_USERAUTH_SUCCESS (RFC 4252 §5.1): authentication is complete; no fields. */
public record UserauthSuccess() {

    /** @return the one-byte payload {@link MessageNumbers#USERAUTH_SUCCESS} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.USERAUTH_SUCCESS).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a USERAUTH_SUCCESS
     */
    public static UserauthSuccess decode(byte[] payload) throws SshProtocolException {
        Payloads.open(payload, MessageNumbers.USERAUTH_SUCCESS).expectEnd();
        return new UserauthSuccess();
    }
}
