package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.MacMismatchException;
import org.sshstack.crypto.compression.CompressionAlgorithms;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.transport.packet.PacketTestSupport.Suite;

/**
 * Keys change exactly after NEWKEYS (RFC 4253 §7.3): bytes of later packets, already buffered, are opened with the
 * new keys; with strict kex both sides reset their sequence numbers (draft-ietf-sshm-strict-kex §3.3).
 */
class PacketKeyChangeTest {

    private static final byte[] NEWKEYS = {21};

    static Stream<Arguments> switches() {
        List<Arguments> out = new ArrayList<>();
        for (Suite suite : Suite.all()) {
            out.add(Arguments.of(suite, false));
            out.add(Arguments.of(suite, true));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, strict={1}")
    @MethodSource("switches")
    void cleartextThenNewKeysThenEncryptedInOneFeed(Suite suite, boolean strict) throws SshException {
        Random random = new Random(7);
        List<byte[]> before = PacketTestSupport.payloads(random, 20, 1000, 3);
        List<byte[]> after = PacketTestSupport.payloads(random, 5, 40_000, 0, 300, 17);
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(1));
        List<byte[]> wire = new ArrayList<>();
        for (byte[] payload : before) {
            wire.add(encoder.encode(payload));
        }
        wire.add(encoder.encode(NEWKEYS));
        encoder.install(suite.sealer(), CompressionAlgorithms.ZLIB.newCompressor());
        if (strict) {
            encoder.resetSequenceNumber();
        }
        assertThat(encoder.counters().packetsSinceKeys()).isZero();
        for (byte[] payload : after) {
            wire.add(encoder.encode(payload));
        }
        byte[] stream = PacketTestSupport.concat(wire);

        PacketDecoder decoder = new PacketDecoder();
        assertThat(decoder.feed(stream, 0, stream.length)).isEqualTo(stream.length);
        for (byte[] payload : before) {
            assertThat(decoder.poll()).isEqualTo(payload);
        }
        assertThat(decoder.poll()).isEqualTo(NEWKEYS);
        int encryptedBytes = stream.length - (int) decoder.counters().bytes();
        assertThat(decoder.buffered()).isEqualTo(encryptedBytes);
        decoder.install(suite.opener(), CompressionAlgorithms.ZLIB.newDecompressor());
        if (strict) {
            decoder.resetSequenceNumber();
        }
        for (byte[] payload : after) {
            assertThat(decoder.poll()).isEqualTo(payload);
        }
        assertThat(decoder.poll()).isNull();
        assertThat(decoder.buffered()).isZero();
        assertThat(decoder.sequenceNumber()).isEqualTo(encoder.sequenceNumber())
                .isEqualTo(strict ? after.size() : before.size() + 1 + after.size());
        assertThat(decoder.counters().packetsSinceKeys()).isEqualTo(after.size());
        assertThat(decoder.counters().bytesSinceKeys()).isEqualTo(encryptedBytes);
    }

    @Test
    void rekeyFromOneSuiteToAnotherMidStream() throws SshException {
        Suite first = Suite.of(CipherAlgorithm.CHACHA20_POLY1305, null);
        Suite second = Suite.of(CipherAlgorithm.AES256_CTR, MacAlgorithm.HMAC_SHA2_512);
        PacketEncoder encoder = PacketTestSupport.encoder(first, 3);
        byte[] a = encoder.encode(new byte[] {94, 1, 2, 3});
        byte[] b = encoder.encode(NEWKEYS);
        encoder.install(second.sealer(), null);
        byte[] c = encoder.encode(new byte[] {94, 4, 5, 6});
        byte[] stream = PacketTestSupport.concat(List.of(a, b, c));

        PacketDecoder decoder = PacketTestSupport.decoder(first);
        decoder.feed(stream, 0, stream.length);
        assertThat(decoder.poll()).containsExactly(94, 1, 2, 3);
        assertThat(decoder.poll()).isEqualTo(NEWKEYS);
        decoder.install(second.opener(), null);
        assertThat(decoder.poll()).containsExactly(94, 4, 5, 6);
        assertThat(decoder.sequenceNumber()).isEqualTo(3);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.sshstack.transport.packet.PacketTestSupport$Suite#all")
    void aResetOnOnlyOneSideBreaksTheStream(Suite suite) throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(2));
        byte[] kexinit = encoder.encode(new byte[] {20, 0, 0, 0});
        byte[] newkeys = encoder.encode(NEWKEYS);
        encoder.install(suite.sealer(), null);
        encoder.resetSequenceNumber(); // the sender is strict, the receiver is not
        byte[] extInfo = encoder.encode(new byte[] {7, 0, 0, 0, 0});
        byte[] stream = PacketTestSupport.concat(List.of(kexinit, newkeys, extInfo));

        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(stream, 0, stream.length);
        decoder.poll();
        decoder.poll();
        decoder.install(suite.opener(), null);
        if (!suite.usesSequenceNumber()) {
            // RFC 5647 §7.1: AES-GCM's nonce is its own invocation counter, not the sequence number
            assertThat(decoder.poll()).containsExactly(7, 0, 0, 0, 0);
            return;
        }
        SshException failure = PacketTestSupport.failure(decoder);
        if (suite.clearLength()) {
            assertThat(failure).isInstanceOf(MacMismatchException.class);
            assertThat(failure.reason()).isEqualTo(DisconnectReason.MAC_ERROR);
        }
    }

    @Test
    void installInTheMiddleOfAPacketIsAnEngineBug() throws SshException {
        PacketEncoder encoder = new PacketEncoder(PacketTestSupport.seeded(4));
        byte[] wire = encoder.encode(new byte[100]);
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(wire, 0, 20);
        assertThat(decoder.poll()).isNull();
        assertThatThrownBy(() -> decoder.install(Suite.CLEARTEXT.opener(), null))
                .isInstanceOf(IllegalStateException.class);
        decoder.feed(wire, 20, wire.length - 20);
        assertThat(decoder.poll()).hasSize(100);
    }

    @Test
    void delayedCompressionStartsBetweenTwoPackets() throws SshException {
        Suite suite = Suite.of(CipherAlgorithm.AES128_GCM, null);
        PacketEncoder encoder = PacketTestSupport.encoder(suite, 5);
        byte[] success = encoder.encode(new byte[] {52});
        // draft-miller-secsh-compression-delayed §3: compression starts after USERAUTH_SUCCESS
        encoder.startCompression(CompressionAlgorithms.ZLIB_OPENSSH.newCompressor());
        byte[] data = new byte[10_000];
        byte[] compressed = encoder.encode(data);
        assertThat(compressed.length).isLessThan(1000);
        byte[] stream = PacketTestSupport.concat(List.of(success, compressed));

        PacketDecoder decoder = PacketTestSupport.decoder(suite);
        decoder.feed(stream, 0, stream.length);
        assertThat(decoder.poll()).containsExactly(52);
        decoder.startDecompression(CompressionAlgorithms.ZLIB_OPENSSH.newDecompressor());
        assertThat(decoder.poll()).isEqualTo(data);
    }
}
