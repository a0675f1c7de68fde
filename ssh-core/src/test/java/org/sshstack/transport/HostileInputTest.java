package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.compression.Compressor;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.Ignore;

/** Dropped connections, floods before authentication, a zlib bomb and hostile packet lengths at the engine level. */
class HostileInputTest {

    @Test
    void droppingTheConnectionAnywhereClosesCleanly() throws SshException {
        EnginePair reference = EnginePair.defaults();
        reference.pump();
        long total = reference.server.traffic().bytesIn() + 200; // client bytes of the handshake, with the banner
        for (long budget = 0; budget < total; budget += 53) {
            EnginePair pair = EnginePair.defaults();
            pair.clientToServerBudget = budget;
            pair.pump();
            pair.server.receiveEnd();
            pair.client.receiveEnd();
            for (TransportEngine engine : List.of(pair.client, pair.server)) {
                assertThat(engine.isClosed()).isTrue();
                assertThat(engine.closeException().orElseThrow()).isInstanceOf(SshException.class);
                assertThat(engine.nextDeadlineNanos()).isEqualTo(Long.MAX_VALUE);
            }
            assertThat(pair.server.closeException().orElseThrow().reason())
                    .isEqualTo(DisconnectReason.CONNECTION_LOST);
        }
    }

    @Test
    void ignoreFloodBeforeAuthenticationIsBounded() throws SshException {
        EnginePair pair = new EnginePair(b -> { }, b -> b.preAuthLimits(2000, 3),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
        byte[] ignore = new Ignore(new byte[16]).encode();
        for (int i = 0; i < 3000 && !pair.server.isClosed(); i++) {
            pair.client.injectRaw(ignore);
            if (i % 100 == 0) {
                pair.pump();
            }
        }
        pair.pump();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.closeException().orElseThrow().getMessage()).contains("before authentication");
        assertThat(pair.server.traffic().packetsIn()).isLessThanOrEqualTo(2001);
    }

    @Test
    void pingFloodBeforeAuthenticationIsNeverAnsweredAndBounded() throws SshException {
        EnginePair pair = new EnginePair(b -> { }, b -> b.preAuthLimits(1000, 3),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        pair.server.setOutboundHook(sent);
        for (int i = 0; i < 2000 && !pair.server.isClosed(); i++) {
            pair.client.injectRaw(HostilePeer.body(192));
            if (i % 50 == 0) {
                pair.pump();
            }
        }
        pair.pump();
        assertThat(sent.sent).doesNotContain(193);
        assertThat(pair.server.isClosed()).isTrue();
    }

    @Test
    void zlibBombEndsWithCompressionError() throws SshException {
        AlgorithmPreferences zlib = AlgorithmPreferences.builder(Role.CLIENT).compression("zlib@openssh.com", "none")
                .build();
        EnginePair pair = new EnginePair(b -> b.algorithms(zlib), b -> b.algorithms(zlib),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect().authenticate();
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().clientToServer().compression())
                .isEqualTo("zlib@openssh.com");
        pair.client.sendPayload(EngineHandshakeTest.payload(94, 1)); // compression works normally
        pair.pump();
        assertThat(pair.serverHandler.payloads).hasSize(1);
        // the bomb: ~1 KiB of deflate that inflates to 64 MiB, continuing the client's zlib stream is not needed:
        // the server's inflater fails on the size cap or on the foreign stream, either way a COMPRESSION_ERROR
        pair.client.encoder().startCompression(new BombCompressor());
        pair.client.injectRaw(new byte[] {94, 0});
        pair.pump();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.COMPRESSION_ERROR);
        assertThat(pair.serverHandler.payloads).hasSize(1);
    }

    /** Emits a zlib stream (header included) of 64 MiB of zeros, whatever it is asked to compress. */
    private static final class BombCompressor implements Compressor {
        @Override
        public byte[] compress(byte[] payload, int offset, int length) {
            Deflater deflater = new Deflater(9);
            byte[] zeros = new byte[1 << 20];
            byte[] out = new byte[200_000];
            int n = 0;
            for (int i = 0; i < 64; i++) {
                deflater.setInput(zeros);
                while (!deflater.needsInput()) {
                    n += deflater.deflate(out, n, out.length - n, Deflater.NO_FLUSH);
                }
            }
            n += deflater.deflate(out, n, out.length - n, Deflater.SYNC_FLUSH);
            deflater.end();
            return java.util.Arrays.copyOf(out, n);
        }

        @Override
        public void close() {
        }
    }

    @Test
    void hostilePacketLengths() {
        long[] fatal = {0, 1, 4, 5, 256 * 1024 + 1, 0x7FFFFFFFL, 0xFFFFFFFFL};
        for (long length : fatal) {
            TransportEngine client = new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                    .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
            byte[] banner = "SSH-2.0-evil\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] packet = new byte[4 + 64];
            packet[0] = (byte) (length >>> 24);
            packet[1] = (byte) (length >>> 16);
            packet[2] = (byte) (length >>> 8);
            packet[3] = (byte) length;
            packet[4] = 4;
            try {
                client.receive(banner, 0, banner.length);
                client.receive(packet, 0, packet.length);
            } catch (SshException e) {
                assertThat(e.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
            }
            assertThat(client.isClosed()).as("length %d", length).isTrue();
            assertThat(client.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void aLargeButLegalLengthWaitsForMoreBytes() throws SshException {
        TransportEngine client = new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
        byte[] start = "SSH-2.0-x\r\n\u0000\u0000\u0088\u00bc\u0004".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        client.receive(start, 0, start.length); // packet_length 35004: legal, incomplete
        assertThat(client.isClosed()).isFalse();
        client.receiveEnd();
        assertThat(client.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.CONNECTION_LOST);
    }

    @Test
    void sshOneIsRefused() {
        TransportEngine server = new TransportEngine(TransportConfig.server(List.of(EngineKeys.hostKey(KeyType.ED25519)))
                .random(EngineKeys.seeded(6)).build());
        byte[] line = "SSH-1.5-old\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            server.receive(line, 0, line.length);
        } catch (SshException e) {
            assertThat(e.reason()).isEqualTo(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        assertThat(server.isClosed()).isTrue();
        assertThat(server.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED);
    }
}
