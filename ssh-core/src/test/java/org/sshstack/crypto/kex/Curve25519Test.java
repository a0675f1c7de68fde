package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;
import static org.sshstack.crypto.kex.KexTestSupport.hex;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.sshstack.crypto.kex.KexTestSupport.Vector;
import org.sshstack.wire.SshWriter;

/** X25519: RFC 7748 known answers, Wycheproof, the RFC 8731 all-zero rule and fuzzing. */
class Curve25519Test {

    private final Curve25519 x25519 = new Curve25519();

    private static byte[] x25519(byte[] k, byte[] u) throws KeyExchangeException {
        return Curve25519.fromPrivate(k).agree(u).bytes();
    }

    @Test
    void rfc7748Section52Vectors() throws Exception {
        assertThat(hex(x25519(
                hex("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4"),
                hex("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c"))))
                .isEqualTo("c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
        assertThat(hex(x25519(
                hex("4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d"),
                hex("e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493"))))
                .isEqualTo("95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957");
    }

    @Test
    void rfc7748Section52IteratedThousandTimes() throws Exception {
        byte[] k = hex("0900000000000000000000000000000000000000000000000000000000000000");
        byte[] u = k.clone();
        for (int i = 1; i <= 1000; i++) {
            byte[] next = x25519(k, u);
            u = k;
            k = next;
            if (i == 1) {
                assertThat(hex(k)).isEqualTo("422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079");
            }
        }
        assertThat(hex(k)).isEqualTo("684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51");
    }

    @Test
    void rfc7748Section61DiffieHellman() throws Exception {
        KeyAgreement alice = Curve25519.fromPrivate(
                hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        KeyAgreement bob = Curve25519.fromPrivate(
                hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
        assertThat(hex(alice.publicValue()))
                .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
        assertThat(hex(bob.publicValue()))
                .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
        byte[] fromAlice = alice.agree(bob.publicValue()).bytes();
        byte[] fromBob = bob.agree(alice.publicValue()).bytes();
        assertThat(hex(fromAlice)).isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
        assertThat(fromBob).isEqualTo(fromAlice);
    }

    @Test
    void sharedSecretIsAnMpintOfTheBigEndianBytes() throws Exception {
        // RFC 8731 §3.1: the 32 bytes are read as an unsigned big-endian integer and written as an mpint
        KeyAgreement alice = Curve25519.fromPrivate(
                hex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"));
        SharedSecret k = alice.agree(
                hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
        assertThat(k.encoding()).isEqualTo(SharedSecret.Encoding.MPINT);
        byte[] expected = new SshWriter().writeMpint(new BigInteger(1, k.bytes())).toByteArray();
        assertThat(k.encoded()).isEqualTo(expected);
        assertThat(hex(k.encoded())).startsWith("000000204a5d9d5b"); // high bit clear: no 0x00 prefix
        assertThat(k.toString()).doesNotContain("4a5d");
    }

    @Test
    void roundTripThroughKexPrimitive() throws Exception {
        SecureRandom random = KexTestSupport.seededRandom(1);
        KexPrimitive.Initiator client = x25519.start(random);
        assertThat(client.clientValue()).hasSize(32);
        KexPrimitive.Response server = x25519.respond(client.clientValue(), random);
        assertThat(client.complete(server.serverValue()).bytes()).isEqualTo(server.sharedSecret().bytes());
    }

    @Test
    void rejectsLowOrderPointsAndWrongLengths() {
        KeyAgreement mine = x25519.generate(KexTestSupport.seededRandom(2));
        assertRejected(() -> mine.agree(new byte[32]), "u = 0");
        byte[] one = new byte[32];
        one[0] = 1;
        assertRejected(() -> mine.agree(one), "u = 1");
        for (int length : new int[] {0, 1, 31, 33, 65}) {
            assertRejected(() -> mine.agree(new byte[length]), "length " + length);
        }
    }

    /**
     * Wycheproof x25519: every "valid" case gives the expected secret. "acceptable" cases (twist points,
     * non-canonical u, low-order points, ...) are decided by RFC 8731 §3: accepted with the expected secret unless
     * that secret is all zero, which must abort the exchange.
     */
    @Test
    void wycheproof() throws Exception {
        int rejected = 0;
        for (Vector v : KexTestSupport.wycheproof("x25519_test.json")) {
            KeyAgreement mine = Curve25519.fromPrivate(v.bytes("private"));
            byte[] expected = v.bytes("shared");
            boolean allZero = new BigInteger(1, expected).signum() == 0;
            if (v.result().equals("invalid") || allZero) {
                assertThat(v.result()).as(v.toString()).isNotEqualTo("valid");
                assertRejected(() -> mine.agree(v.bytes("public")), v);
                rejected++;
            } else {
                assertThat(mine.agree(v.bytes("public")).bytes()).as(v.toString()).isEqualTo(expected);
            }
        }
        assertThat(rejected).isEqualTo(31); // the ZeroSharedSecret cases
    }

    @Test
    void fuzzedPeerValuesFailOnlyTyped() {
        KeyAgreement mine = x25519.generate(KexTestSupport.seededRandom(3));
        byte[] valid = x25519.generate(KexTestSupport.seededRandom(4)).publicValue();
        KexTestSupport.fuzz(valid, 70, mine::agree);
    }
}
