package org.sshstack.client;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionListener;
import org.sshstack.io.ChannelEvents;

/**
 * The connection events a {@link Transport} listens to: channel request replies go to the channels' io (through
 * {@link ChannelEvents}), global request replies (RFC 4254 §4) complete the waiting {@link Transport#globalRequest}
 * calls in request order. Every method runs under the driver's engine lock.
 */
final class TransportEvents implements ConnectionListener {

    /** A global request waiting for its reply. */
    private record PendingReply(String name, CompletableFuture<byte[]> reply) {
    }

    private final ChannelEvents channels = new ChannelEvents();
    private final ArrayDeque<PendingReply> replies = new ArrayDeque<>();
    private volatile Consumer<ConnectionChannel> closedHook = c -> { };

    /** @return the channel reply router (register channels through it, under the engine lock) */
    ChannelEvents channels() {
        return channels;
    }

    /** @param hook told about every closed or refused channel (under the engine lock) */
    void onClosed(Consumer<ConnectionChannel> hook) {
        closedHook = hook;
    }

    /**
     * Expects a reply to a global request just sent; call under the engine lock, in sending order.
     *
     * @param name the request name
     * @param reply completed with the reply data on success, null on failure
     */
    void expectGlobalReply(String name, CompletableFuture<byte[]> reply) {
        replies.add(new PendingReply(name, reply));
    }

    @Override
    public void onGlobalReply(String requestName, boolean success, byte[] data) {
        PendingReply head = replies.peek();
        if (head != null && head.name().equals(requestName)) { // replies come in request order (RFC 4254 §4)
            replies.poll();
            head.reply().complete(success ? data : null);
        }
    }

    @Override
    public void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
        channels.onRequestReply(channel, requestType, success);
    }

    @Override
    public void onChannelClosed(ConnectionChannel channel) {
        channels.onChannelClosed(channel);
        closedHook.accept(channel);
    }

    @Override
    public void onChannelRefused(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
        channels.onChannelRefused(channel, reasonCode, description, byPeer);
        closedHook.accept(channel);
    }
}
