package org.sshstack.connection;

/**
 * The answer of a {@link ConnectionHandler} to an incoming channel open: accept, or refuse with a reason.
 *
 * @param accepted whether the channel is accepted
 * @param reason the refusal reason (null when accepted)
 * @param description the refusal description sent to the peer (empty when accepted)
 */
public record OpenDecision(boolean accepted, OpenFailureReason reason, String description) {

    private static final OpenDecision ACCEPT = new OpenDecision(true, null, "");

    /** Checks that a refusal carries a reason and a description. */
    public OpenDecision {
        if (!accepted && (reason == null || description == null)) {
            throw new IllegalArgumentException("a refusal needs a reason and a description");
        }
        if (description == null) {
            description = "";
        }
    }

    /** @return the decision to accept the channel */
    public static OpenDecision accept() {
        return ACCEPT;
    }

    /**
     * @param reason why the channel is refused
     * @param description a short human-readable description for the peer (no secrets)
     * @return the decision to refuse the channel
     */
    public static OpenDecision refuse(OpenFailureReason reason, String description) {
        return new OpenDecision(false, reason, description);
    }
}
