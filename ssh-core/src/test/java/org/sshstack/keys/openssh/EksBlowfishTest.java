package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bouncycastle.crypto.engines.BlowfishEngine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** The Blowfish core (tables from pi, rounds, standard key schedule) against Bouncy Castle's Blowfish. */
class EksBlowfishTest {

    @Test
    void standardKeyScheduleMatchesBouncyCastle() {
        Random random = new Random(7);
        for (int keyLength : new int[] {4, 8, 16, 56}) {
            byte[] key = new byte[keyLength];
            byte[] block = new byte[8];
            random.nextBytes(key);
            random.nextBytes(block);

            EksBlowfish ours = new EksBlowfish();
            ours.expand0State(key);
            int[] words = {EksBlowfish.streamWord(block, new int[] {0}), EksBlowfish.streamWord(block, new int[] {4})};
            ours.encipher(words, 0);

            BlowfishEngine engine = new BlowfishEngine();
            engine.init(true, new KeyParameter(key));
            byte[] expected = new byte[8];
            engine.processBlock(block, 0, expected, 0);

            assertThat(words[0]).isEqualTo(EksBlowfish.streamWord(expected, new int[] {0}));
            assertThat(words[1]).isEqualTo(EksBlowfish.streamWord(expected, new int[] {4}));
        }
    }

    @Test
    void bcryptPbkdfIsDeterministicAndSpreadsOutput() {
        byte[] a = BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 2, 48);
        byte[] b = BcryptPbkdf.derive("password".toCharArray(), "salt".getBytes(), 2, 48);
        byte[] c = BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 3, 48);
        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(48);
        // stride layout: the first 24 bytes of a 24-byte derivation are bytes 0, 2, 4... of block 1's output,
        // which are also the even positions of the 48-byte derivation
        byte[] shorter = BcryptPbkdf.derive("password".getBytes(), "salt".getBytes(), 2, 24);
        assertThat(shorter[0]).isEqualTo(a[0]);
    }
}
