package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.wire.WireLimits;

/**
 * CVE-2008-5161 (SECURITY.md B10): in CBC encrypt-and-MAC mode a first block that decrypts to an invalid length is
 * not reported at once; the opener asks for a fixed, capped amount of data and then fails exactly as a MAC mismatch
 * does (same exception type, reason and message form).
 */
class CbcOracleCountermeasureTest {

    static Stream<Combo> cbcCombos() {
        return Ciphers.legacy().stream().flatMap(c -> Stream.of(Combo.of(c, MacAlgorithm.HMAC_SHA2_256),
                Combo.of(c, MacAlgorithm.HMAC_SHA2_512)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcCombos")
    void corruptedLengthBlockFailsLikeAMacMismatchAfterTheCap(Combo combo) throws Exception {
        byte[] sealed = sealOne(combo, 100);
        // a flipped bit in the first ciphertext block garbles the whole decrypted block, length included
        int invalid = 0;
        for (int bit = 0; bit < combo.cipher().blockSize() * 8; bit++) {
            byte[] stream = Arrays.copyOf(sealed, 4 + CbcMode.CAMOUFLAGE_LENGTH + 64);
            stream[bit / 8] ^= (byte) (1 << (bit % 8));
            PacketOpener opener = combo.opener();
            int length = opener.decryptLength(5, stream, 0); // never throws on the decrypted length
            assertThat(length).isBetween(5, WireLimits.MAX_PACKET);
            assertThat((4 + length) % combo.cipher().blockSize()).isZero();
            if (length == CbcMode.CAMOUFLAGE_LENGTH) {
                invalid++;
                // bounded: the whole void packet fits the transport's 256 KiB cap
                assertThat(opener.wireLength(length)).isLessThanOrEqualTo(4 + WireLimits.MAX_PACKET + 64);
            }
            SshException failure = openFailure(opener, stream, length);
            assertThat(failure).isExactlyInstanceOf(MacMismatchException.class);
            assertThat(failure.reason()).isEqualTo(DisconnectReason.MAC_ERROR);
            assertThat(failure.getMessage()).isEqualTo(macFailureMessage(combo));
            // the opener stays failed
            assertThatThrownBy(() -> opener.decryptLength(6, stream, 0)).isInstanceOf(MacMismatchException.class);
        }
        assertThat(invalid).as("flips that give an invalid length").isGreaterThan(combo.cipher().blockSize() * 4);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcCombos")
    void voidPacketWaitsForTheFullCamouflageLength(Combo combo) throws Exception {
        byte[] sealed = sealOne(combo, 40);
        Random random = new Random(combo.cipher().ordinal());
        byte[] stream = new byte[4 + CbcMode.CAMOUFLAGE_LENGTH + combo.mac().macLength()];
        random.nextBytes(stream);
        System.arraycopy(sealed, 0, stream, 0, sealed.length);
        stream[0] ^= 0x55;
        PacketOpener opener = combo.opener();
        int length = opener.decryptLength(5, stream, 0);
        assertThat(length).isEqualTo(CbcMode.CAMOUFLAGE_LENGTH);
        // as the transport reads: nothing happens until wireLength(length) bytes are buffered
        assertThat(PacketStream.readOne(combo.opener(), 5, Arrays.copyOf(stream, stream.length - 1), 0)
                .plaintext()).isNull();
        assertThatThrownBy(() -> opener.open(5, stream, 0, length)).isInstanceOf(MacMismatchException.class)
                .hasMessage(macFailureMessage(combo));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cbcCombos")
    void encryptThenMacRejectsABadClearLengthAtOnce(Combo combo) throws Exception {
        Combo etm = Combo.of(combo.cipher(), MacAlgorithm.HMAC_SHA2_256_ETM);
        byte[] sealed = sealOne(etm, 40);
        Packets.writeInt(sealed, 0, 7); // the clear length: nothing secret to hide
        assertThatThrownBy(() -> etm.opener().decryptLength(5, sealed, 0)).isInstanceOf(SshException.class)
                .isNotInstanceOf(MacMismatchException.class);
    }

    private static String macFailureMessage(Combo combo) throws Exception {
        byte[] sealed = sealOne(combo, 100);
        sealed[sealed.length - 1] ^= 1; // the MAC itself
        PacketOpener opener = combo.opener();
        int length = opener.decryptLength(5, sealed, 0);
        SshException failure = openFailure(opener, sealed, length);
        assertThat(failure).isExactlyInstanceOf(MacMismatchException.class);
        return failure.getMessage();
    }

    private static SshException openFailure(PacketOpener opener, byte[] buf, int length) {
        try {
            opener.open(5, buf, 0, length);
        } catch (SshException e) {
            return e;
        }
        throw new AssertionError("opened");
    }

    private static byte[] sealOne(Combo combo, int payload) throws SshException {
        PacketSealer sealer = combo.sealer();
        byte[] plain = PacketStream.plainPacket(sealer, payload, new Random(payload));
        List<byte[]> wire = PacketStream.seal(sealer, 5, List.of(plain));
        return wire.get(0);
    }
}
