package org.sshstack.crypto.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.wire.WireLimits;

/** Payloads through one compressor/decompressor pair: one stream per direction, packets inflated in order. */
class ZlibRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "zlib@openssh.com"})
    void manyPacketsOfVariedSizesAndContents(String name) throws Exception {
        CompressionAlgorithm algorithm = CompressionAlgorithms.byName(name).orElseThrow();
        Random random = new Random(17);
        try (Compressor out = algorithm.newCompressor(); Decompressor in = algorithm.newDecompressor()) {
            long total = 0;
            for (int i = 0; i < 300; i++) {
                byte[] payload = payload(random, i);
                byte[] wire = out.compress(payload);
                assertThat(in.decompress(wire)).as("packet %d", i).isEqualTo(payload);
                total += payload.length;
            }
            assertThat(in.bytesProduced()).isEqualTo(total);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 9})
    void slicesOfALargerArrayRoundTrip(int offset) throws Exception {
        byte[] array = "....the payload sits in the middle of a bigger buffer....".getBytes(StandardCharsets.US_ASCII);
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor();
                Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
            byte[] wire = out.compress(array, offset, 20);
            byte[] framed = new byte[wire.length + 7];
            System.arraycopy(wire, 0, framed, 3, wire.length);
            byte[] expected = new byte[20];
            System.arraycopy(array, offset, expected, 0, 20);
            assertThat(in.decompress(framed, 3, wire.length)).isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "zlib@openssh.com"})
    void contextCarriesAcrossPackets(String name) throws Exception {
        CompressionAlgorithm algorithm = CompressionAlgorithms.byName(name).orElseThrow();
        byte[] text = randomAscii(new Random(3), 2000);
        try (Compressor out = algorithm.newCompressor(); Decompressor in = algorithm.newDecompressor()) {
            byte[] first = out.compress(text);
            byte[] second = out.compress(text);
            // the second copy is a back-reference into the first: a fraction of its size
            assertThat(second.length).isLessThan(first.length / 10);
            assertThat(in.decompress(first)).isEqualTo(text);
            assertThat(in.decompress(second)).isEqualTo(text);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "zlib@openssh.com"})
    void laterPacketsNeedTheEarlierOnes(String name) throws Exception {
        CompressionAlgorithm algorithm = CompressionAlgorithms.byName(name).orElseThrow();
        byte[] text = randomAscii(new Random(4), 2000);
        try (Compressor out = algorithm.newCompressor(); Decompressor fresh = algorithm.newDecompressor()) {
            out.compress(text);
            byte[] second = out.compress(text);
            // out of order, the second packet lacks the zlib header and its back-references: refused, not guessed
            assertThat(attempt(fresh, second)).isEqualTo("typed");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "zlib@openssh.com"})
    void emptyPayloads(String name) throws Exception {
        CompressionAlgorithm algorithm = CompressionAlgorithms.byName(name).orElseThrow();
        try (Compressor out = algorithm.newCompressor(); Decompressor in = algorithm.newDecompressor()) {
            for (int i = 0; i < 5; i++) {
                // zlib emits nothing for a flush with no new input; either way the peer inflates it to nothing
                assertThat(in.decompress(out.compress(new byte[0]))).isEmpty();
                byte[] small = {(byte) i, 1, 2};
                assertThat(in.decompress(out.compress(small))).isEqualTo(small);
            }
            assertThat(in.decompress(new byte[0])).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void payloadExactlyAtTheCap(boolean random) throws Exception {
        byte[] payload = new byte[WireLimits.MAX_PACKET];
        if (random) {
            new Random(9).nextBytes(payload);
        }
        try (Compressor out = CompressionAlgorithms.ZLIB_OPENSSH.newCompressor();
                ZlibDecompressor in = (ZlibDecompressor) CompressionAlgorithms.ZLIB_OPENSSH.newDecompressor()) {
            for (int i = 0; i < 3; i++) {
                assertThat(in.decompress(out.compress(payload))).isEqualTo(payload);
            }
            assertThat(in.bufferCapacity()).isLessThanOrEqualTo(WireLimits.MAX_PACKET + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 100, 16 * 1024, 70_000})
    void incompressibleDataGrowsOnlySlightly(int size) throws Exception {
        byte[] payload = new byte[size];
        new Random(size).nextBytes(payload);
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor();
                Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
            byte[] wire = out.compress(payload);
            // stored blocks: 5 bytes per 16 KiB block, plus header and flush marker
            assertThat(wire.length).isLessThan(size + 5 * (size / 16384 + 1) + 16);
            assertThat(in.decompress(wire)).isEqualTo(payload);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 1000, WireLimits.MAX_PACKET})
    void largeOutputFromASmallCapStaysBounded(int cap) throws Exception {
        byte[] payload = new byte[cap];
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor();
                ZlibDecompressor in = (ZlibDecompressor) CompressionAlgorithms.ZLIB.newDecompressor(cap)) {
            assertThat(in.decompress(out.compress(payload))).hasSize(cap);
            assertThat(in.bufferCapacity()).isLessThanOrEqualTo(cap + 1);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"zlib", "zlib@openssh.com"})
    void streamIsOneValidZlibStream(String name) throws Exception {
        CompressionAlgorithm algorithm = CompressionAlgorithms.byName(name).orElseThrow();
        Random random = new Random(23);
        List<byte[]> payloads = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        try (Compressor out = algorithm.newCompressor()) {
            for (int i = 0; i < 50; i++) {
                byte[] payload = payload(random, i);
                payloads.add(payload);
                wire.write(out.compress(payload));
            }
        }
        assertThat(ZlibInteropTest.inflateWithFreshInflater(wire.toByteArray()))
                .isEqualTo(ZlibInteropTest.concat(payloads));
    }

    /** A payload of a kind picked by the packet number: text, zeros, random, repeats or empty. */
    static byte[] payload(Random random, int i) {
        int size = random.nextInt(i % 10 == 9 ? 40_000 : 1500);
        return switch (i % 5) {
            case 0 -> randomAscii(random, size);
            case 1 -> new byte[size];
            case 2 -> randomBytes(random, size);
            case 3 -> ("SSH_MSG_CHANNEL_DATA " + i + " ").repeat(1 + size / 25).getBytes(StandardCharsets.US_ASCII);
            default -> i % 20 == 4 ? new byte[0] : randomAscii(random, size / 3);
        };
    }

    static byte[] randomAscii(Random random, int size) {
        byte[] out = new byte[size];
        String alphabet = "abcdefghij klmnop\nqrstuvwxyz0123456789";
        for (int i = 0; i < size; i++) {
            out[i] = (byte) alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return out;
    }

    private static byte[] randomBytes(Random random, int size) {
        byte[] out = new byte[size];
        random.nextBytes(out);
        return out;
    }

    private static String attempt(Decompressor in, byte[] data) {
        try {
            in.decompress(data);
            return "ok";
        } catch (CompressionException e) {
            return "typed";
        }
    }
}
