package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshProtocolException;

/** Packet framing rules the sealers and openers enforce (RFC 4253 §6): lengths, alignment, padding, buffer bounds. */
class FramingTest {

    static List<Combo> combos() {
        return Combo.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void paddingLengthAlignsAndStaysInRange(Combo combo) throws Exception {
        PacketSealer sealer = combo.sealer();
        for (int payload = 0; payload < 100; payload++) {
            int padding = sealer.paddingLength(payload);
            assertThat(padding).isBetween(4, 4 + sealer.blockSize() - 1);
            assertThat((4 + 1 + payload + padding - sealer.alignmentOffset()) % sealer.blockSize()).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void implausibleClearOrDecryptedLengthsAreProtocolErrors(Combo combo) throws Exception {
        for (int length : new int[] {0, 1, 4, 7, 0x7fffffff, 0x80000000, 0xffffffff, 12 + 16 * 3 + 1}) {
            PacketOpener opener = combo.opener();
            byte[] buf = lengthHeader(combo, opener, length);
            if (combo.cipher().isLegacy() && !combo.mac().etm()) {
                // CBC encrypt-and-MAC: CVE-2008-5161 countermeasure, the failure comes later as a MAC mismatch
                assertThat(opener.decryptLength(0, buf, 0)).as("length %d", length & 0xffffffffL)
                        .isEqualTo(CbcMode.CAMOUFLAGE_LENGTH);
                continue;
            }
            assertThatThrownBy(() -> opener.decryptLength(0, buf, 0))
                    .as("length %d", length & 0xffffffffL)
                    .isInstanceOf(SshProtocolException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void tooShortBuffersAreProtocolErrorsNotIndexErrors(Combo combo) throws Exception {
        PacketOpener opener = combo.opener();
        byte[] small = new byte[opener.lengthBytes() - 1];
        assertThatThrownBy(() -> opener.decryptLength(0, small, 0)).isInstanceOf(SshProtocolException.class);
        byte[] wire = PacketStream.seal(combo.sealer(), 0,
                List.of(PacketStream.plainPacket(combo.sealer(), 10, new Random(1)))).get(0);
        PacketOpener fresh = combo.opener();
        int length = fresh.decryptLength(0, wire, 0);
        byte[] cut = Arrays.copyOf(wire, wire.length - 1);
        assertThatThrownBy(() -> fresh.open(0, cut, 0, length)).isInstanceOf(SshProtocolException.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void authenticatedPacketWithTooLittlePaddingIsAProtocolError(Combo combo) throws Exception {
        PacketSealer sealer = combo.sealer();
        byte[] packet = PacketStream.plainPacket(sealer, 20, new Random(2));
        packet[4] = 3; // RFC 4253 §6: at least four bytes of padding
        byte[] wire = PacketStream.seal(sealer, 5, List.of(packet)).get(0);
        PacketOpener opener = combo.opener();
        int length = opener.decryptLength(5, wire, 0);
        assertThatThrownBy(() -> opener.open(5, wire, 0, length))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("padding");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void sealerRefusesMisalignedOrMislabelledPacketsAndMissingTagRoom(Combo combo) throws Exception {
        PacketSealer sealer = combo.sealer();
        byte[] packet = PacketStream.plainPacket(sealer, 30, new Random(3));
        byte[] noRoom = packet.clone();
        assertThatThrownBy(() -> sealer.seal(0, noRoom, 0, noRoom.length))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] misaligned = Arrays.copyOf(packet, packet.length + 1 + 64);
        Packets.writeInt(misaligned, 0, packet.length - 4 + 1);
        assertThatThrownBy(() -> sealer.seal(0, misaligned, 0, packet.length + 1))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] mislabelled = Arrays.copyOf(packet, packet.length + 64);
        Packets.writeInt(mislabelled, 0, 5);
        assertThatThrownBy(() -> sealer.seal(0, mislabelled, 0, packet.length))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cleartextRoundTripAndChecks() throws Exception {
        PacketSealer sealer = Cleartext.sealer();
        PacketOpener opener = Cleartext.opener();
        byte[] packet = PacketStream.plainPacket(sealer, 17, new Random(4));
        byte[] buf = packet.clone();
        assertThat(sealer.seal(0, buf, 0, buf.length)).isEqualTo(packet.length);
        assertThat(buf).isEqualTo(packet);
        int length = opener.decryptLength(0, buf, 0);
        assertThat(opener.open(0, buf, 0, length)).isEqualTo(packet.length);
        assertThat((4 + length) % 8).isZero();
        byte[] odd = {0, 0, 0, 9, 4, 0, 0, 0, 0, 0, 0, 0, 0};
        assertThatThrownBy(() -> opener.decryptLength(0, odd, 0)).isInstanceOf(SshProtocolException.class);
    }

    /** A buffer whose first {@code lengthBytes()} bytes decode (decrypt) to the given packet_length. */
    private static byte[] lengthHeader(Combo combo, PacketOpener opener, int length) throws Exception {
        byte[] buf = new byte[64];
        Packets.writeInt(buf, 0, length);
        if (combo.cipher() == CipherAlgorithm.CHACHA20_POLY1305) {
            ChaCha20 header = new ChaCha20(combo.key(), 32);
            header.resetOriginal(new byte[8], 0, 0);
            header.xor(buf, 0, buf, 0, 4);
        } else if (!combo.cipher().isAead() && opener.lengthBytes() == AesCtr.BLOCK) {
            // encrypt-and-MAC: the opener decrypts the first block with the CTR stream from the IV
            AesCtr.apply(AesCtr.newCipher(javax.crypto.Cipher.ENCRYPT_MODE, combo.key(), combo.iv()), buf, 0, 16);
        }
        return buf;
    }
}
