package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;

import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;
import org.junit.jupiter.api.Test;
import org.sshstack.crypto.kex.KexTestSupport.Vector;

/** ML-KEM-768: Wycheproof decapsulation vectors, round trips, the FIPS 203 §7.2 key checks and fuzzing. */
class MlKem768Test {

    private final MlKem768 kem = new MlKem768();

    /**
     * Wycheproof mlkem_768_test.json has two groups, both of type MLKEMTest: "CCTV/strcmp" (one valid case) and
     * "FIPS 203" (valid and invalid). Each case gives the key-generation seed d || z, the expected encapsulation
     * key ek, a ciphertext c and the expected secret K. All of it runs here: the key pair comes from the seed
     * ({@link MlKem768#fromSeed}), ek must match, and decapsulating c must give K (for random or bit-flipped
     * ciphertexts that is the implicit-rejection secret). The invalid cases are seeds that are too short or too
     * long (our seed entry point refuses them) and ciphertexts of the wrong length (refused before Bouncy
     * Castle sees them). There are no encapsulation vectors (encapsulation is randomised), so the valid eks also
     * go through an encapsulate/decapsulate round trip, and the modulus check has its own test below.
     */
    @Test
    void wycheproof() throws Exception {
        int valid = 0;
        int invalid = 0;
        for (Vector v : KexTestSupport.wycheproof("mlkem_768_test.json")) {
            assertThat(v.group().get("parameterSet").asText()).isEqualTo("ML-KEM-768");
            if (v.result().equals("valid")) {
                Kem.Decapsulator pair = MlKem768.fromSeed(v.bytes("seed"));
                assertThat(pair.publicKey()).as(v.toString()).isEqualTo(v.bytes("ek"));
                assertThat(pair.decapsulate(v.bytes("c"))).as(v.toString()).isEqualTo(v.bytes("K"));
                Kem.Encapsulation e = kem.encapsulate(v.bytes("ek"), KexTestSupport.seededRandom(v.id()));
                assertThat(pair.decapsulate(e.ciphertext())).isEqualTo(e.secret());
                valid++;
            } else {
                assertThat(v.result()).isEqualTo("invalid");
                assertRejected(() -> MlKem768.fromSeed(v.bytes("seed")).decapsulate(v.bytes("c")), v);
                invalid++;
            }
        }
        assertThat(valid).isEqualTo(153);
        assertThat(invalid).isEqualTo(40);
    }

    @Test
    void roundTrip() throws Exception {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(1));
        assertThat(client.publicKey()).hasSize(MlKem768.PUBLIC_KEY_LENGTH);
        Kem.Encapsulation server = kem.encapsulate(client.publicKey(), KexTestSupport.seededRandom(2));
        assertThat(server.ciphertext()).hasSize(MlKem768.CIPHERTEXT_LENGTH);
        assertThat(server.secret()).hasSize(MlKem768.SECRET_LENGTH);
        assertThat(client.decapsulate(server.ciphertext())).isEqualTo(server.secret());
        assertThat(server.toString()).doesNotContain(KexTestSupport.hex(server.secret()).substring(0, 8));
    }

    /** FIPS 203 §7.2: a coefficient of t at or above q = 3329 fails the modulus check; the last 32 bytes are rho. */
    @Test
    void encapsulationKeyModulusCheck() throws Exception {
        byte[] ek = kem.generate(KexTestSupport.seededRandom(3)).publicKey();
        for (int[] coefficients : new int[][] {{3329, 0}, {0, 3329}, {4095, 4095}}) {
            for (int at : new int[] {0, 3 * 191, 1152 - 3}) {
                byte[] bad = ek.clone();
                bad[at] = (byte) coefficients[0];
                bad[at + 1] = (byte) (coefficients[0] >>> 8 | coefficients[1] << 4);
                bad[at + 2] = (byte) (coefficients[1] >>> 4);
                assertRejected(() -> kem.encapsulate(bad, KexTestSupport.seededRandom(4)), "coefficient " + at);
            }
        }
        byte[] edge = ek.clone();
        edge[0] = (byte) 3328;
        edge[1] = (byte) (3328 >>> 8 | (edge[1] & 0xf0));
        kem.encapsulate(edge, KexTestSupport.seededRandom(5)); // q - 1 is in range
        byte[] rho = ek.clone();
        rho[ek.length - 1] = (byte) 0xff;
        kem.encapsulate(rho, KexTestSupport.seededRandom(6)); // rho is any 32 bytes
    }

    /** Bouncy Castle 1.87 runs the same modulus check itself; ours does not depend on it. */
    @Test
    void bouncyCastleAlsoChecksTheModulus() {
        byte[] ek = kem.generate(KexTestSupport.seededRandom(7)).publicKey();
        ek[0] = (byte) 0xff;
        ek[1] |= 0x0f;
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, ek))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsWrongLengths() {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(8));
        for (int length : new int[] {0, 1, 1183, 1185, 1088}) {
            assertRejected(() -> kem.encapsulate(new byte[length], KexTestSupport.seededRandom(9)), length);
        }
        for (int length : new int[] {0, 1, 1087, 1089, 1184}) {
            assertRejected(() -> client.decapsulate(new byte[length]), length);
        }
    }

    @Test
    void fuzzedPeerValuesFailOnlyTyped() throws Exception {
        Kem.Decapsulator client = kem.generate(KexTestSupport.seededRandom(10));
        Kem.Encapsulation server = kem.encapsulate(client.publicKey(), KexTestSupport.seededRandom(11));
        KexTestSupport.fuzz(client.publicKey(), 40, value -> kem.encapsulate(value, KexTestSupport.seededRandom(12)));
        KexTestSupport.fuzz(server.ciphertext(), 40, client::decapsulate);
    }
}
