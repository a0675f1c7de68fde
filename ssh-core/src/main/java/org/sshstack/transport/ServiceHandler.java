package org.sshstack.transport;

import org.sshstack.SshException;

/**
 * The seam between the transport and the layer above it (user authentication, then the connection protocol).
 *
 * <p>After the service is accepted (RFC 4253 §10), the {@link TransportEngine} hands every payload whose message
 * number is 50 or more to the installed handler, in order, on the thread that called
 * {@link TransportEngine#receive}. Exceptions: PING/PONG (192/193) and the peer's {@code keepalive@openssh.com}
 * global request are answered by the transport, and replies to the transport's own keepalives are consumed by it.
 * Connection-protocol messages (80 and up) reach the handler only after {@link TransportEngine#authenticated()};
 * before that they end the connection (SECURITY.md A3). The handler sends through
 * {@link TransportEngine#sendPayload(byte[])}.
 */
public interface ServiceHandler {

    /**
     * Called once when the service starts: on the server after it accepted the client's request, on the client
     * after SSH_MSG_SERVICE_ACCEPT.
     *
     * @param serviceName e.g. {@code ssh-userauth}
     * @throws SshException to end the connection
     */
    default void serviceStarted(String serviceName) throws SshException {
    }

    /**
     * @param payload a payload with message number 50 or more (the handler owns the array)
     * @throws SshException to end the connection with the exception's reason
     */
    void onPayload(byte[] payload) throws SshException;
}
