package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.testing.Mutations;
import org.sshstack.transport.packet.PacketTestSupport.Suite;

/** Fuzz-style regression (SECURITY.md BinaryPacketFuzz): mutated packet streams end in payloads or SshException. */
class PacketFuzzTest {

    private static final int SEEDS = 1500;

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (Suite suite : Suite.families()) {
            out.add(Arguments.of(suite, false));
        }
        out.add(Arguments.of(Suite.CLEARTEXT, true));
        out.add(Arguments.of(Suite.families().get(4), true));
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, zlib={1}")
    @MethodSource("cases")
    void mutatedStreamsOnlyRaiseSshException(Suite suite, boolean zlib) throws SshException {
        PacketEncoder encoder = PacketTestSupport.encoder(suite, 31);
        if (zlib) {
            encoder.startCompression(CompressionAlgorithms.ZLIB.newCompressor());
        }
        Random random = new Random(32);
        List<byte[]> payloads = PacketTestSupport.payloads(random, 1, 40, 300, 7, 90);
        byte[] valid = PacketTestSupport.encodeAll(encoder, payloads);
        int failures = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] input = Mutations.mutate(valid, seed);
            PacketDecoder decoder = PacketTestSupport.decoder(suite);
            if (zlib) {
                decoder.startDecompression(CompressionAlgorithms.ZLIB.newDecompressor());
            }
            try {
                List<byte[]> decoded = PacketTestSupport.decodeInChunks(decoder, input, 64, random);
                assertThat(decoded.size()).isLessThanOrEqualTo(payloads.size() + 4);
            } catch (SshException expected) {
                failures++;
                assertThat(expected.getMessage()).isNotBlank();
                assertThat(decoder.isFailed()).isTrue();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " raised " + e, e);
            }
            assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
        }
        assertThat(failures).isPositive();
    }

    @Property(tries = 2000, seed = "42")
    void arbitraryBytesOnlyRaiseSshException(@ForAll byte[] data) {
        PacketDecoder decoder = new PacketDecoder();
        try {
            decoder.feed(data, 0, data.length);
            while (decoder.poll() != null) {
                assertThat(decoder.buffered()).isLessThanOrEqualTo(data.length);
            }
        } catch (SshException expected) {
            assertThat(decoder.isFailed()).isTrue();
        }
    }
}
