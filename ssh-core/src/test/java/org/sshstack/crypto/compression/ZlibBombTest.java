package org.sshstack.crypto.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.wire.WireLimits;

/** Decompression bombs and bad zlib data end the connection with COMPRESSION_ERROR and bounded memory (B6). */
class ZlibBombTest {

    private static final int TEN_MIB = 10 * 1024 * 1024;

    @Test
    void tenMibOfZerosInOnePacketStopsJustPastTheCap() {
        byte[] bomb = deflateOnePacket(new byte[TEN_MIB]);
        assertThat(bomb.length).isLessThan(20_000);
        try (ZlibDecompressor in = (ZlibDecompressor) CompressionAlgorithms.ZLIB_OPENSSH.newDecompressor()) {
            assertThatThrownBy(() -> in.decompress(bomb))
                    .isInstanceOf(CompressionException.class)
                    .hasMessageContaining("cap")
                    .extracting(e -> ((SshException) e).reason()).isEqualTo(DisconnectReason.COMPRESSION_ERROR);
            assertThat(in.bytesProduced()).isLessThanOrEqualTo(WireLimits.MAX_PACKET + 1L);
            assertThat(in.bufferCapacity()).isLessThanOrEqualTo(WireLimits.MAX_PACKET + 1);
            // the stream is out of step now: every later packet fails too
            assertThatThrownBy(() -> in.decompress(new byte[] {3, 0})).isInstanceOf(CompressionException.class);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 4096, 50_000})
    void smallCapsStopOneBytePast(int cap) {
        byte[] bomb = deflateOnePacket(new byte[cap + 1]);
        try (ZlibDecompressor in = (ZlibDecompressor) CompressionAlgorithms.ZLIB.newDecompressor(cap)) {
            assertThatThrownBy(() -> in.decompress(bomb)).isInstanceOf(CompressionException.class);
            assertThat(in.bytesProduced()).isEqualTo(cap + 1L);
            assertThat(in.bufferCapacity()).isLessThanOrEqualTo(cap + 1);
        }
    }

    @Test
    void aBombSpreadOverManyPacketsUnderTheCapIsFine() throws Exception {
        int chunk = WireLimits.MAX_PACKET;
        byte[] zeros = new byte[chunk];
        try (Compressor out = CompressionAlgorithms.ZLIB_OPENSSH.newCompressor();
                Decompressor in = CompressionAlgorithms.ZLIB_OPENSSH.newDecompressor()) {
            for (int i = 0; i < TEN_MIB / chunk; i++) {
                assertThat(in.decompress(out.compress(zeros))).hasSize(chunk).containsOnly(0);
            }
            assertThat(in.bytesProduced()).isEqualTo(TEN_MIB);
        }
    }

    @Test
    void garbageIsACompressionError() {
        Random random = new Random(99);
        for (int i = 0; i < 200; i++) {
            byte[] garbage = new byte[1 + random.nextInt(300)];
            random.nextBytes(garbage);
            garbage[0] = 0x13; // never a valid zlib CMF byte
            try (Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
                assertThatThrownBy(() -> in.decompress(garbage))
                        .isInstanceOf(CompressionException.class)
                        .extracting(e -> ((SshException) e).reason())
                        .isEqualTo(DisconnectReason.COMPRESSION_ERROR);
            }
        }
    }

    @Test
    void anEndedStreamIsRefused() {
        Deflater deflater = new Deflater();
        deflater.setInput(new byte[] {1, 2, 3});
        deflater.finish();
        byte[] buffer = new byte[64];
        int n = deflater.deflate(buffer);
        deflater.end();
        byte[] finished = Arrays.copyOf(buffer, n);
        try (Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
            assertThatThrownBy(() -> in.decompress(finished)).isInstanceOf(CompressionException.class)
                    .hasMessageContaining("ended");
        }
    }

    @Test
    void aPresetDictionaryIsRefused() {
        Deflater deflater = new Deflater();
        deflater.setDictionary(new byte[] {9, 9, 9, 9});
        deflater.setInput(new byte[] {9, 9, 9, 9, 9});
        byte[] buffer = new byte[64];
        int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
        deflater.end();
        byte[] withDictionary = Arrays.copyOf(buffer, n);
        try (Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
            assertThatThrownBy(() -> in.decompress(withDictionary)).isInstanceOf(CompressionException.class)
                    .hasMessageContaining("dictionary");
        }
    }

    @Test
    void aTruncatedPacketIsNotAnError() throws Exception {
        // a packet cut short is only "not yet inflatable": the rest arrives in the next packet of the stream
        byte[] payload = ZlibRoundTripTest.randomAscii(new Random(5), 5000);
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor();
                Decompressor in = CompressionAlgorithms.ZLIB.newDecompressor()) {
            byte[] wire = out.compress(payload);
            int half = wire.length / 2;
            byte[] first = in.decompress(wire, 0, half);
            byte[] second = in.decompress(wire, half, wire.length - half);
            assertThat(ZlibInteropTest.concat(List.of(first, second))).isEqualTo(payload);
        }
    }

    /** One SSH packet's worth of deflate output for the whole input, as a hostile peer would send it. */
    private static byte[] deflateOnePacket(byte[] input) {
        try (Compressor out = CompressionAlgorithms.ZLIB.newCompressor()) {
            return out.compress(input);
        }
    }
}
