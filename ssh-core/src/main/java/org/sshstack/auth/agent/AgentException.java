package org.sshstack.auth.agent;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * A failure talking to an ssh-agent: a malformed or oversized reply, a refused request, an unreachable socket.
 * Messages never carry key material or signed data.
 */
public class AgentException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what went wrong */
    public AgentException(String message) {
        super(DisconnectReason.BY_APPLICATION, message);
    }

    /**
     * @param message what went wrong
     * @param cause the underlying failure
     */
    public AgentException(String message, Throwable cause) {
        super(DisconnectReason.BY_APPLICATION, message, cause);
    }
}
