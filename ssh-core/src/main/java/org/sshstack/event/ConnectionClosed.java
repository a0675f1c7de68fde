package org.sshstack.event;

import java.util.Objects;
import org.sshstack.DisconnectReason;

/**
 * The connection ended.
 *
 * @param reason the disconnect reason (ours, or the one in the peer's SSH_MSG_DISCONNECT; CONNECTION_LOST when the
 *     stream ended without one)
 * @param peerInitiated true when the peer sent DISCONNECT or closed the stream
 * @param message what happened; a peer's description has its control characters replaced by '?'
 */
public record ConnectionClosed(DisconnectReason reason, boolean peerInitiated, String message) {

    /** Requires every field. */
    public ConnectionClosed {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }
}
