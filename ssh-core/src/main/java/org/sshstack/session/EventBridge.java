package org.sshstack.session;

import java.util.Locale;
import org.sshstack.auth.AuthEvent;
import org.sshstack.auth.AuthListener;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionListener;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.event.AuthAttempted;
import org.sshstack.event.ChannelClosed;
import org.sshstack.event.ChannelOpened;
import org.sshstack.event.ChannelRefused;
import org.sshstack.event.ExitStatusReceived;
import org.sshstack.event.SshEventListener;

/**
 * Turns the auth and connection layers' callbacks into {@code org.sshstack.event} records and passes every
 * callback on to the application's own listeners.
 */
final class EventBridge implements ConnectionListener {

    private final String role;
    private final SshEventListener events;
    private final ConnectionListener next;

    EventBridge(String role, SshEventListener events, ConnectionListener next) {
        this.role = role;
        this.events = events;
        this.next = next;
    }

    /** @param then the application's auth listener @return a listener that reports events, then calls it */
    AuthListener auth(AuthListener then) {
        return event -> {
            report(event);
            then.onAttempt(event);
        };
    }

    private void report(AuthEvent event) {
        events.authAttempted(new AuthAttempted(role, event.username(), event.method(),
                event.outcome().name().toLowerCase(Locale.ROOT)));
    }

    @Override
    public void onChannelOpened(ConnectionChannel channel) {
        events.channelOpened(new ChannelOpened(role, channel.type()));
        next.onChannelOpened(channel);
    }

    @Override
    public void onChannelRefused(ConnectionChannel channel, int reasonCode, String description, boolean byPeer) {
        OpenFailureReason reason = OpenFailureReason.fromCode(reasonCode);
        events.channelRefused(new ChannelRefused(role, channel.type(), reason == null ? "code-" + reasonCode
                : reason.name(), byPeer));
        next.onChannelRefused(channel, reasonCode, description, byPeer);
    }

    @Override
    public void onChannelClosed(ConnectionChannel channel) {
        String reason = channel.exitStatus().isPresent() ? "exit-status"
                : channel.exitSignal().isPresent() ? "exit-signal" : "closed";
        events.channelClosed(new ChannelClosed(role, channel.type(), reason));
        next.onChannelClosed(channel);
    }

    @Override
    public void onData(ConnectionChannel channel, boolean stderr) {
        next.onData(channel, stderr);
    }

    @Override
    public void onEof(ConnectionChannel channel) {
        next.onEof(channel);
    }

    @Override
    public void onWritable(ConnectionChannel channel) {
        next.onWritable(channel);
    }

    @Override
    public void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
        next.onRequestReply(channel, requestType, success);
    }

    @Override
    public void onExitStatus(ConnectionChannel channel, long exitStatus) {
        events.exitStatusReceived(new ExitStatusReceived(role, exitStatus, ""));
        next.onExitStatus(channel, exitStatus);
    }

    @Override
    public void onExitSignal(ConnectionChannel channel, SessionRequest.ExitSignal signal) {
        events.exitStatusReceived(new ExitStatusReceived(role, -1, signal.signalName()));
        next.onExitSignal(channel, signal);
    }

    @Override
    public void onEndOfWrite(ConnectionChannel channel) {
        next.onEndOfWrite(channel);
    }

    @Override
    public void onGlobalReply(String requestName, boolean success, byte[] data) {
        next.onGlobalReply(requestName, success, data);
    }
}
