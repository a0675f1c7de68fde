package org.sshstack.event;

import java.util.Objects;

/**
 * A channel opened (RFC 4254 §5.1): we confirmed the peer's open, or the peer confirmed ours.
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param type the channel type, e.g. {@code session}
 */
public record ChannelOpened(String role, String type) {

    /** Requires every field. */
    public ChannelOpened {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
    }
}
