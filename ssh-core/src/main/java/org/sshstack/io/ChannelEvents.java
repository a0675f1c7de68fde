package org.sshstack.io;

import java.util.IdentityHashMap;
import java.util.Map;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionListener;

/**
 * A {@link ConnectionListener} that routes channel request replies to the {@link ChannelIo} of their channel. Every
 * method runs under the driver's engine lock (events come from engine calls; register through an engine call).
 */
public final class ChannelEvents implements ConnectionListener {

    private final Map<ConnectionChannel, ChannelIo> channels = new IdentityHashMap<>();

    /**
     * Starts routing replies of the channel to its io; call it under the engine lock (inside a driver call).
     *
     * @param io the channel's io
     */
    public void register(ChannelIo io) {
        channels.put(io.channel(), io);
    }

    @Override
    public void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
        ChannelIo io = channels.get(channel);
        if (io != null) {
            io.replyReceived(success);
        }
    }

    @Override
    public void onChannelClosed(ConnectionChannel channel) {
        channels.remove(channel);
    }

    @Override
    public void onChannelRefused(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
        channels.remove(channel);
    }
}
