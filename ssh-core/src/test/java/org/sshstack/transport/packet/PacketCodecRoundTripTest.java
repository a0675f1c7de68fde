package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.transport.packet.PacketTestSupport.Suite;

/** Every cipher × MAC × compression: payloads of 0..70000 bytes and the maximum survive any split of the stream. */
class PacketCodecRoundTripTest {

    private static final int PAYLOADS = 300;

    static Stream<Arguments> suites() {
        List<Arguments> out = new ArrayList<>();
        List<Suite> suites = new ArrayList<>(Suite.all());
        suites.add(0, Suite.CLEARTEXT);
        for (Suite suite : suites) {
            out.add(Arguments.of(suite, false));
            out.add(Arguments.of(suite, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, zlib={1}")
    @MethodSource("suites")
    void payloadsSurviveEverySplit(Suite suite, boolean zlib) throws SshException {
        long seed = suite.toString().hashCode() * 2L + (zlib ? 1 : 0);
        Random random = new Random(seed);
        PacketEncoder encoder = encoder(suite, zlib, seed);
        encoder.setRandomExtraPadding(random.nextBoolean());
        List<byte[]> payloads = new ArrayList<>(payloads(random, encoder.maxPayload()));

        byte[] stream = PacketTestSupport.encodeAll(encoder, payloads);
        assertThat(encoder.counters().packets()).isEqualTo(payloads.size());
        assertThat(encoder.counters().bytes()).isEqualTo(stream.length);

        assertDecodes(suite, zlib, stream, stream.length, payloads, random);
        assertDecodes(suite, zlib, stream, 9000, payloads, random);
        assertDecodes(suite, zlib, stream, 1, payloads, random);
    }

    private static void assertDecodes(Suite suite, boolean zlib, byte[] stream, int maxChunk, List<byte[]> expected,
            Random random) throws SshException {
        PacketDecoder decoder = decoder(suite, zlib);
        List<byte[]> decoded = PacketTestSupport.decodeInChunks(decoder, stream, maxChunk, random);
        assertThat(decoded).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(decoded.get(i)).as("payload %d, chunks of up to %d", i, maxChunk).isEqualTo(expected.get(i));
        }
        assertThat(decoder.buffered()).isZero();
        assertThat(decoder.sequenceNumber()).isEqualTo(expected.size());
        assertThat(decoder.counters().packets()).isEqualTo(expected.size());
        assertThat(decoder.counters().bytes()).isEqualTo(stream.length);
    }

    /** Sizes 0, 1, the maximum, then mostly small payloads with one in ten up to 70000 bytes. */
    private static List<byte[]> payloads(Random random, int max) {
        List<byte[]> out = new ArrayList<>();
        out.add(new byte[0]);
        out.add(new byte[] {21});
        out.add(PacketTestSupport.payload(random, max));
        for (int i = 0; i < PAYLOADS; i++) {
            int size = i % 10 == 0 ? random.nextInt(70_001) : random.nextInt(1500);
            out.add(PacketTestSupport.payload(random, size));
        }
        out.add(PacketTestSupport.payload(random, 70_000));
        return out;
    }

    private static PacketEncoder encoder(Suite suite, boolean zlib, long seed) throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(seed));
        encoder.install(suite.sealer(), zlib ? CompressionAlgorithms.ZLIB.newCompressor() : null);
        return encoder;
    }

    private static PacketDecoder decoder(Suite suite, boolean zlib) throws SshException {
        PacketDecoder decoder = new PacketDecoder();
        decoder.install(suite.opener(), zlib ? CompressionAlgorithms.ZLIB.newDecompressor() : null);
        return decoder;
    }
}
