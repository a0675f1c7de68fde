package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.ConnectionMultiplexer;
import org.sshstack.event.GlobalRequestReceived;
import org.sshstack.event.SessionClosed;
import org.sshstack.event.SessionOpened;

/** SessionOpened, SessionClosed and GlobalRequestReceived, reported by both roles through the composed engines. */
class SessionEventsTest {

    /** Accepts the global request "yes@test" only. */
    private static final ConnectionHandler YES = new ConnectionHandler() {
        @Override
        public boolean onGlobalRequest(String requestName, byte[] data) {
            return requestName.equals("yes@test");
        }
    };

    private static SessionPair pair() {
        return new SessionPair(TestApp.passwords(), result -> YES);
    }

    private static <T> List<T> of(SessionPair.Events events, Class<T> type) {
        return events.all.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void sessionOpensAtAuthenticationAndClosesWithItsDuration() throws Exception {
        SessionPair pair = pair().login();
        assertThat(of(pair.clientEvents, SessionOpened.class))
                .containsExactly(new SessionOpened("client", "alice", "localhost:22"));
        assertThat(of(pair.serverEvents, SessionOpened.class))
                .containsExactly(new SessionOpened("server", "alice", "192.0.2.7"));
        assertThat(of(pair.clientEvents, SessionClosed.class)).isEmpty();

        pair.now += 5_000_000_000L;
        pair.client.disconnect(DisconnectReason.BY_APPLICATION, "bye");
        pair.pump();
        pair.client.receiveEnd();
        assertThat(of(pair.clientEvents, SessionClosed.class))
                .containsExactly(new SessionClosed("client", "alice", "localhost:22", 5_000_000_000L));
        assertThat(of(pair.serverEvents, SessionClosed.class))
                .containsExactly(new SessionClosed("server", "alice", "192.0.2.7", 5_000_000_000L));
    }

    @Test
    void aConnectionThatNeverAuthenticatedIsNoSession() {
        SessionPair pair = pair();
        CompletableFuture<List<String>> failed = pair.client.authPassword("alice", "wrong");
        pair.pump();
        assertThat(failed).isCompletedExceptionally();
        pair.server.disconnect(DisconnectReason.BY_APPLICATION, "bye");
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(of(pair.clientEvents, SessionOpened.class)).isEmpty();
        assertThat(of(pair.clientEvents, SessionClosed.class)).isEmpty();
        assertThat(of(pair.serverEvents, SessionClosed.class)).isEmpty();
    }

    @Test
    void globalRequestsAreReportedWithTheirDecisionOnEitherSide() throws Exception {
        SessionPair pair = pair().login();
        ConnectionMultiplexer client = pair.client.connection().orElseThrow();
        ConnectionMultiplexer server = pair.server.connection().orElseThrow();
        pair.tasks.add(() -> {
            client.sendGlobalRequest("yes@test", true, new byte[0]);
            client.sendGlobalRequest("no@test", false, new byte[] {1, 2});
            client.sendGlobalRequest(ConnectionMultiplexer.NO_MORE_SESSIONS, false, new byte[0]);
            client.sendGlobalRequest(ConnectionMultiplexer.KEEPALIVE, true, new byte[0]);
            server.sendGlobalRequest("hostkeys-00@openssh.com", false, new byte[0]);
        });
        pair.pump();
        pair.assertOpen();
        assertThat(of(pair.serverEvents, GlobalRequestReceived.class)).containsExactly(
                new GlobalRequestReceived("server", "yes@test", true, true),
                new GlobalRequestReceived("server", "no@test", false, false),
                new GlobalRequestReceived("server", ConnectionMultiplexer.NO_MORE_SESSIONS, false, true),
                new GlobalRequestReceived("server", ConnectionMultiplexer.KEEPALIVE, true, false));
        assertThat(of(pair.clientEvents, GlobalRequestReceived.class)).containsExactly(
                new GlobalRequestReceived("client", "hostkeys-00@openssh.com", false, false));
    }
}
