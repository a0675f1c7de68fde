package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionConfig;

/** Data through many channels, through exhausted windows with slow readers, and across key re-exchanges. */
class ChannelFlowTest {

    private final TestApp app = new TestApp();

    /** One direction of one channel: what to write, what was read. */
    private static final class Flow {
        final ConnectionChannel writer;
        final ConnectionChannel reader;
        final byte[] data;
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        int written;

        Flow(ConnectionChannel writer, ConnectionChannel reader, byte[] data) {
            this.writer = writer;
            this.reader = reader;
            this.data = data;
        }

        boolean done() {
            return received.size() == data.length;
        }
    }

    private SessionPair pair(ConnectionConfig connection) throws Exception {
        SessionPair pair = new SessionPair(TestApp.passwords(), c -> c, app::forUser,
                c -> c.withConnection(connection), s -> s.withConnection(connection));
        app.pair = pair;
        return pair.login();
    }

    private static byte[] random(int length, long seed) {
        byte[] data = new byte[length];
        new Random(seed).nextBytes(data);
        return data;
    }

    private ConnectionChannel serverSide(ConnectionChannel client) {
        return app.channels.stream().filter(c -> c.remoteId() == client.localId()).findFirst().orElseThrow();
    }

    /**
     * Writes and reads until every flow is complete, reading at most {@code readChunk} bytes per flow per step.
     *
     * @param onStep called with the step number before each step (to start a rekey, say)
     */
    private static void transfer(SessionPair pair, List<Flow> flows, int readChunk, int windowLimit,
            StepHook onStep) throws SshException {
        byte[] buffer = new byte[readChunk];
        for (int step = 0; !flows.stream().allMatch(Flow::done); step++) {
            assertThat(step).as("transfer stalled").isLessThan(2_000_000);
            onStep.at(step);
            for (Flow flow : flows) {
                if (flow.written < flow.data.length) {
                    int n = flow.writer.write(flow.data, flow.written, flow.data.length - flow.written);
                    assertThat(n).isNotNegative();
                    flow.written += n;
                }
            }
            pair.step();
            for (Flow flow : flows) {
                assertThat(flow.reader.available()).as("buffered beyond the window").isLessThanOrEqualTo(windowLimit);
                int n = flow.reader.read(buffer, 0, buffer.length);
                if (n > 0) {
                    flow.received.write(buffer, 0, n);
                }
            }
        }
        for (Flow flow : flows) {
            assertThat(flow.received.toByteArray()).isEqualTo(flow.data);
        }
        pair.assertOpen();
    }

    /** Something to do at a given step. */
    interface StepHook {
        void at(int step) throws SshException;
    }

    @Test
    void hundredConcurrentChannelsBothWays() throws Exception {
        SessionPair pair = pair(ConnectionConfig.defaults());
        List<ConnectionChannel> clients = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            clients.add(pair.client.openSession());
        }
        pair.pump();
        assertThat(app.channels).hasSize(100);
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            ConnectionChannel client = clients.get(i);
            assertThat(client.state()).isEqualTo(ConnectionChannel.State.OPEN);
            ConnectionChannel server = serverSide(client);
            flows.add(new Flow(client, server, random(10_000 + i * 97, i)));
            flows.add(new Flow(server, client, random(12_000 + i * 89, 1000 + i)));
        }
        transfer(pair, flows, 8192, ConnectionConfig.DEFAULT_WINDOW, step -> { });
        assertThat(pair.client.connection().orElseThrow().channelCount()).isEqualTo(100);
    }

    @Test
    void exhaustedWindowsWithSlowReadersBothWays() throws Exception {
        int window = 16 * 1024;
        SessionPair pair = pair(ConnectionConfig.defaults().withInitialWindow(window).withMaxPacket(4096)
                .withOutboundBuffer(8192));
        ConnectionChannel client = pair.openSession();
        ConnectionChannel server = serverSide(client);
        List<Flow> flows = List.of(new Flow(client, server, random(512 * 1024, 1)),
                new Flow(server, client, random(384 * 1024, 2)));
        int[] maxPending = new int[1];
        transfer(pair, flows, 700, window, step -> maxPending[0] = Math.max(maxPending[0],
                Math.max(pair.client.pendingOutbound(), pair.server.pendingOutbound())));
        // what waits for the socket is bounded by the windows and packet size, not by the transfer size
        assertThat(maxPending[0]).isLessThan(4 * window);
    }

    @Test
    void rekeyInTheMiddleOfATransferFromEitherSide() throws Exception {
        SessionPair pair = pair(ConnectionConfig.defaults().withInitialWindow(64 * 1024).withMaxPacket(8192));
        ConnectionChannel client = pair.openSession();
        ConnectionChannel server = serverSide(client);
        List<Flow> flows = List.of(new Flow(client, server, random(1024 * 1024, 3)),
                new Flow(server, client, random(1024 * 1024, 4)));
        int before = pair.client.transport().keyExchangeCount();
        transfer(pair, flows, 4096, 64 * 1024, step -> {
            if (step == 20) {
                assertThat(pair.client.transport().renegotiateKeys()).isTrue();
            } else if (step == 200) {
                assertThat(pair.server.transport().renegotiateKeys()).isTrue();
            }
        });
        assertThat(pair.client.transport().keyExchangeCount()).isGreaterThanOrEqualTo(before + 2);
        assertThat(pair.server.transport().keyExchangeCount()).isGreaterThanOrEqualTo(before + 2);
    }
}
