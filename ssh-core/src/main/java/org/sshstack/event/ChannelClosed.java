package org.sshstack.event;

import java.util.Objects;

/**
 * A channel closed: both CLOSE messages were exchanged (RFC 4254 §5.3).
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param type the channel type
 * @param reason {@code exit-status}, {@code exit-signal} or {@code closed} (no exit report arrived)
 */
public record ChannelClosed(String role, String type, String reason) {

    /** Requires every field. */
    public ChannelClosed {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
