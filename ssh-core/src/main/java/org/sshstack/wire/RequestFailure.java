package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/** SSH_MSG_REQUEST_FAILURE (RFC 4254 §4): the global request was refused or not recognised. */
public record RequestFailure() {

    /** @return the one-byte payload {@link MessageNumbers#REQUEST_FAILURE} */
    public byte[] encode() {
        return new byte[] {(byte) MessageNumbers.REQUEST_FAILURE};
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly one REQUEST_FAILURE byte
     */
    public static RequestFailure decode(byte[] payload) throws SshProtocolException {
        Payloads.open(payload, MessageNumbers.REQUEST_FAILURE).expectEnd();
        return new RequestFailure();
    }
}
