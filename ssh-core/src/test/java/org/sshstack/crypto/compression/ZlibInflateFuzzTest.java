package org.sshstack.crypto.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** ZlibInflateFuzz (SECURITY.md): mutated and random compressed packets only ever raise the project's exceptions. */
class ZlibInflateFuzzTest {

    private static final int CAP = 8192;
    private static final List<byte[]> VALID = validPackets();

    @Test
    void mutatedPacketsInAValidStreamOnlyRaiseTypedErrors() {
        for (long seed = 0; seed < 3000; seed++) {
            List<byte[]> packets = new ArrayList<>(VALID);
            int victim = (int) (seed % packets.size());
            packets.set(victim, Mutations.mutate(packets.get(victim), seed));
            assertThat(inflateAll(packets)).as("seed %d", seed).isIn("ok", "typed");
        }
    }

    @Property(tries = 2000, seed = "42")
    void randomBytesOnlyRaiseTypedErrors(@ForAll @Size(max = 300) byte[] input) {
        assertThat(inflateAll(List.of(input))).isIn("ok", "typed");
    }

    @Property(tries = 1000, seed = "7")
    void randomPacketsAfterAValidStartOnlyRaiseTypedErrors(@ForAll @Size(max = 200) byte[] input) {
        assertThat(inflateAll(List.of(VALID.get(0), VALID.get(1), input, VALID.get(2)))).isIn("ok", "typed");
    }

    private static String inflateAll(List<byte[]> packets) {
        try (ZlibDecompressor in = (ZlibDecompressor) CompressionAlgorithms.ZLIB.newDecompressor(CAP)) {
            try {
                for (byte[] packet : packets) {
                    assertThat(in.decompress(packet).length).isLessThanOrEqualTo(CAP);
                }
                return "ok";
            } catch (SshException e) {
                return "typed";
            } finally {
                assertThat(in.bufferCapacity()).isLessThanOrEqualTo(CAP + 1);
            }
        }
    }

    private static List<byte[]> validPackets() {
        Random random = new Random(11);
        List<byte[]> packets = new ArrayList<>();
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor()) {
            for (int i = 0; i < 12; i++) {
                byte[] payload = ZlibRoundTripTest.payload(random, i);
                packets.add(out.compress(payload, 0, Math.min(payload.length, CAP)));
            }
        }
        return packets;
    }
}
