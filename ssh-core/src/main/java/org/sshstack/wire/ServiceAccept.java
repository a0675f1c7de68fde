package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_SERVICE_ACCEPT (RFC 4253 §10): the server grants the requested service.
 *
 * @param serviceName the service name (RFC 4251 §6 naming)
 */
public record ServiceAccept(String serviceName) {

    /** Validates the name. */
    public ServiceAccept {
        Payloads.requireName(serviceName, "service name");
    }

    /** @return the payload, first byte {@link MessageNumbers#SERVICE_ACCEPT} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.SERVICE_ACCEPT).writeString(serviceName).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed SERVICE_ACCEPT
     */
    public static ServiceAccept decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.SERVICE_ACCEPT);
        String name = Payloads.readName(in, "service name");
        in.expectEnd();
        return new ServiceAccept(name);
    }
}
