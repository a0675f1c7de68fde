package org.sshstack.connection;

/**
 * The decisions the application makes for the peer's requests (the server side's SPI; clients mostly keep the
 * refusing defaults). Called on the engine's thread: decide quickly, never block.
 */
public interface ConnectionHandler {

    /**
     * Decides an incoming channel open (RFC 4254 §5.1). The default refuses with UNKNOWN_CHANNEL_TYPE.
     *
     * @param channel the new channel (not yet confirmed); {@link ConnectionChannel#type()} names its type
     * @param typeData the channel-type-specific data, undecoded
     * @return accept, or refuse with a reason
     */
    default OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
        return OpenDecision.refuse(OpenFailureReason.UNKNOWN_CHANNEL_TYPE, "unsupported channel type");
    }

    /**
     * Decides a channel request (RFC 4254 §6) other than exit-status, exit-signal, eow and keepalive, which the
     * multiplexer handles itself. The default refuses.
     *
     * @param channel the channel
     * @param request the typed request ({@link SessionRequest.Unknown} for unmodelled types)
     * @return true to accept (CHANNEL_SUCCESS when a reply is wanted), false to refuse
     */
    default boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
        return false;
    }

    /**
     * Decides a global request (RFC 4254 §4) other than keepalive and no-more-sessions. The default refuses.
     *
     * @param requestName the request name
     * @param data the request-specific data
     * @return true to accept (REQUEST_SUCCESS when a reply is wanted), false to refuse
     */
    default boolean onGlobalRequest(String requestName, byte[] data) {
        return false;
    }
}
