package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.wire.ChannelSuccess;
import org.sshstack.wire.RequestSuccess;

/** Channel requests (RFC 4254 §6) and global requests (§4): replies in order, refusals, OpenSSH extensions. */
class RequestsTest {

    private static final ConnectionConfig CONFIG = ConnectionConfig.defaults();

    /** A server handler that accepts exec and pty-req only, recording what it saw. */
    private static final class SessionServer implements ConnectionHandler {
        final List<SessionRequest> seen = new ArrayList<>();

        @Override
        public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
            return OpenDecision.accept();
        }

        @Override
        public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
            seen.add(request);
            return request instanceof SessionRequest.Exec || request instanceof SessionRequest.PtyRequest;
        }

        @Override
        public boolean onGlobalRequest(String requestName, byte[] data) {
            return requestName.startsWith("yes");
        }
    }

    @Test
    void execWithExitStatusAndExitSignal() throws SshException {
        SessionServer handler = new SessionServer();
        Pair pair = new Pair(CONFIG, handler);
        ConnectionChannel[] ends = pair.openSession();
        assertThat(ends[0].sendRequest(new SessionRequest.Exec("ls -l /tmp"), true)).isTrue();
        pair.pump();
        assertThat(handler.seen).containsExactly(new SessionRequest.Exec("ls -l /tmp"));
        assertThat(pair.clientEvents.replies).containsExactly(new RecordingListener.Reply("exec", true));
        ends[1].sendRequest(new SessionRequest.ExitStatus(0xfffffffeL), false);
        SessionRequest.ExitSignal signal = new SessionRequest.ExitSignal("KILL", true, "killed", "en");
        ends[1].sendRequest(signal, false);
        pair.pump();
        assertThat(pair.clientEvents.exitStatuses).containsExactly(0xfffffffeL);
        assertThat(pair.clientEvents.exitSignals).containsExactly(signal);
        assertThat(ends[0].exitStatus()).hasValue(0xfffffffeL);
        assertThat(ends[0].exitSignal()).contains(signal);
    }

    @Test
    void ptyRequestWithModesReachesTheHandler() throws SshException {
        SessionServer handler = new SessionServer();
        Pair pair = new Pair(CONFIG, handler);
        ConnectionChannel[] ends = pair.openSession();
        TerminalModes modes = TerminalModes.of(Map.of(TerminalModes.VINTR, 3L, TerminalModes.ECHO, 1L,
                TerminalModes.TTY_OP_ISPEED, 38400L));
        SessionRequest.PtyRequest pty = new SessionRequest.PtyRequest("xterm", 80, 24, 640, 480, modes);
        ends[0].sendRequest(pty, true);
        pair.pump();
        assertThat(handler.seen).containsExactly(pty);
        assertThat(((SessionRequest.PtyRequest) handler.seen.get(0)).modes().asMap())
                .containsEntry(TerminalModes.TTY_OP_ISPEED, 38400L).hasSize(3);
    }

    @Test
    void channelRepliesComeInRequestOrder() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].sendRequest(new SessionRequest.Env("LANG", "C"), true);
        ends[0].sendRequest(new SessionRequest.PtyRequest("vt100", 80, 24, 0, 0, TerminalModes.none()), true);
        ends[0].sendRequest(new SessionRequest.WindowChange(100, 30, 0, 0), false);
        ends[0].sendRequest(new SessionRequest.Unknown("custom@example.com", new byte[] {1}), true);
        ends[0].sendRequest(new SessionRequest.KeepAlive(), true);
        ends[0].sendRequest(new SessionRequest.Exec("true"), true);
        pair.pump();
        assertThat(pair.clientEvents.replies).containsExactly(new RecordingListener.Reply("env", false),
                new RecordingListener.Reply("pty-req", true),
                new RecordingListener.Reply("custom@example.com", false),
                new RecordingListener.Reply("keepalive@openssh.com", false),
                new RecordingListener.Reply("exec", true));
    }

    @Test
    void pendingRepliesAreBounded() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        for (int i = 0; i < CONFIG.maxPendingReplies(); i++) {
            assertThat(ends[0].sendRequest(new SessionRequest.Shell(), true)).isTrue();
        }
        assertThat(ends[0].sendRequest(new SessionRequest.Shell(), true)).isFalse();
        assertThat(ends[0].sendRequest(new SessionRequest.Shell(), false)).isTrue();
        for (int i = 0; i < CONFIG.maxPendingReplies(); i++) {
            assertThat(pair.client.sendGlobalRequest("yes-" + i, true, new byte[0])).isTrue();
        }
        assertThat(pair.client.sendGlobalRequest("one-more", true, new byte[0])).isFalse();
    }

    @Test
    void unsolicitedRepliesAreDropped() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        for (int i = 0; i < 10_000; i++) {
            pair.client.onPayload(new ChannelSuccess(ends[0].localId()).encode());
            pair.client.onPayload(new RequestSuccess().encode());
        }
        assertThat(pair.clientEvents.replies).isEmpty();
        assertThat(pair.clientEvents.globalReplies).isEmpty();
    }

    @Test
    void globalRepliesComeInOrderAndKeepaliveFails() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        pair.client.sendGlobalRequest("yes-1", true, new byte[0]);
        pair.client.sendGlobalRequest(ConnectionMultiplexer.KEEPALIVE, true, new byte[0]);
        pair.client.sendGlobalRequest("no-1", true, new byte[0]);
        pair.client.sendGlobalRequest("yes-2", false, new byte[0]);
        pair.client.sendGlobalRequest("yes-3", true, new byte[0]);
        pair.client.sendGlobalRequest(ConnectionMultiplexer.NO_MORE_SESSIONS, true, new byte[0]);
        pair.pump();
        assertThat(pair.clientEvents.globalReplies).containsExactly(new RecordingListener.Reply("yes-1", true),
                new RecordingListener.Reply(ConnectionMultiplexer.KEEPALIVE, false),
                new RecordingListener.Reply("no-1", false), new RecordingListener.Reply("yes-3", true),
                new RecordingListener.Reply(ConnectionMultiplexer.NO_MORE_SESSIONS, true));
    }

    @Test
    void repliesQueuedBehindAStalledTransportAreBounded() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        pair.serverSink.full = true;
        byte[] request = new org.sshstack.wire.ChannelRequest(ends[1].localId(), "shell", true, new byte[0]).encode();
        for (int i = 0; i < CONFIG.maxQueuedPayloads(); i++) {
            pair.server.onPayload(request);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pair.server.onPayload(request))
                .isInstanceOf(SshException.class).hasMessageContaining("stalled");
    }

    @Test
    void envValuesStayOutOfToString() {
        assertThat(new SessionRequest.Env("TOKEN", "s3cr3t").toString()).contains("TOKEN").doesNotContain("s3cr3t");
    }

    @Test
    void endOfWriteIsRecorded() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].sendRequest(new SessionRequest.EndOfWrite(), false);
        pair.pump();
        assertThat(ends[1].isEndOfWriteReceived()).isTrue();
    }

    @Test
    void malformedRequestDataIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        ConnectionChannel[] ends = pair.openSession();
        byte[] bad = new org.sshstack.wire.ChannelRequest(ends[1].localId(), "exec", true, new byte[] {0, 0, 0, 9})
                .encode();
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(bad));
    }

    @Test
    void unknownMessageNumbersAreReportedNotHandled() throws SshException {
        Pair pair = new Pair(CONFIG, new SessionServer());
        assertThat(pair.client.onPayload(new byte[] {(byte) 101})).isFalse();
        assertThat(pair.client.onPayload(new byte[] {(byte) 127, 1, 2})).isFalse();
    }
}
