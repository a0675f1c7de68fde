package org.sshstack.wire;

import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_SERVICE_REQUEST (RFC 4253 §10): asks for a service by name, normally "ssh-userauth" or "ssh-connection".
 *
 * @param serviceName the service name (RFC 4251 §6 naming)
 */
public record ServiceRequest(String serviceName) {

    /** Validates the name. */
    public ServiceRequest {
        Payloads.requireName(serviceName, "service name");
    }

    /** @return the payload, first byte {@link MessageNumbers#SERVICE_REQUEST} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.SERVICE_REQUEST).writeString(serviceName).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed SERVICE_REQUEST
     */
    public static ServiceRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.SERVICE_REQUEST);
        String name = Payloads.readName(in, "service name");
        in.expectEnd();
        return new ServiceRequest(name);
    }
}
