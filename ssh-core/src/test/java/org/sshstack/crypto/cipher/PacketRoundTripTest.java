package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.testing.Mutations;

/**
 * Every cipher × MAC combination: packets sealed and read back from one stream, then every byte of a packet flipped,
 * a wrong sequence number, and mutated or random bytes fed to the opener. Failures must be typed SshExceptions.
 */
class PacketRoundTripTest {

    private static final int FIRST_SEQ = -3; // 0xfffffffd: the sequence number wraps inside the run (RFC 4253 §6.4)

    static List<Combo> combos() {
        return Combo.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void sealedPacketsReadBackFromOneStream(Combo combo) throws Exception {
        List<byte[]> plain = plainPackets(combo, 25);
        byte[] stream = PacketStream.concat(PacketStream.seal(combo.sealer(), FIRST_SEQ, plain));
        PacketOpener opener = combo.opener();
        int off = 0;
        for (int i = 0; i < plain.size(); i++) {
            PacketStream.Read read = PacketStream.readOne(opener, FIRST_SEQ + i, stream, off);
            assertThat(read.plaintext()).as("packet %d", i).isEqualTo(plain.get(i));
            off += read.consumed();
        }
        assertThat(off).isEqualTo(stream.length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void everyFlippedByteOfAPacketIsRejected(Combo combo) throws Exception {
        List<byte[]> plain = plainPackets(combo, 2);
        List<byte[]> wire = PacketStream.seal(combo.sealer(), FIRST_SEQ, plain);
        byte[] target = wire.get(1);
        for (int at = 0; at < target.length; at++) {
            PacketOpener opener = combo.opener();
            byte[] first = wire.get(0).clone();
            PacketStream.readOne(opener, FIRST_SEQ, first, 0);
            byte[] stream = Arrays.copyOf(target, target.length + 4096);
            stream[at] ^= (byte) (1 << (at % 8));
            int position = at;
            try {
                PacketStream.Read read = PacketStream.readOne(opener, FIRST_SEQ + 1, stream, 0);
                assertThat(read.plaintext()).as("flip at %d accepted", position).isNull();
                // CBC decrypts the length from the whole first block: a flip anywhere in it changes the length
                assertThat(position).as("only a changed length can leave the packet incomplete")
                        .isLessThan(lengthSpan(combo));
            } catch (SshException e) {
                if (position >= 4) {
                    assertThat(e).as("flip at %d", position).isInstanceOf(MacMismatchException.class);
                    assertThat(e.reason()).isEqualTo(DisconnectReason.MAC_ERROR);
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void wrongSequenceNumberIsRejected(Combo combo) throws Exception {
        byte[] wire = PacketStream.seal(combo.sealer(), 41, plainPackets(combo, 1)).get(0);
        PacketOpener opener = combo.opener();
        if (combo.cipher() == CipherAlgorithm.AES128_GCM || combo.cipher() == CipherAlgorithm.AES256_GCM) {
            // RFC 5647 §7.1: AES-GCM's nonce is its own invocation counter; the sequence number plays no part
            assertThat(PacketStream.readOne(opener, 42, wire.clone(), 0).plaintext()).isNotNull();
            return;
        }
        // read as the transport would: never accepted (rejected, or a garbage length that waits or hits the cap)
        try {
            assertThat(PacketStream.readOne(opener, 42, wire.clone(), 0).plaintext()).isNull();
        } catch (SshException expected) {
            assertThat(expected).isInstanceOfAny(MacMismatchException.class, SshProtocolException.class);
        }
        // with the true length given, the MAC or tag itself must fail for a sequence number off by one either way
        int packetLength = wire.length - 4 - combo.opener().tagLength();
        for (int seq : new int[] {40, 42}) {
            PacketOpener fresh = combo.opener();
            byte[] buf = wire.clone();
            try {
                fresh.decryptLength(seq, buf, 0);
            } catch (SshProtocolException garbageLength) {
                // chacha20-poly1305 decrypts the length with the sequence number as nonce
            }
            assertThatThrownBy(() -> fresh.open(seq, buf, 0, packetLength)).isInstanceOf(MacMismatchException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void mutatedPacketsFailOnlyWithTypedExceptions(Combo combo) throws Exception {
        byte[] valid = PacketStream.concat(PacketStream.seal(combo.sealer(), 0, plainPackets(combo, 1)));
        int accepted = 0;
        for (long seed = 0; seed < 400; seed++) {
            byte[] input = Mutations.mutate(valid, seed);
            if (feed(combo, input)) {
                accepted++;
            }
        }
        // only mutations that leave the sealed packet intact (e.g. bytes appended after it) may open
        assertThat(accepted).isLessThan(100);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combos")
    void randomGarbageFailsOnlyWithTypedExceptions(Combo combo) throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 300; i++) {
            byte[] garbage = new byte[random.nextInt(200)];
            random.nextBytes(garbage);
            if (i % 3 == 0 && garbage.length >= 4) {
                Packets.writeInt(garbage, 0, random.nextInt(garbage.length)); // a plausible clear length
            }
            assertThat(feed(combo, garbage)).as("garbage %d opened", i).isFalse();
        }
    }

    /** @return true when the input opened; false when incomplete or rejected with an SshException */
    private static boolean feed(Combo combo, byte[] input) throws SshException {
        try {
            return PacketStream.readOne(combo.opener(), 0, input, 0).plaintext() != null;
        } catch (SshException expected) {
            return false;
        } catch (RuntimeException e) {
            fail("untyped failure for " + combo, e);
            return false;
        }
    }

    /** How many leading wire bytes determine packet_length: the first block for CBC encrypt-and-MAC, else 4. */
    private static int lengthSpan(Combo combo) {
        boolean cbcAndMac = combo.cipher().isLegacy() && !combo.mac().etm();
        return cbcAndMac ? combo.cipher().blockSize() : 4;
    }

    private static List<byte[]> plainPackets(Combo combo, int count) throws SshException {
        Random random = new Random(count);
        PacketSealer sealer = combo.sealer();
        List<byte[]> plain = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            plain.add(PacketStream.plainPacket(sealer, i == 0 ? 0 : random.nextInt(600), random));
        }
        return plain;
    }
}
