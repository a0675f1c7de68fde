package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.crypto.kex.KexTestSupport.Vector;

/** ECDH on P-256/384/521: round trips, a fixed-key answer checked against the JDK, Wycheproof and fuzzing. */
class EcdhNistpTest {

    static Stream<Arguments> curves() {
        return Stream.of(
                Arguments.of(EcdhNistp.P256, "secp256r1", "ecdh_secp256r1_ecpoint_test.json"),
                Arguments.of(EcdhNistp.P384, "secp384r1", "ecdh_secp384r1_ecpoint_test.json"),
                Arguments.of(EcdhNistp.P521, "secp521r1", "ecdh_secp521r1_ecpoint_test.json"));
    }

    @ParameterizedTest
    @MethodSource("curves")
    void roundTrip(EcdhNistp curve) throws Exception {
        KexPrimitive.Initiator client = curve.start(KexTestSupport.seededRandom(1));
        assertThat(client.clientValue()).hasSize(curve.publicValueLength()).startsWith(4);
        KexPrimitive.Response server = curve.respond(client.clientValue(), KexTestSupport.seededRandom(2));
        SharedSecret k = client.complete(server.serverValue());
        assertThat(k.bytes()).hasSize(curve.fieldLength()).isEqualTo(server.sharedSecret().bytes());
        assertThat(k.encoding()).isEqualTo(SharedSecret.Encoding.MPINT);
    }

    /**
     * Two fixed private scalars: both sides agree, and the secret equals what the JDK's own "ECDH"
     * KeyAgreement (SunEC) computes from the same scalars, an implementation independent of ours.
     */
    @ParameterizedTest
    @MethodSource("curves")
    void fixedKeysAgreeWithTheJdk(EcdhNistp curve, String secName) throws Exception {
        BigInteger a = new BigInteger("1234567890abcdef1234567890abcdef1234567890abcdef", 16);
        BigInteger b = new BigInteger("fedcba0987654321fedcba0987654321fedcba0987654321", 16);
        KeyAgreement alice = curve.fromPrivate(a);
        KeyAgreement bob = curve.fromPrivate(b);
        byte[] fromAlice = alice.agree(bob.publicValue()).bytes();
        assertThat(bob.agree(alice.publicValue()).bytes()).isEqualTo(fromAlice);
        assertThat(fromAlice).isEqualTo(jdkEcdh(secName, a, bob.publicValue(), curve.fieldLength()));
    }

    private static byte[] jdkEcdh(String secName, BigInteger d, byte[] peer, int fieldLength) throws Exception {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(secName));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(peer, 1, 1 + fieldLength)),
                new BigInteger(1, Arrays.copyOfRange(peer, 1 + fieldLength, peer.length)));
        KeyFactory factory = KeyFactory.getInstance("EC");
        PrivateKey privateKey = factory.generatePrivate(new ECPrivateKeySpec(d, spec));
        PublicKey publicKey = factory.generatePublic(new ECPublicKeySpec(w, spec));
        javax.crypto.KeyAgreement agreement = javax.crypto.KeyAgreement.getInstance("ECDH");
        assertThat(agreement.getProvider().getName()).isEqualTo("SunEC");
        agreement.init(privateKey);
        agreement.doPhase(publicKey, true);
        return agreement.generateSecret();
    }

    /**
     * Wycheproof ecpoint files: every "valid" case gives the expected secret, every "invalid" case (points off
     * the curve, on the wrong curve, bad encodings, compressed points) is rejected with our typed exception. The
     * "acceptable" cases are all compressed points: SSH takes only uncompressed points (RFC 5656 §4, as OpenSSH),
     * so they are rejected too.
     */
    @ParameterizedTest
    @MethodSource("curves")
    void wycheproof(EcdhNistp curve, String secName, String file) throws Exception {
        List<Vector> vectors = KexTestSupport.wycheproof(file);
        int accepted = 0;
        for (Vector v : vectors) {
            KeyAgreement mine = curve.fromPrivate(new BigInteger(1, v.bytes("private")));
            if (v.result().equals("valid")) {
                assertThat(mine.agree(v.bytes("public")).bytes()).as(v.toString()).isEqualTo(v.bytes("shared"));
                accepted++;
            } else {
                if (v.result().equals("acceptable")) {
                    assertThat(v.hasFlag("CompressedPublic") || v.hasFlag("CompressedPoint")).as(v.toString()).isTrue();
                }
                assertRejected(() -> mine.agree(v.bytes("public")), v);
            }
        }
        assertThat(accepted).isGreaterThan(300);
    }

    @ParameterizedTest
    @MethodSource("curves")
    void rejectsInfinityCompressedAndOffCurvePoints(EcdhNistp curve) {
        KeyAgreement mine = curve.generate(KexTestSupport.seededRandom(3));
        byte[] valid = curve.generate(KexTestSupport.seededRandom(4)).publicValue();
        assertRejected(() -> mine.agree(new byte[] {0}), "infinity");
        byte[] compressed = Arrays.copyOf(valid, 1 + curve.fieldLength());
        compressed[0] = (byte) (2 + (valid[valid.length - 1] & 1));
        assertRejected(() -> mine.agree(compressed), "compressed");
        byte[] offCurve = valid.clone();
        offCurve[offCurve.length - 1] ^= 1;
        assertRejected(() -> mine.agree(offCurve), "off curve");
        byte[] hybrid = valid.clone();
        hybrid[0] = 6;
        assertRejected(() -> mine.agree(hybrid), "hybrid form");
        byte[] xTooBig = valid.clone();
        Arrays.fill(xTooBig, 1, 1 + curve.fieldLength(), (byte) 0xff);
        assertRejected(() -> mine.agree(xTooBig), "x >= p");
        assertRejected(() -> mine.agree(new byte[curve.publicValueLength()]), "all zero");
    }

    @ParameterizedTest
    @MethodSource("curves")
    void fuzzedPeerValuesFailOnlyTyped(EcdhNistp curve) {
        KeyAgreement mine = curve.generate(KexTestSupport.seededRandom(5));
        byte[] valid = curve.generate(KexTestSupport.seededRandom(6)).publicValue();
        KexTestSupport.fuzz(valid, 140, mine::agree);
    }
}
