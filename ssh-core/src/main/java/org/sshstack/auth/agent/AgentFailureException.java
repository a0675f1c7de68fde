package org.sshstack.auth.agent;

/** The agent answered a well-formed request with {@code SSH_AGENT_FAILURE} (or an extension failure). */
public class AgentFailureException extends AgentException {

    private static final long serialVersionUID = 1L;

    /** @param message which request the agent refused */
    public AgentFailureException(String message) {
        super(message);
    }
}
