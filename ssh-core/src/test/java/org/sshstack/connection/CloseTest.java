package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.wire.ChannelClose;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelEof;
import org.sshstack.wire.ChannelRequest;
import org.sshstack.wire.ChannelWindowAdjust;
import org.sshstack.wire.MessageNumbers;

/** EOF and CLOSE in both directions, races, and messages for freed ids (RFC 4254 §5.3). */
class CloseTest {

    private static final ConnectionConfig CONFIG = ConnectionConfig.defaults();

    @Test
    void eofThenCloseFromTheServerWithExitStatus() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[1].write("out".getBytes(), 0, 3);
        ends[1].sendEof();
        ends[1].sendRequest(new SessionRequest.ExitStatus(3), false);
        ends[1].close();
        pair.pump();
        byte[] buf = new byte[10];
        assertThat(ends[0].read(buf, 0, 10)).isEqualTo(3);
        assertThat(ends[0].read(buf, 0, 10)).isEqualTo(-1);
        assertThat(ends[0].exitStatus()).hasValue(3);
        assertThat(ends[0].state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(ends[1].state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(pair.clientEvents.eofs).containsExactly(ends[0]);
        assertThat(pair.clientEvents.closed).containsExactly(ends[0]);
        assertThat(pair.serverEvents.closed).containsExactly(ends[1]);
        assertThat(pair.client.channelCount()).isZero();
        assertThat(pair.server.channelCount()).isZero();
    }

    @Test
    void bothSidesCloseAtOnceSendEachCloseOnce() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.clientSink.sent.clear();
        pair.serverSink.sent.clear();
        ends[0].close();
        ends[1].close();
        pair.pump();
        assertThat(pair.clientSink.sent).singleElement()
                .satisfies(p -> assertThat(p[0] & 0xff).isEqualTo(MessageNumbers.CHANNEL_CLOSE));
        assertThat(pair.serverSink.sent).singleElement()
                .satisfies(p -> assertThat(p[0] & 0xff).isEqualTo(MessageNumbers.CHANNEL_CLOSE));
        assertThat(ends[0].state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(ends[1].state()).isEqualTo(ConnectionChannel.State.CLOSED);
    }

    @Test
    void closeWaitsForBufferedDataAndEof() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(100), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        assertThat(ends[0].write(new byte[250], 0, 250)).isEqualTo(250);
        ends[0].sendEof();
        ends[0].close();
        assertThat(ends[0].write(new byte[1], 0, 1)).isEqualTo(-1);
        byte[] buf = new byte[100];
        int total = 0;
        while (!ends[1].isEofReceived() || ends[1].available() > 0) {
            pair.pump();
            int n = ends[1].read(buf, 0, 100);
            total += Math.max(n, 0);
        }
        pair.pump();
        assertThat(total).isEqualTo(250);
        assertThat(ends[0].state()).isEqualTo(ConnectionChannel.State.CLOSED);
    }

    @Test
    void abortClosesDespiteAPeerThatNeverAdjusts() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(100), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].write(new byte[1000], 0, 1000);
        pair.pump();
        ends[0].abort();
        pair.pump();
        assertThat(ends[0].state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(ends[0].outboundPending()).isZero();
    }

    @Test
    void closeBeforeEofIsFine() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].close();
        pair.pump();
        assertThat(ends[1].state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(ends[1].isEofReceived()).isFalse();
        assertThat(ends[1].read(new byte[1], 0, 1)).isEqualTo(-1);
    }

    @Test
    void dataAfterEofIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.server.onPayload(new ChannelEof(ends[1].localId()).encode());
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(
                ChannelData.encode(ends[1].localId(), new byte[1], 0, 1)));
    }

    @Test
    void aRepeatedEofIsIgnoredAsByOpenSsh() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.server.onPayload(new ChannelEof(ends[1].localId()).encode());
        pair.server.onPayload(new ChannelEof(ends[1].localId()).encode()); // rclone's Go client does this
        assertThat(pair.serverEvents.eofs).containsExactly(ends[1]);
        assertThat(ends[1].state()).isEqualTo(ConnectionChannel.State.OPEN);
        assertThat(ends[1].isEofReceived()).isTrue();
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(
                ChannelData.encode(ends[1].localId(), new byte[1], 0, 1)));
    }

    @Test
    void messagesForFreedOrUnknownIdsAreProtocolErrors() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].close();
        pair.pump();
        int freed = ends[1].localId();
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(ChannelData.encode(freed, new byte[1], 0, 1)));
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(new ChannelClose(freed).encode()));
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(new ChannelWindowAdjust(freed, 5).encode()));
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(
                new ChannelRequest(-1, "shell", true, new byte[0]).encode()));
    }

    @Test
    void dataOnAChannelNotYetConfirmedIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel opening = pair.client.openSession();
        ProtocolErrors.assertProtocolError(() -> pair.client.onPayload(
                ChannelData.encode(opening.localId(), new byte[1], 0, 1)));
    }

    @Test
    void messagesInFlightAfterOurCloseAreAbsorbed() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].close();
        int id = ends[0].localId();
        pair.client.onPayload(ChannelData.encode(id, new byte[10], 0, 10));
        pair.client.onPayload(new ChannelRequest(id, "exit-status", true, new byte[4]).encode());
        pair.client.onPayload(new ChannelWindowAdjust(id, 10).encode());
        pair.client.onPayload(new ChannelEof(id).encode());
        assertThat(ends[0].available()).isZero();
        pair.pump();
        assertThat(ends[0].state()).isEqualTo(ConnectionChannel.State.CLOSED);
    }

    @Test
    void closeWhileOpeningIsSentAfterTheConfirmation() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel opening = pair.client.openSession();
        opening.close();
        pair.pump();
        assertThat(opening.state()).isEqualTo(ConnectionChannel.State.CLOSED);
        assertThat(pair.server.channelCount()).isZero();
    }
}
