package org.sshstack.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.transport.InsecureAcceptAllHostKeys;
import org.sshstack.transport.ProtocolEngine;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * The connection dropped by one side right after it has received its N-th packet, for each of the first 20
 * packets in each direction, over real loopback sockets: both engines end with a typed error, both drivers close,
 * nothing hangs and no thread outlives its connection.
 */
class TransportDropTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int PAYLOADS = 25;

    @ParameterizedTest(name = "server drops after packet {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void serverDropsAfterEachOfTheFirstTwentyPackets(int packets) throws Exception {
        run(packets, true);
    }

    @ParameterizedTest(name = "client drops after packet {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void clientDropsAfterEachOfTheFirstTwentyPackets(int packets) throws Exception {
        run(packets, false);
    }

    private static void run(int packets, boolean serverDrops) throws Exception {
        CountingThreadFactory threads = new CountingThreadFactory(Executors.defaultThreadFactory());
        DriverOptions options = DriverOptions.defaults().withThreadFactory(threads);
        TransportEngine clientEngine = new TransportEngine(TransportConfig.client("127.0.0.1", 22)
                .random(new SecureRandom()).hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
        TransportEngine serverEngine = new TransportEngine(TransportConfig.server(List.of(hostKey()))
                .random(new SecureRandom()).build());
        DroppingEngine client = new DroppingEngine(clientEngine, serverDrops ? Long.MAX_VALUE : packets);
        DroppingEngine server = new DroppingEngine(serverEngine, serverDrops ? packets : Long.MAX_VALUE);
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            BlockingDriver<DroppingEngine> clientDriver = BlockingDriver.connect(client,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), options);
            Socket accepted = listener.accept();
            BlockingDriver<DroppingEngine> serverDriver = BlockingDriver.start(server, accepted, options);
            exchangeUntilDropped(clientDriver, serverDriver);
            assertThat(clientDriver.awaitClosed(WAIT)).as("client driver closed").isTrue();
            assertThat(serverDriver.awaitClosed(WAIT)).as("server driver closed").isTrue();
        }
        DroppingEngine dropper = serverDrops ? server : client;
        DroppingEngine peer = serverDrops ? client : server;
        assertThat(dropper.dropped).as("the drop happened").isTrue();
        assertThat(peer.inner.isClosed()).isTrue();
        assertThat(peer.inner.closeException()).get().isInstanceOf(SshException.class);
        await().atMost(WAIT).until(() -> threads.live() == 0);
    }

    /** Drives the handshake, the service request and payloads both ways until one side has dropped. */
    private static void exchangeUntilDropped(BlockingDriver<DroppingEngine> client,
            BlockingDriver<DroppingEngine> server) throws InterruptedException {
        try {
            client.call(e -> {
                e.inner.requestService("ssh-userauth");
                return null;
            });
            client.await(e -> e.inner.service().isPresent(), WAIT, "service accepted");
            server.await(e -> e.inner.service().isPresent(), WAIT, "service started");
            for (int i = 0; i < PAYLOADS; i++) {
                byte[] request = {50, (byte) i};
                byte[] reply = {52, (byte) i};
                client.send(e -> e.inner.sendPayload(request), WAIT);
                server.send(e -> e.inner.sendPayload(reply), WAIT);
            }
        } catch (SshException expected) {
            // The drop ends the connection somewhere in here: that is the point of the test.
        }
    }

    private static ServerHostKey hostKey() throws Exception {
        SshKeyPair pair = KeyGenerator.ed25519("host", new SecureRandom());
        return new ServerHostKey(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), new SecureRandom()));
    }

    /** Feeds bytes one at a time and goes silent and closed once the inner engine has received N packets. */
    static final class DroppingEngine implements ProtocolEngine {
        final TransportEngine inner;
        private final long dropAfter;
        volatile boolean dropped;

        DroppingEngine(TransportEngine inner, long dropAfter) {
            this.inner = inner;
            this.dropAfter = dropAfter;
        }

        @Override
        public void receive(byte[] data, int offset, int length) throws SshException {
            for (int i = 0; i < length && !dropped; i++) {
                inner.receive(data, offset + i, 1);
                dropped = inner.traffic().packetsIn() >= dropAfter;
            }
        }

        @Override
        public void receiveEnd() {
            inner.receiveEnd();
        }

        @Override
        public int pendingOutbound() {
            return dropped ? 0 : inner.pendingOutbound();
        }

        @Override
        public int drainOutbound(byte[] target, int offset, int length) {
            return dropped ? 0 : inner.drainOutbound(target, offset, length);
        }

        @Override
        public long nextDeadlineNanos() {
            return dropped ? Long.MAX_VALUE : inner.nextDeadlineNanos();
        }

        @Override
        public void onTimer(long nowNanos) throws SshException {
            if (!dropped) {
                inner.onTimer(nowNanos);
            }
        }

        @Override
        public boolean isClosed() {
            return dropped || inner.isClosed();
        }
    }
}
