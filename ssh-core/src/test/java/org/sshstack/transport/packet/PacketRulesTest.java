package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.MacMismatchException;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.crypto.compression.CompressionException;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.transport.packet.PacketTestSupport.Suite;
import org.sshstack.wire.WireLimits;

/** Decoder rules of RFC 4253 §6: padding bounds, MAC and tag checks, sequence numbers, bombs, sticky failure. */
class PacketRulesTest {

    static Stream<Suite> families() {
        return Suite.families().stream();
    }

    static Stream<Suite> encrypted() {
        return Suite.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void paddingMustBeAtLeastFourAndLeaveRoomForThePaddingLengthByte(Suite suite) throws SshException {
        PacketSealer shape = suite.sealer();
        int packetLength = 28;
        while ((4 + packetLength - shape.alignmentOffset()) % shape.blockSize() != 0) {
            packetLength++;
        }
        for (int padding : new int[] {0, 3, packetLength, packetLength + 1, 255}) {
            PacketDecoder decoder = PacketTestSupport.decoder(suite);
            byte[] wire = sealRaw(suite.sealer(), packetLength, padding);
            decoder.feed(wire, 0, wire.length);
            assertThatThrownBy(decoder::poll).as("padding %d", padding).isInstanceOf(SshProtocolException.class)
                    .isNotInstanceOf(MacMismatchException.class);
        }
        for (int padding : new int[] {4, packetLength - 1}) {
            PacketDecoder decoder = PacketTestSupport.decoder(suite);
            byte[] wire = sealRaw(suite.sealer(), packetLength, padding);
            decoder.feed(wire, 0, wire.length);
            assertThat(decoder.poll()).hasSize(packetLength - 1 - padding);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void flippingAnyByteOfAPacketIsRejected(Suite suite) throws SshException {
        byte[] wire = PacketTestSupport.encoder(suite, 11).encode(PacketTestSupport.payload(new Random(3), 60));
        for (int i = 0; i < wire.length; i++) {
            for (int bit : new int[] {0x01, 0x80}) {
                byte[] tampered = wire.clone();
                tampered[i] ^= (byte) bit;
                PacketDecoder decoder = PacketTestSupport.decoder(suite);
                decoder.feed(tampered, 0, tampered.length);
                SshException failure = PacketTestSupport.failure(decoder);
                assertThat(failure.reason()).isIn(DisconnectReason.MAC_ERROR, DisconnectReason.PROTOCOL_ERROR);
                if (i >= 4) {
                    // past the length field the length is intact, so the MAC or tag must catch it
                    assertThat(failure).as("byte %d", i).isInstanceOf(MacMismatchException.class);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encrypted")
    void aWrongSequenceNumberFailsTheMac(Suite suite) throws SshException {
        byte[] wire = PacketTestSupport.encoder(suite, 12).encode(new byte[] {2, 0, 0, 0, 0});
        PacketDecoder decoder = new PacketDecoder(WireLimits.MAX_PACKET, 1);
        decoder.install(suite.opener(), null);
        decoder.feed(wire, 0, wire.length);
        if (!suite.usesSequenceNumber()) {
            // RFC 5647 §7.1: AES-GCM has its own invocation counter
            assertThat(decoder.poll()).containsExactly(2, 0, 0, 0, 0);
            return;
        }
        SshException failure = PacketTestSupport.failure(decoder);
        if (suite.clearLength()) {
            assertThat(failure).isInstanceOf(MacMismatchException.class);
        }
    }

    @Test
    void aZlibBombInsideAValidEncryptedPacketIsACompressionError() throws SshException {
        Suite suite = Suite.of(CipherAlgorithm.CHACHA20_POLY1305, null);
        byte[] bomb = deflate(new byte[10 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(20_000);
        byte[] wire = PacketTestSupport.encoder(suite, 13).encode(bomb); // sent raw: the decoder inflates it
        PacketDecoder decoder = new PacketDecoder();
        decoder.install(suite.opener(), CompressionAlgorithms.ZLIB.newDecompressor());
        decoder.feed(wire, 0, wire.length);
        SshException failure = catchFailure(decoder);
        assertThat(failure).isInstanceOf(CompressionException.class);
        assertThat(failure.reason()).isEqualTo(DisconnectReason.COMPRESSION_ERROR);
        assertSticky(decoder, failure);
    }

    @Test
    void afterAFailureEveryCallThrowsTheSameException() throws SshException {
        Suite suite = Suite.of(CipherAlgorithm.AES128_CTR, MacAlgorithm.HMAC_SHA2_256_ETM);
        PacketEncoder encoder = PacketTestSupport.encoder(suite, 14);
        byte[] first = encoder.encode(new byte[] {94, 1});
        byte[] second = encoder.encode(new byte[] {94, 2});
        second[second.length - 1] ^= 1;
        byte[] third = encoder.encode(new byte[] {94, 3});
        byte[] stream = PacketTestSupport.concat(List.of(first, second, third));
        PacketDecoder decoder = PacketTestSupport.decoder(suite);
        decoder.feed(stream, 0, stream.length);
        assertThat(decoder.poll()).containsExactly(94, 1);
        SshException failure = catchFailure(decoder);
        assertThat(failure).isInstanceOf(MacMismatchException.class);
        assertThat(failure.reason()).isEqualTo(DisconnectReason.MAC_ERROR);
        assertSticky(decoder, failure);
        decoder.install(suite.opener(), null);
        assertSticky(decoder, failure);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void sequenceNumbersWrapAtTwoToTheThirtyTwo(Suite suite) throws SshException {
        int start = 0xffff_fffe;
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(15), WireLimits.MAX_PACKET, start);
        PacketDecoder decoder = new PacketDecoder(WireLimits.MAX_PACKET, start);
        encoder.install(suite.sealer(), null);
        decoder.install(suite.opener(), null);
        List<byte[]> payloads = PacketTestSupport.payloads(new Random(5), 10, 20, 30, 40);
        byte[] stream = PacketTestSupport.encodeAll(encoder, payloads);
        assertThat(encoder.sequenceNumber()).isEqualTo(2);
        assertThat(encoder.sequenceWrapped()).isTrue();
        List<byte[]> decoded = PacketTestSupport.decodeInChunks(decoder, stream, 7, new Random(6));
        assertThat(decoded).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(decoded.get(i)).isEqualTo(payloads.get(i));
        }
        assertThat(decoder.sequenceNumber()).isEqualTo(2);
        assertThat(decoder.sequenceWrapped()).isTrue();
        encoder.resetSequenceNumber();
        decoder.resetSequenceNumber();
        assertThat(encoder.sequenceNumber()).isZero();
        assertThat(decoder.sequenceWrapped()).isFalse();
        byte[] wire = encoder.encode(new byte[] {9});
        decoder.feed(wire, 0, wire.length);
        assertThat(decoder.poll()).containsExactly(9);
    }

    @Test
    void feedTakesOnlyWhatFitsAndADrainAlwaysMakesRoom() throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(16));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int packets = 2000;
        for (int i = 0; i < packets; i++) {
            byte[] payload = new byte[1000];
            Arrays.fill(payload, (byte) i);
            out.writeBytes(encoder.encode(payload));
        }
        byte[] stream = out.toByteArray();
        PacketDecoder decoder = new PacketDecoder();
        int taken = decoder.feed(stream, 0, stream.length);
        assertThat(taken).isEqualTo(decoder.capacity());
        List<byte[]> decoded = new ArrayList<>();
        int at = taken;
        while (true) {
            PacketTestSupport.drain(decoder, decoded);
            if (at == stream.length) {
                break;
            }
            int n = decoder.feed(stream, at, stream.length - at);
            assertThat(n).isPositive();
            at += n;
        }
        assertThat(decoded).hasSize(packets);
        assertThat(decoded.get(packets - 1)).containsOnly((byte) (packets - 1));
        assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
    }

    @Test
    void closedCodecsRefuseFurtherWork() throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(17));
        encoder.startCompression(CompressionAlgorithms.ZLIB.newCompressor());
        encoder.close();
        assertThatThrownBy(() -> encoder.encode(new byte[1])).isInstanceOf(SshException.class);
        assertThat(encoder.isFailed()).isTrue();
        PacketDecoder decoder = new PacketDecoder();
        decoder.close();
        decoder.close();
        assertThatThrownBy(decoder::poll).isInstanceOf(SshException.class);
        assertThatThrownBy(() -> decoder.feed(new byte[1], 0, 1)).isInstanceOf(SshException.class);
    }

    private static void assertSticky(PacketDecoder decoder, SshException failure) {
        assertThat(decoder.isFailed()).isTrue();
        assertThatThrownBy(decoder::poll).isSameAs(failure);
        assertThatThrownBy(() -> decoder.feed(new byte[4], 0, 4)).isSameAs(failure);
    }

    private static SshException catchFailure(PacketDecoder decoder) {
        try {
            decoder.poll();
        } catch (SshException expected) {
            return expected;
        }
        throw new AssertionError("expected a failure");
    }

    /** Seals a hand-made packet whose padding_length byte is {@code padding}, whatever the payload is. */
    static byte[] sealRaw(PacketSealer sealer, int packetLength, int padding) throws SshException {
        byte[] buf = new byte[4 + packetLength + sealer.tagLength()];
        new Random(packetLength * 31L + padding).nextBytes(buf);
        PacketLengthBoundsTest.writeInt(buf, 0, packetLength);
        buf[4] = (byte) padding;
        int n = sealer.seal(0, buf, 0, 4 + packetLength);
        return Arrays.copyOf(buf, n);
    }

    /** One zlib-wrapped, sync-flushed packet of compressed data. */
    static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(data);
            byte[] out = new byte[64 * 1024];
            int n = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
            assertThat(n).isLessThan(out.length);
            return Arrays.copyOf(out, n);
        } finally {
            deflater.end();
        }
    }
}
