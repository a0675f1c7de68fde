package org.sshstack.event;

import java.util.Objects;

/**
 * A session began: user authentication succeeded on a connection (RFC 4252 §5.1), which now carries the connection
 * protocol. Reported once per connection by each side.
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param user the authenticated user name
 * @param remoteAddress the peer as the side knows it: the client's IP address on a server, {@code host:port} on a
 *     client; empty when unknown
 */
public record SessionOpened(String role, String user, String remoteAddress) {

    /** Requires every field. */
    public SessionOpened {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
    }
}
