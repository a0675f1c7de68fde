package org.sshstack.auth.agent;

/** The agent did not accept, answer or finish a message within the configured timeout. */
public class AgentTimeoutException extends AgentException {

    private static final long serialVersionUID = 1L;

    /** @param message what did not complete in time */
    public AgentTimeoutException(String message) {
        super(message);
    }
}
