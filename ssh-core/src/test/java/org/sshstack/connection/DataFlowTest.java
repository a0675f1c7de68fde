package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelExtendedData;
import org.sshstack.wire.ChannelWindowAdjust;
import org.sshstack.wire.MessageNumbers;

/** Windows, packet sizes, back-pressure and stdout/stderr independence (RFC 4254 §5.2). */
class DataFlowTest {

    private static final ConnectionConfig CONFIG = ConnectionConfig.defaults();

    private static byte[] random(int n, long seed) {
        byte[] out = new byte[n];
        new Random(seed).nextBytes(out);
        return out;
    }

    /** Writes everything it can, reads everything available on both sides, pumps; until done. */
    private static void transfer(Pair pair, List<ConnectionChannel[]> channels, List<byte[]> up, List<byte[]> down,
            List<ByteArrayOutputStream> gotUp, List<ByteArrayOutputStream> gotDown) throws SshException {
        int[] upSent = new int[channels.size()];
        int[] downSent = new int[channels.size()];
        byte[] buf = new byte[8192];
        boolean progress = true;
        while (progress) {
            progress = false;
            for (int i = 0; i < channels.size(); i++) {
                ConnectionChannel c = channels.get(i)[0];
                ConnectionChannel s = channels.get(i)[1];
                int n = c.write(up.get(i), upSent[i], up.get(i).length - upSent[i]);
                upSent[i] += n;
                int m = s.write(down.get(i), downSent[i], down.get(i).length - downSent[i]);
                downSent[i] += m;
                progress |= n > 0 || m > 0;
                progress |= drain(s, buf, gotUp.get(i)) | drain(c, buf, gotDown.get(i));
            }
            pair.pump();
        }
    }

    private static boolean drain(ConnectionChannel channel, byte[] buf, ByteArrayOutputStream into)
            throws SshException {
        boolean any = false;
        int n;
        while ((n = channel.read(buf, 0, buf.length)) > 0) {
            into.write(buf, 0, n);
            any = true;
        }
        return any;
    }

    @Test
    void hundredConcurrentChannelsTransferBothWays() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        List<ConnectionChannel[]> channels = new ArrayList<>();
        List<byte[]> up = new ArrayList<>();
        List<byte[]> down = new ArrayList<>();
        List<ByteArrayOutputStream> gotUp = new ArrayList<>();
        List<ByteArrayOutputStream> gotDown = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            channels.add(pair.openSession());
            up.add(random(20_000 + i * 997, i));
            down.add(random(30_000 + i * 1_301, 1000 + i));
            gotUp.add(new ByteArrayOutputStream());
            gotDown.add(new ByteArrayOutputStream());
        }
        transfer(pair, channels, up, down, gotUp, gotDown);
        for (int i = 0; i < 100; i++) {
            assertThat(gotUp.get(i).toByteArray()).isEqualTo(up.get(i));
            assertThat(gotDown.get(i).toByteArray()).isEqualTo(down.get(i));
        }
    }

    @Test
    void dataIsSplitIntoPacketsNoLargerThanThePeersMaximum() throws SshException {
        Pair pair = new Pair(CONFIG, CONFIG.withMaxPacket(1000), new ConnectionHandler() { }, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.clientSink.sent.clear();
        assertThat(ends[0].write(new byte[5500], 0, 5500)).isEqualTo(5500);
        assertThat(pair.clientSink.sent).hasSize(6)
                .allSatisfy(p -> assertThat(ChannelData.checkedDataLength(p)).isLessThanOrEqualTo(1000));
    }

    @Test
    void senderStopsExactlyAtTheWindowAndResumesAfterConsumption() throws SshException {
        int window = 64 * 1024;
        Pair pair = new Pair(CONFIG, CONFIG.withInitialWindow(window), new ConnectionHandler() { },
                Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        byte[] data = random(200_000, 7);
        int taken = ends[0].write(data, 0, data.length);
        pair.pump();
        assertThat(ends[1].available()).isEqualTo(window);
        assertThat(ends[0].sendWindow()).isZero();
        assertThat(ends[0].outboundPending()).isEqualTo(taken - window);
        byte[] buf = new byte[window];
        assertThat(ends[1].read(buf, 0, window / 2 - 1)).isEqualTo(window / 2 - 1);
        pair.pump();
        assertThat(ends[0].sendWindow()).isZero();
        assertThat(ends[1].available()).isEqualTo(window / 2 + 1);
        assertThat(ends[1].read(buf, window / 2 - 1, 1)).isEqualTo(1);
        pair.pump();
        assertThat(ends[1].available()).isEqualTo(window);
        assertThat(ends[0].outboundPending()).isEqualTo(taken - window - window / 2);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        got.write(buf, 0, window / 2);
        int sent = taken;
        while (got.size() < data.length) {
            if (sent < data.length) {
                sent += Math.max(0, ends[0].write(data, sent, data.length - sent));
            }
            pair.pump();
            drain(ends[1], buf, got);
            pair.pump();
        }
        assertThat(got.toByteArray()).isEqualTo(data);
    }

    @Test
    void writerFacingAZeroWindowGetsBackPressureAndAWritableEvent() throws SshException {
        ConnectionConfig config = CONFIG.withInitialWindow(1000).withOutboundBuffer(4000);
        Pair pair = new Pair(config, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        assertThat(ends[0].write(new byte[10_000], 0, 10_000)).isEqualTo(4000);
        pair.pump();
        assertThat(ends[0].outboundPending()).isEqualTo(3000);
        assertThat(ends[0].write(new byte[10_000], 0, 10_000)).isEqualTo(1000);
        assertThat(ends[0].write(new byte[10], 0, 10)).isZero();
        pair.clientEvents.writable.clear();
        ends[1].read(new byte[1000], 0, 1000);
        pair.pump();
        assertThat(pair.clientEvents.writable).contains(ends[0]);
        assertThat(ends[0].write(new byte[10_000], 0, 10_000)).isEqualTo(1000);
    }

    @Test
    void fullTransportQueueKeepsDataUntilWritable() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.clientSink.capacity = 2;
        byte[] data = random(200_000, 3);
        int taken = ends[0].write(data, 0, data.length);
        assertThat(pair.clientSink.queue).hasSize(2);
        ends[0].sendEof();
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int sent = taken;
        while (!ends[1].isEofReceived()) {
            pair.pump();
            pair.client.onWritable();
            drain(ends[1], buf, got);
        }
        drain(ends[1], buf, got);
        assertThat(got.toByteArray()).isEqualTo(java.util.Arrays.copyOf(data, sent));
        assertThat(ends[1].read(buf, 0, 1)).isEqualTo(-1);
    }

    @Test
    void peerExceedingTheWindowIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(1000), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.server.onPayload(ChannelData.encode(ends[1].localId(), new byte[600], 0, 600));
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(
                ChannelData.encode(ends[1].localId(), new byte[401], 0, 401)));
    }

    @Test
    void stderrCountsAgainstTheSameWindow() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(1000), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.client.onPayload(ChannelExtendedData.encode(ends[0].localId(), 1, new byte[999], 0, 999));
        ProtocolErrors.assertProtocolError(() -> pair.client.onPayload(
                ChannelData.encode(ends[0].localId(), new byte[2], 0, 2)));
    }

    @Test
    void maxPacketViolationIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG.withMaxPacket(1024), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ProtocolErrors.assertProtocolError(() -> pair.server.onPayload(
                ChannelData.encode(ends[1].localId(), new byte[1025], 0, 1025)));
    }

    @Test
    void windowAdjustOverflowIsAProtocolError() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.client.onPayload(new ChannelWindowAdjust(ends[0].localId(), 0).encode());
        long room = 0xffffffffL - ends[0].sendWindow();
        pair.client.onPayload(new ChannelWindowAdjust(ends[0].localId(), room).encode());
        assertThat(ends[0].sendWindow()).isEqualTo(0xffffffffL);
        ProtocolErrors.assertProtocolError(() -> pair.client.onPayload(
                new ChannelWindowAdjust(ends[0].localId(), 1).encode()));
    }

    @Test
    void windowAdjustIsSentOnlyAfterHalfTheWindowIsConsumed() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(10_000), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        ends[0].write(new byte[10_000], 0, 10_000);
        pair.pump();
        pair.serverSink.sent.clear();
        ends[1].read(new byte[4999], 0, 4999);
        assertThat(pair.serverSink.sent).isEmpty();
        ends[1].read(new byte[1], 0, 1);
        assertThat(pair.serverSink.sent).singleElement()
                .satisfies(p -> assertThat(p[0] & 0xff).isEqualTo(MessageNumbers.CHANNEL_WINDOW_ADJUST));
        assertThat(ChannelWindowAdjust.decode(pair.serverSink.sent.get(0)).bytesToAdd()).isEqualTo(5000);
    }

    @Test
    void unreadStderrNeverBlocksStdout() throws SshException {
        Pair pair = new Pair(CONFIG, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        byte[] err = random(ConnectionConfig.DEFAULT_WINDOW / 2, 11);
        int errSent = 0;
        while (errSent < err.length) {
            errSent += ends[1].writeStderr(err, errSent, err.length - errSent);
            pair.pump();
        }
        assertThat(ends[0].availableStderr()).isEqualTo(err.length);
        byte[] out = random(8 * 1024 * 1024, 12);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        int sent = 0;
        while (got.size() < out.length) {
            sent += ends[1].write(out, sent, out.length - sent);
            pair.pump();
            drain(ends[0], buf, got);
            pair.pump();
        }
        assertThat(got.toByteArray()).isEqualTo(out);
        byte[] errRead = new byte[err.length];
        int n = 0;
        while (n < err.length) {
            n += ends[0].readStderr(errRead, n, err.length - n);
        }
        assertThat(errRead).isEqualTo(err);
        assertThat(pair.clientEvents.stderrEvents).isPositive();
    }

    @Test
    void stdoutAndStderrPacketsAlternate() throws SshException {
        Pair pair = new Pair(CONFIG, CONFIG.withMaxPacket(100), new ConnectionHandler() { }, Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        pair.serverSink.full = true;
        ends[1].write(new byte[300], 0, 300);
        ends[1].writeStderr(new byte[300], 0, 300);
        pair.serverSink.full = false;
        pair.serverSink.sent.clear();
        pair.server.onWritable();
        assertThat(pair.serverSink.sent.stream().map(p -> p[0] & 0xff).toList()).containsExactly(94, 95, 94, 95,
                94, 95);
    }

    @Test
    void unknownExtendedDataTypesAreDroppedAndCredited() throws SshException {
        Pair pair = new Pair(CONFIG.withInitialWindow(1000), Pair.acceptAll());
        ConnectionChannel[] ends = pair.openSession();
        for (int i = 0; i < 10; i++) {
            pair.client.onPayload(ChannelExtendedData.encode(ends[0].localId(), 2, new byte[500], 0, 500));
        }
        assertThat(ends[0].available()).isZero();
        assertThat(ends[0].availableStderr()).isZero();
    }
}
