package org.sshstack.session;

import java.util.Locale;
import org.sshstack.auth.AuthEvent;
import org.sshstack.auth.AuthListener;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.ConnectionListener;
import org.sshstack.connection.ConnectionMultiplexer;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.event.AuthAttempted;
import org.sshstack.event.ChannelClosed;
import org.sshstack.event.ChannelOpened;
import org.sshstack.event.ChannelRefused;
import org.sshstack.event.ExitStatusReceived;
import org.sshstack.event.GlobalRequestReceived;
import org.sshstack.event.SessionClosed;
import org.sshstack.event.SessionOpened;
import org.sshstack.event.SshEventListener;

/**
 * Turns the auth and connection layers' callbacks into {@code org.sshstack.event} records and passes every
 * callback on to the application's own listeners; also reports the session (authentication to close) and the
 * decisions on the peer's global requests. Used on the engine's thread only.
 */
final class EventBridge implements ConnectionListener {

    private final String role;
    private final SshEventListener events;
    private final ConnectionListener next;
    private String sessionUser;
    private String sessionPeer;
    private long sessionStart;
    private boolean sessionOver;
    private Boolean globalDecision;

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

    /**
     * Reports SessionOpened.
     *
     * @param user the authenticated user
     * @param peer the peer's address as known, or ""
     * @param now the connection clock
     */
    void sessionOpened(String user, String peer, long now) {
        sessionUser = user;
        sessionPeer = peer;
        sessionStart = now;
        events.sessionOpened(new SessionOpened(role, user, peer));
    }

    /** Reports SessionClosed once, if a session was opened. @param now the connection clock */
    void connectionEnded(long now) {
        if (sessionUser != null && !sessionOver) {
            sessionOver = true;
            events.sessionClosed(new SessionClosed(role, sessionUser, sessionPeer, now - sessionStart));
        }
    }

    /**
     * @param handler the application's decisions
     * @return the same decisions, with each global request's answer remembered for {@link #globalRequestDone}
     */
    ConnectionHandler deciding(ConnectionHandler handler) {
        return new ConnectionHandler() {
            @Override
            public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
                return handler.onChannelOpen(channel, typeData);
            }

            @Override
            public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
                return handler.onChannelRequest(channel, request);
            }

            @Override
            public boolean onGlobalRequest(String requestName, byte[] data) {
                boolean accepted = handler.onGlobalRequest(requestName, data);
                globalDecision = accepted;
                return accepted;
            }
        };
    }

    /** Forgets any earlier decision: call before the multiplexer handles a GLOBAL_REQUEST. */
    void globalRequestStarting() {
        globalDecision = null;
    }

    /**
     * Reports GlobalRequestReceived for a request the multiplexer just handled: the handler's decision, or the
     * multiplexer's own answer when it decided alone (RFC 4254 §4; no-more-sessions is accepted, keepalive refused).
     *
     * @param name the request name
     * @param wantReply whether a reply was wanted
     */
    void globalRequestDone(String name, boolean wantReply) {
        boolean accepted = globalDecision != null ? globalDecision
                : !name.equals(ConnectionMultiplexer.KEEPALIVE);
        globalDecision = null;
        events.globalRequestReceived(new GlobalRequestReceived(role, name, wantReply, accepted));
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
