package org.sshstack.event;

import java.util.Objects;

/**
 * A channel open was refused (RFC 4254 §5.1).
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param type the channel type
 * @param reason the reason code's name, e.g. {@code ADMINISTRATIVELY_PROHIBITED}, or {@code code-N} for an unknown
 *     code
 * @param byPeer true if the peer refused our open, false if we refused the peer's
 */
public record ChannelRefused(String role, String type, String reason, boolean byPeer) {

    /** Requires every field. */
    public ChannelRefused {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(reason, "reason");
    }
}
