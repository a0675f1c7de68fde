package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.transport.packet.PacketTestSupport.Suite;
import org.sshstack.wire.WireLimits;

/** Encoder framing (RFC 4253 §6): padding bounds and alignment, the payload cap, counters. */
class PacketEncoderTest {

    private static final int CAP = WireLimits.MAX_PACKET;

    static Stream<Suite> families() {
        return Suite.families().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void paddingIsRandomAtLeastFourAtMost255AndAligned(Suite suite) throws SshException {
        for (boolean extra : new boolean[] {false, true}) {
            Recorder recorder = new Recorder(suite.sealer());
            PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(21));
            encoder.install(recorder, null);
            encoder.setRandomExtraPadding(extra);
            Set<Integer> paddings = new HashSet<>();
            Set<Byte> paddingBytes = new HashSet<>();
            for (int len = 0; len <= 300; len++) {
                byte[] payload = new byte[len];
                Arrays.fill(payload, (byte) 0x5a);
                encoder.encode(payload);
                byte[] plain = recorder.last;
                int packetLength = readInt(plain);
                int padding = plain[4] & 0xff;
                assertThat(packetLength).isEqualTo(plain.length - 4).isEqualTo(1 + len + padding);
                assertThat(padding).isBetween(4, 255);
                assertThat((plain.length - recorder.alignmentOffset()) % recorder.blockSize()).isZero();
                assertThat(Arrays.copyOfRange(plain, 5, 5 + len)).isEqualTo(payload);
                if (!extra) {
                    assertThat(padding).isLessThan(4 + recorder.blockSize());
                }
                paddings.add(padding);
                for (int i = 5 + len; i < plain.length; i++) {
                    paddingBytes.add(plain[i]);
                }
            }
            assertThat(paddings.size()).isGreaterThan(extra ? 10 : 1);
            assertThat(paddingBytes.size()).as("padding bytes are random").isGreaterThan(200);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void theLargestPayloadFitsTheCapExactlyAndOneMoreIsRefused(Suite suite) throws SshException {
        PacketEncoder encoder = PacketTestSupport.encoder(suite, 22);
        PacketSealer shape = suite.sealer();
        int max = encoder.maxPayload();
        int expected = shape.alignmentOffset() == 4 ? CAP - 5 : CAP - 9; // 262139 or 262135
        assertThat(max).isEqualTo(expected);
        assertThat(1 + max + shape.paddingLength(max)).isLessThanOrEqualTo(CAP);
        assertThat(1 + max + 1 + shape.paddingLength(max + 1)).isGreaterThan(CAP);

        assertThatThrownBy(() -> encoder.encode(new byte[max + 1])).isInstanceOf(PacketTooLargeException.class);
        assertThat(encoder.isFailed()).isFalse();
        assertThat(encoder.sequenceNumber()).isZero();
        byte[] wire = encoder.encode(new byte[max]);
        assertThat(wire.length).isEqualTo((shape.alignmentOffset() == 4 ? 4 + CAP : CAP) + shape.tagLength());
        PacketDecoder decoder = PacketTestSupport.decoder(suite);
        decoder.feed(wire, 0, wire.length);
        assertThat(decoder.poll()).hasSize(max);
    }

    @Test
    void compressionReservesRoomForIncompressibleData() throws SshException {
        Suite suite = Suite.of(CipherAlgorithm.AES256_GCM, null);
        PacketEncoder encoder = PacketTestSupport.encoder(suite, 23);
        int plainMax = encoder.maxPayload();
        encoder.startCompression(CompressionAlgorithms.ZLIB.newCompressor());
        assertThat(encoder.maxPayload()).isEqualTo(plainMax - PacketEncoder.COMPRESSION_SLACK);
        byte[] random = new byte[encoder.maxPayload()];
        new java.util.Random(1).nextBytes(random);
        byte[] wire = encoder.encode(random);
        assertThat(wire.length).isLessThanOrEqualTo(4 + CAP + 16);
        PacketDecoder decoder = PacketTestSupport.decoder(suite);
        decoder.startDecompression(CompressionAlgorithms.ZLIB.newDecompressor());
        decoder.feed(wire, 0, wire.length);
        assertThat(decoder.poll()).isEqualTo(random);
    }

    @Test
    void countersRestartPerKeysAndTotalsRunOn() throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(24));
        long bytes = 0;
        for (int i = 0; i < 10; i++) {
            bytes += encoder.encode(new byte[i * 10]).length;
        }
        assertThat(encoder.counters().packets()).isEqualTo(10);
        assertThat(encoder.counters().bytes()).isEqualTo(bytes);
        encoder.install(Suite.of(CipherAlgorithm.AES128_CTR, MacAlgorithm.HMAC_SHA2_256_ETM).sealer(), null);
        assertThat(encoder.counters().packetsSinceKeys()).isZero();
        assertThat(encoder.counters().bytesSinceKeys()).isZero();
        long since = 0;
        for (int i = 0; i < 5; i++) {
            since += encoder.encode(new byte[100]).length;
        }
        assertThat(encoder.counters().packetsSinceKeys()).isEqualTo(5);
        assertThat(encoder.counters().bytesSinceKeys()).isEqualTo(since);
        assertThat(encoder.counters().packets()).isEqualTo(15);
        assertThat(encoder.counters().bytes()).isEqualTo(bytes + since);
        assertThat(encoder.sequenceNumber()).isEqualTo(15);
        assertThat(encoder.counters().toString()).contains("packets=15");
    }

    @Test
    void encodeWritesIntoAReusedBuffer() throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(25));
        int n = encoder.encode(new byte[] {1, 2, 3}, 1, 2);
        byte[] first = encoder.buffer();
        assertThat(readInt(first)).isEqualTo(n - 4);
        assertThat(first[5]).isEqualTo((byte) 2);
        encoder.encode(new byte[] {4}, 0, 1);
        assertThat(encoder.buffer()).isSameAs(first);
        assertThatThrownBy(() -> new PacketEncoder(PacketTestSupport.seeded(1), 10, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int readInt(byte[] buf) {
        return (buf[0] & 0xff) << 24 | (buf[1] & 0xff) << 16 | (buf[2] & 0xff) << 8 | buf[3] & 0xff;
    }

    /** Records the plaintext packet handed to the real sealer. */
    private static final class Recorder implements PacketSealer {
        private final PacketSealer delegate;
        private byte[] last;

        Recorder(PacketSealer delegate) {
            this.delegate = delegate;
        }

        @Override
        public int blockSize() {
            return delegate.blockSize();
        }

        @Override
        public int alignmentOffset() {
            return delegate.alignmentOffset();
        }

        @Override
        public int tagLength() {
            return delegate.tagLength();
        }

        @Override
        public int seal(int seq, byte[] buf, int off, int len) throws SshException {
            last = Arrays.copyOfRange(buf, off, off + len);
            return delegate.seal(seq, buf, off, len);
        }
    }
}
