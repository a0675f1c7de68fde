package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * sntrup761: round trips, implicit rejection, lengths and fuzzing. No known-answer vectors are in our vector
 * set; byte compatibility with OpenSSH is left to the transport's interop tests.
 */
class Sntrup761Test {

    private final Sntrup761 kem = new Sntrup761();

    @Test
    void roundTrip() throws Exception {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(1));
        assertThat(client.publicKey()).hasSize(Sntrup761.PUBLIC_KEY_LENGTH);
        Kem.Encapsulation server = kem.encapsulate(client.publicKey(), KexTestSupport.seededRandom(2));
        assertThat(server.ciphertext()).hasSize(Sntrup761.CIPHERTEXT_LENGTH);
        assertThat(server.secret()).hasSize(Sntrup761.SECRET_LENGTH);
        assertThat(client.decapsulate(server.ciphertext())).isEqualTo(server.secret());
    }

    @Test
    void alteredCiphertextGivesAnotherSecret() throws Exception {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(3));
        Kem.Encapsulation server = kem.encapsulate(client.publicKey(), KexTestSupport.seededRandom(4));
        byte[] altered = server.ciphertext();
        altered[10] ^= 1;
        byte[] other = client.decapsulate(altered);
        assertThat(other).hasSize(32);
        assertThat(Arrays.equals(other, server.secret())).isFalse();
    }

    @Test
    void rejectsWrongLengths() {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(5));
        for (int length : new int[] {0, 1, 1157, 1159, 1039}) {
            assertRejected(() -> kem.encapsulate(new byte[length], KexTestSupport.seededRandom(6)), length);
        }
        for (int length : new int[] {0, 1, 1038, 1040, 1158}) {
            assertRejected(() -> client.decapsulate(new byte[length]), length);
        }
    }

    @Test
    void fuzzedPeerValuesFailOnlyTyped() throws Exception {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(7));
        Kem.Encapsulation server = kem.encapsulate(client.publicKey(), KexTestSupport.seededRandom(8));
        KexTestSupport.fuzz(client.publicKey(), 40, value -> kem.encapsulate(value, KexTestSupport.seededRandom(9)));
        KexTestSupport.fuzz(server.ciphertext(), 40, client::decapsulate);
        byte[] ones = new byte[Sntrup761.PUBLIC_KEY_LENGTH];
        Arrays.fill(ones, (byte) 0xff);
        KexTestSupport.assertOnlyTypedFailure(() -> kem.encapsulate(ones, KexTestSupport.seededRandom(10)), "0xff key");
        byte[] ct = new byte[Sntrup761.CIPHERTEXT_LENGTH];
        Arrays.fill(ct, (byte) 0xff);
        KexTestSupport.assertOnlyTypedFailure(() -> client.decapsulate(ct), "0xff ciphertext");
    }
}
