package org.sshstack.auth;

import java.util.Objects;

/**
 * One finished authentication attempt, for the event layer. Never holds a password, a key or a signature.
 *
 * <p>The user name is here for audit logs only: a metrics layer must not tag meters by it (unbounded cardinality,
 * and it is attacker-chosen before authentication).
 *
 * @param role which side reports it
 * @param username the user name the attempt was for (peer-chosen on the server side)
 * @param method the method name: {@code none}, {@code password}, {@code publickey}, {@code keyboard-interactive}...
 * @param outcome how it ended
 */
public record AuthEvent(AuthRole role, String username, String method, AuthOutcome outcome) {

    /** Requires every field. */
    public AuthEvent {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(outcome, "outcome");
    }
}
