package org.sshstack.transport.packet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.cipher.MacMismatchException;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.transport.packet.PacketTestSupport.Suite;
import org.sshstack.wire.WireLimits;

/**
 * Hostile packet_length values (SECURITY.md B1, russh CVE-2024-43410): refused as soon as they are decrypted, before
 * anything is buffered for them; a plausible length waits for bytes with bounded memory and then fails the MAC.
 */
class PacketLengthBoundsTest {

    private static final int CAP = WireLimits.MAX_PACKET;
    private static final long[] LENGTHS = {0, 1, 4, 5, 15, 16, 8, 12, 28, CAP - 4, CAP, CAP + 1, CAP + 4, CAP + 12,
        0x7fff_ffffL, 0x8000_0000L, 0xffff_ffffL, 0xffff_fff0L};

    static Stream<Suite> families() {
        return Suite.families().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void everyHostileLengthIsRefusedOrWaitedForWithBoundedMemory(Suite suite) throws SshException {
        PacketSealer shape = suite.sealer();
        for (long length : LENGTHS) {
            PacketDecoder decoder = PacketTestSupport.decoder(suite);
            byte[] header = header(suite, length);
            decoder.feed(header, 0, header.length);
            boolean aligned = (4 + length - shape.alignmentOffset()) % shape.blockSize() == 0;
            if (length < 5 || length > CAP || !aligned) {
                SshException failure = catchFailure(decoder);
                assertThat(failure).as("length %d", length).isInstanceOf(SshProtocolException.class);
                assertThat(failure.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
                if (length > CAP && length < 0x7000_0000L && aligned) {
                    assertThat(failure).isInstanceOf(PacketTooLargeException.class);
                }
            } else {
                if (4 + length + shape.tagLength() > 16) {
                    assertThat(decoder.poll()).as("length %d", length).isNull();
                    // nothing is allocated for the announced length
                    assertThat(decoder.bufferLength()).isEqualTo(PacketDecoder.INITIAL_BUFFER);
                }
                SshException failure = PacketTestSupport.failure(decoder);
                if (suite.cipher() != null) {
                    assertThat(failure).as("length %d", length).isInstanceOf(MacMismatchException.class);
                }
            }
            assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("families")
    void randomHeadersEitherFailTypedOrWaitWithoutGrowing(Suite suite) throws SshException {
        Random random = new Random(suite.toString().hashCode());
        int waited = 0;
        for (int i = 0; i < 2000; i++) {
            byte[] header = new byte[16];
            random.nextBytes(header);
            PacketDecoder decoder = PacketTestSupport.decoder(suite);
            decoder.feed(header, 0, header.length);
            try {
                assertThat(decoder.poll()).isNull();
                waited++;
                assertThat(decoder.bufferLength()).isEqualTo(PacketDecoder.INITIAL_BUFFER);
                if (i % 20 == 0) {
                    PacketTestSupport.failure(decoder);
                }
            } catch (SshProtocolException expected) {
                assertThat(decoder.buffered()).isEqualTo(16);
                assertThat(decoder.bufferLength()).isEqualTo(PacketDecoder.INITIAL_BUFFER);
            } catch (RuntimeException | Error e) {
                fail("header " + i + " raised " + e, e);
            }
        }
        assertThat(waited).isLessThan(2000);
    }

    @Test
    void aHostileLengthFollowedByAMegabyteInOneFeedStaysWithinCapacity() throws SshException {
        PacketDecoder decoder = new PacketDecoder();
        byte[] junk = new byte[1024 * 1024];
        writeInt(junk, 0, CAP + 4); // aligned for the cleartext block size 8, just above the cap
        int taken = decoder.feed(junk, 0, junk.length);
        assertThat(taken).isEqualTo(decoder.capacity()).isLessThan(CAP + 2 * PacketDecoder.READ_HEADROOM);
        assertThat(decoder.remainingCapacity()).isZero();
        assertThat(decoder.feed(junk, taken, junk.length - taken)).isZero();
        assertThatThrownBy(decoder::poll).isInstanceOf(PacketTooLargeException.class);
        assertThat(decoder.bufferLength()).isLessThanOrEqualTo(decoder.capacity());
    }

    @Test
    void aSmallerCapIsEnforcedToo() throws SshException {
        PacketDecoder decoder = new PacketDecoder(35_000, 0);
        byte[] header = new byte[8];
        writeInt(header, 0, 35_004); // 4 + 35004 is a multiple of 8
        decoder.feed(header, 0, header.length);
        assertThatThrownBy(decoder::poll).isInstanceOf(PacketTooLargeException.class);
        assertThat(decoder.capacity()).isEqualTo(4 + 35_000 + PacketDecoder.MAX_TAG + PacketDecoder.READ_HEADROOM);
    }

    private static SshException catchFailure(PacketDecoder decoder) {
        try {
            byte[] payload = decoder.poll();
            throw new AssertionError("expected a failure, got " + (payload == null ? "a wait" : "a payload"));
        } catch (SshException expected) {
            assertThat(decoder.buffered()).isEqualTo(16); // nothing more was buffered for the hostile length
            return expected;
        }
    }

    /**
     * The first 16 wire bytes that the suite's opener decrypts to {@code length}. For encrypted lengths (CTR with an
     * encrypt-and-MAC MAC, chacha20-poly1305) the keystream of packet 0 is recovered by sealing a known packet with
     * the same keys, then XORed with the wanted length.
     */
    static byte[] header(Suite suite, long length) throws SshException {
        byte[] plain = new byte[16];
        writeInt(plain, 0, (int) length);
        if (suite.clearLength()) {
            return plain;
        }
        PacketSealer sealer = suite.sealer();
        int padding = sealer.paddingLength(16);
        int packetLength = 1 + 16 + padding;
        byte[] packet = new byte[4 + packetLength + sealer.tagLength()];
        writeInt(packet, 0, packetLength);
        packet[4] = (byte) padding;
        byte[] known = packet.clone();
        sealer.seal(0, packet, 0, 4 + packetLength);
        byte[] header = new byte[16];
        for (int i = 0; i < 16; i++) {
            header[i] = (byte) (plain[i] ^ packet[i] ^ known[i]);
        }
        return header;
    }

    static void writeInt(byte[] buf, int off, int value) {
        buf[off] = (byte) (value >>> 24);
        buf[off + 1] = (byte) (value >>> 16);
        buf[off + 2] = (byte) (value >>> 8);
        buf[off + 3] = (byte) value;
    }
}
