package org.sshstack.crypto.compression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.WireLimits;

/** The registry, the delayed flag, the {@code none} method and resource hygiene of every method. */
class CompressionAlgorithmsTest {

    @Test
    void looksUpEveryMethodByWireName() {
        assertThat(CompressionAlgorithms.all()).extracting(CompressionAlgorithm::wireName)
                .containsExactly("none", "zlib@openssh.com", "zlib");
        for (CompressionAlgorithm algorithm : CompressionAlgorithms.all()) {
            assertThat(CompressionAlgorithms.byName(algorithm.wireName())).containsSame(algorithm);
        }
        assertThat(CompressionAlgorithms.byName("ZLIB")).isEmpty();
        assertThat(CompressionAlgorithms.byName("zlib@openssh.co")).isEmpty();
        assertThat(CompressionAlgorithms.byName("")).isEmpty();
    }

    @Test
    void onlyTheOpenSshMethodIsDelayed() {
        assertThat(CompressionAlgorithms.ZLIB_OPENSSH.delayed()).isTrue();
        assertThat(CompressionAlgorithms.ZLIB.delayed()).isFalse();
        assertThat(CompressionAlgorithms.NONE.delayed()).isFalse();
        assertThat(CompressionAlgorithms.NONE.compresses()).isFalse();
        assertThat(CompressionAlgorithms.ZLIB.compresses()).isTrue();
    }

    @Test
    void delayedMethodIsActiveOnlyAfterAuthentication() {
        assertThat(CompressionAlgorithms.ZLIB_OPENSSH.activeWhen(false)).isFalse();
        assertThat(CompressionAlgorithms.ZLIB_OPENSSH.activeWhen(true)).isTrue();
        assertThat(CompressionAlgorithms.ZLIB.activeWhen(false)).isTrue();
        assertThat(CompressionAlgorithms.ZLIB.activeWhen(true)).isTrue();
        assertThat(CompressionAlgorithms.NONE.activeWhen(true)).isFalse();
    }

    @Test
    void noneCopiesPayloadsWithinTheCap() throws Exception {
        byte[] payload = "\u0005\u0000\u0000\u0000\u000cssh-userauth".getBytes(StandardCharsets.US_ASCII);
        try (Compressor out = CompressionAlgorithms.NONE.newCompressor();
                Decompressor in = CompressionAlgorithms.NONE.newDecompressor(64)) {
            byte[] wire = out.compress(payload, 0, payload.length);
            assertThat(wire).isEqualTo(payload).isNotSameAs(payload);
            assertThat(in.decompress(wire)).isEqualTo(payload);
            assertThat(in.bytesProduced()).isEqualTo(payload.length);
            assertThatThrownBy(() -> in.decompress(new byte[65]))
                    .isInstanceOf(CompressionException.class)
                    .extracting(e -> ((CompressionException) e).reason())
                    .isEqualTo(DisconnectReason.COMPRESSION_ERROR);
        }
    }

    @Test
    void defaultCapIsTheMaximumPacket() {
        for (CompressionAlgorithm algorithm : CompressionAlgorithms.all()) {
            try (Decompressor in = algorithm.newDecompressor()) {
                assertThat(in.maxPayload()).isEqualTo(WireLimits.MAX_PACKET);
            }
        }
    }

    @Test
    void refusesAnAbsurdCap() {
        for (CompressionAlgorithm algorithm : CompressionAlgorithms.all()) {
            assertThatThrownBy(() -> algorithm.newDecompressor(0)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> algorithm.newDecompressor(CompressionAlgorithms.MAX_CAP + 1))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void closeIsIdempotentAndUseAfterCloseFailsClearly() {
        for (CompressionAlgorithm algorithm : CompressionAlgorithms.all()) {
            Compressor out = algorithm.newCompressor();
            Decompressor in = algorithm.newDecompressor();
            out.close();
            out.close();
            in.close();
            in.close();
            if (algorithm.compresses()) {
                assertThatThrownBy(() -> out.compress(new byte[1])).isInstanceOf(IllegalStateException.class);
                assertThatThrownBy(() -> in.decompress(new byte[1])).isInstanceOf(IllegalStateException.class);
            }
        }
    }

    @Test
    void toStringIsTheWireName() {
        for (CompressionAlgorithm algorithm : CompressionAlgorithms.all()) {
            assertThat(algorithm).hasToString(algorithm.wireName());
        }
    }
}
