package org.sshstack.connection;

import java.util.ArrayList;
import java.util.List;

/** Records every multiplexer event for assertions. */
final class RecordingListener implements ConnectionListener {

    /** A refusal event. */
    record Refusal(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
    }

    /** A reply event. */
    record Reply(String type, boolean success) {
    }

    final List<ConnectionChannel> opened = new ArrayList<>();
    final List<Refusal> refused = new ArrayList<>();
    final List<ConnectionChannel> closed = new ArrayList<>();
    final List<ConnectionChannel> eofs = new ArrayList<>();
    final List<ConnectionChannel> writable = new ArrayList<>();
    final List<Reply> replies = new ArrayList<>();
    final List<Reply> globalReplies = new ArrayList<>();
    final List<Long> exitStatuses = new ArrayList<>();
    final List<SessionRequest.ExitSignal> exitSignals = new ArrayList<>();
    int dataEvents;
    int stderrEvents;

    @Override
    public void onChannelOpened(ConnectionChannel channel) {
        opened.add(channel);
    }

    @Override
    public void onChannelRefused(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
        refused.add(new Refusal(channel, reasonCode, description, byPeer));
    }

    @Override
    public void onChannelClosed(ConnectionChannel channel) {
        closed.add(channel);
    }

    @Override
    public void onData(ConnectionChannel channel, boolean stderr) {
        if (stderr) {
            stderrEvents++;
        } else {
            dataEvents++;
        }
    }

    @Override
    public void onEof(ConnectionChannel channel) {
        eofs.add(channel);
    }

    @Override
    public void onWritable(ConnectionChannel channel) {
        writable.add(channel);
    }

    @Override
    public void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
        replies.add(new Reply(requestType, success));
    }

    @Override
    public void onExitStatus(ConnectionChannel channel, long exitStatus) {
        exitStatuses.add(exitStatus);
    }

    @Override
    public void onExitSignal(ConnectionChannel channel, SessionRequest.ExitSignal signal) {
        exitSignals.add(signal);
    }

    @Override
    public void onGlobalReply(String requestName, boolean success, byte[] data) {
        globalReplies.add(new Reply(requestName, success));
    }
}
