package org.sshstack.event;

import java.util.Objects;

/**
 * One authentication attempt finished (RFC 4252 §5.1).
 *
 * <p>{@code username} is for audit logs only: never tag a metric with it (unbounded cardinality, and on the server
 * it is chosen by an unauthenticated peer). {@code role}, {@code method} and {@code outcome} are safe tags.
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param username the user name the attempt was for (peer text on the server: sanitize before display)
 * @param method the method name: {@code none}, {@code password}, {@code publickey}, {@code keyboard-interactive}
 * @param outcome {@code success}, {@code partial} (partial success: more methods needed) or {@code failure}
 */
public record AuthAttempted(String role, String username, String method, String outcome) {

    /** Requires every field. */
    public AuthAttempted {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(outcome, "outcome");
    }
}
