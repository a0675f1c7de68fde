package org.sshstack.event;

import java.util.Objects;

/**
 * A session ended: the connection of a {@link SessionOpened} closed, for whatever reason (the matching
 * {@link ConnectionClosed} tells it). Reported once, only for connections that authenticated.
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param user the authenticated user name
 * @param remoteAddress the peer, as in {@link SessionOpened}
 * @param durationNanos from authentication to the close, by the connection's clock
 */
public record SessionClosed(String role, String user, String remoteAddress, long durationNanos) {

    /** Requires every field. */
    public SessionClosed {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
