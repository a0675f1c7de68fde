package org.sshstack.event;

import java.util.Objects;

/**
 * The peer sent SSH_MSG_DEBUG (RFC 4253 §11.3).
 *
 * @param alwaysDisplay the peer's always_display flag
 * @param message the message with control characters replaced by '?'; it comes from the peer
 */
public record DebugReceived(boolean alwaysDisplay, String message) {

    /** Requires the message. */
    public DebugReceived {
        Objects.requireNonNull(message, "message");
    }
}
