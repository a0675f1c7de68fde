package org.sshstack.connection;

/**
 * Events of the channel multiplexer, all optional; called on the engine's thread, so never block. No event
 * carries secrets.
 */
public interface ConnectionListener {

    /** @param channel a channel is open (we confirmed the peer's open, or the peer confirmed ours) */
    default void onChannelOpened(ConnectionChannel channel) {
    }

    /**
     * A channel open was refused (RFC 4254 §5.1).
     *
     * @param channel the channel that will never open
     * @param reasonCode the reason code (see {@link OpenFailureReason#fromCode(int)})
     * @param description the description
     * @param byPeer true if the peer refused our open, false if we refused the peer's
     */
    default void onChannelRefused(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
    }

    /** @param channel both CLOSE messages were exchanged; buffered inbound data can still be read */
    default void onChannelClosed(ConnectionChannel channel) {
    }

    /**
     * @param channel inbound data arrived
     * @param stderr true for extended data type 1 (stderr), false for ordinary data
     */
    default void onData(ConnectionChannel channel, boolean stderr) {
    }

    /** @param channel the peer sent EOF */
    default void onEof(ConnectionChannel channel) {
    }

    /** @param channel outbound buffer space became free after a short write */
    default void onWritable(ConnectionChannel channel) {
    }

    /**
     * @param channel the channel
     * @param requestType the type of our request this reply answers (replies come in request order, RFC 4254 §5.4)
     * @param success CHANNEL_SUCCESS or CHANNEL_FAILURE
     */
    default void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
    }

    /**
     * @param channel the channel
     * @param exitStatus the exit status the peer reported (RFC 4254 §6.10)
     */
    default void onExitStatus(ConnectionChannel channel, long exitStatus) {
    }

    /**
     * @param channel the channel
     * @param signal the exit signal the peer reported (RFC 4254 §6.10)
     */
    default void onExitSignal(ConnectionChannel channel, SessionRequest.ExitSignal signal) {
    }

    /** @param channel the peer sent eow@openssh.com: it no longer reads this channel's data */
    default void onEndOfWrite(ConnectionChannel channel) {
    }

    /**
     * @param requestName the name of our global request this reply answers (replies come in request order)
     * @param success REQUEST_SUCCESS or REQUEST_FAILURE
     * @param data response-specific data of REQUEST_SUCCESS (empty otherwise)
     */
    default void onGlobalReply(String requestName, boolean success, byte[] data) {
    }
}
