package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.connection.TerminalModes;
import org.sshstack.event.AuthAttempted;
import org.sshstack.event.ChannelClosed;
import org.sshstack.event.ChannelOpened;
import org.sshstack.event.ExitStatusReceived;

/** Password login, then commands, shells and ptys over the composed engines. */
class ExecTest {

    private final TestApp app = new TestApp();
    private final SessionPair pair = new SessionPair(TestApp.passwords(), app::forUser);

    ExecTest() {
        app.pair = pair;
    }

    private ConnectionChannel exec(String command) throws Exception {
        ConnectionChannel channel = pair.openSession();
        assertThat(channel.sendRequest(new SessionRequest.Exec(command), true)).isTrue();
        pair.pump();
        return channel;
    }

    @Test
    void passwordThenExecReportsBothStreamsAndTheExitStatus() throws Exception {
        pair.login();
        assertThat(app.user.username()).isEqualTo("alice");
        assertThat(pair.server.authResult()).isPresent();
        for (int code : new int[] {0, 1, 255}) {
            ConnectionChannel channel = exec("exit " + code);
            assertThat(TestApp.readAll(channel, false)).isEqualTo("out " + code);
            assertThat(TestApp.readAll(channel, true)).isEqualTo("err " + code);
            assertThat(channel.exitStatus()).hasValue(code);
            assertThat(channel.state()).isEqualTo(ConnectionChannel.State.CLOSED);
        }
        pair.assertOpen();
        assertThat(pair.clientEvents.all).contains(new AuthAttempted("client", "alice", "password", "success"),
                new ChannelOpened("client", "session"), new ExitStatusReceived("client", 255, ""),
                new ChannelClosed("client", "session", "exit-status"));
        assertThat(pair.serverEvents.all).contains(new AuthAttempted("server", "alice", "password", "success"),
                new ChannelOpened("server", "session"));
    }

    @Test
    void exitSignalIsReported() throws Exception {
        pair.login();
        ConnectionChannel channel = exec("kill");
        assertThat(TestApp.readAll(channel, false)).isEmpty();
        assertThat(channel.exitSignal()).hasValueSatisfying(s -> assertThat(s.signalName()).isEqualTo("KILL"));
        assertThat(channel.exitStatus()).isEmpty();
        assertThat(pair.clientEvents.all).contains(new ExitStatusReceived("client", -1, "KILL"),
                new ChannelClosed("client", "session", "exit-signal"));
    }

    @Test
    void shellWithPtyAndWindowChange() throws Exception {
        pair.login();
        ConnectionChannel channel = pair.openSession();
        TerminalModes modes = TerminalModes.of(Map.of(TerminalModes.ECHO, 0L, TerminalModes.TTY_OP_ISPEED, 38400L));
        SessionRequest.PtyRequest pty = new SessionRequest.PtyRequest("xterm-256color", 80, 24, 640, 480, modes);
        assertThat(channel.sendRequest(pty, true)).isTrue();
        assertThat(channel.sendRequest(new SessionRequest.Shell(), true)).isTrue();
        pair.pump();
        assertThat(channel.sendRequest(new SessionRequest.WindowChange(132, 43, 0, 0), false)).isTrue();
        pair.pump();
        assertThat(app.requests).hasSize(3);
        SessionRequest.PtyRequest received = (SessionRequest.PtyRequest) app.requests.get(0);
        assertThat(received.term()).isEqualTo("xterm-256color");
        assertThat(received.columns()).isEqualTo(80);
        assertThat(received.modes().encode()).isEqualTo(modes.encode());
        assertThat(app.requests.get(1)).isInstanceOf(SessionRequest.Shell.class);
        assertThat(app.requests.get(2)).isEqualTo(new SessionRequest.WindowChange(132, 43, 0, 0));
        pair.assertOpen();
    }

    @Test
    void authAttemptsBeforeTheServiceIsAcceptedWaitForIt() throws Exception {
        assertThat(pair.client.isAuthenticated()).isFalse();
        var result = pair.client.authPassword("alice", "wrong");
        pair.pump();
        assertThat(result).isCompletedExceptionally();
        assertThat(pair.client.isAuthenticated()).isFalse();
        pair.login();
        assertThat(pair.client.isAuthenticated()).isTrue();
        assertThat(pair.server.isAuthenticated()).isTrue();
        assertThat(pair.serverEvents.all).contains(new AuthAttempted("server", "alice", "password", "failure"));
        assertThat(List.of(pair.client.transport().isAuthenticated(), pair.server.transport().isAuthenticated()))
                .containsOnly(true);
    }
}
