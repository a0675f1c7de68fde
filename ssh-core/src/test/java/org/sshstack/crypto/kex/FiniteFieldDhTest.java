package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.crypto.kex.KexTestSupport.assertRejected;

import java.math.BigInteger;
import java.util.stream.Stream;
import org.bouncycastle.crypto.agreement.DHStandardGroups;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Finite-field DH: the RFC 3526 constants, agreement, peer range checks, group validation and fuzzing. */
class FiniteFieldDhTest {

    /** A 2048-bit safe prime with generator 2 from OpenSSH's moduli file (OpenBSD moduli v1.42), as GEX sends. */
    private static final BigInteger GEX_PRIME = new BigInteger(("""
            F3718C7E134C24BBF03E495C9444A0FA6DE2857B04C171505D403D0460B8FD8B
            5E823CD34E86B69AA9FAF4A7AD4E8908B4C9BC28228EAD8090146109B725B2B6
            54BAF07CC710F8BD20849702B463BF8DB5DF64CBA1FFA5C72A30F5C8D7238705
            EDEA172214EA5AF93A183E718FD2F0CC51CC535F0C77A08F9941E372376668C0
            C95DE4C15A44C713979D343B5110EE7669A862A6F2ACAF09D8B38381DBF84498
            1642A352D8C38C74E8F3C67382E0839EF8D0681BC6B2FB253DCB723F7299D0E8
            2D5AFC36FC89E1DDD047361468BDAFE772DC2A6910C4C88F20A084CD26F16A63
            51B9717EE500321EA0A6D97B09B122CFBAF6A03F39F6270232BA2052E851DEBB
            """).replaceAll("\\s", ""), 16);

    static Stream<Arguments> groups() {
        return Stream.of(
                Arguments.of(DhGroups.GROUP14, 2048, 124476, DHStandardGroups.rfc3526_2048.getP()),
                Arguments.of(DhGroups.GROUP16, 4096, 240904, DHStandardGroups.rfc3526_4096.getP()),
                Arguments.of(DhGroups.GROUP18, 8192, 4743158, DHStandardGroups.rfc3526_8192.getP()));
    }

    /**
     * Each typed-in prime equals RFC 3526's defining formula 2^N - 2^(N-64) - 1 + 2^64 * { [2^(N-130) pi] + c },
     * with pi computed here by Machin's formula, and Bouncy Castle's copy of the same group; and it is prime
     * (not run for the 8192-bit group 18: about ten seconds here, and the two checks above already pin it).
     */
    @ParameterizedTest
    @MethodSource("groups")
    void rfc3526Constants(DhGroup group, int bits, int offset, BigInteger bouncyCastle) {
        BigInteger formula = BigInteger.ONE.shiftLeft(bits)
                .subtract(BigInteger.ONE.shiftLeft(bits - 64))
                .subtract(BigInteger.ONE)
                .add(piTimesPowerOfTwo(bits - 130).add(BigInteger.valueOf(offset)).shiftLeft(64));
        assertThat(group.p()).isEqualTo(formula).isEqualTo(bouncyCastle);
        assertThat(group.bits()).isEqualTo(bits);
        assertThat(group.g()).isEqualTo(BigInteger.TWO);
        if (bits <= 4096) {
            assertThat(group.p().isProbablePrime(40)).isTrue();
        }
    }

    @Test
    void group14IsASafePrime() {
        BigInteger q = DhGroups.GROUP14.p().subtract(BigInteger.ONE).shiftRight(1);
        assertThat(q.isProbablePrime(40)).isTrue();
    }

    /** floor(pi * 2^bits) from pi = 16 atan(1/5) - 4 atan(1/239), with 64 guard bits. */
    private static BigInteger piTimesPowerOfTwo(int bits) {
        BigInteger one = BigInteger.ONE.shiftLeft(bits + 64);
        BigInteger pi = arctanOfInverse(5, one).shiftLeft(4).subtract(arctanOfInverse(239, one).shiftLeft(2));
        return pi.shiftRight(64);
    }

    private static BigInteger arctanOfInverse(int x, BigInteger one) {
        BigInteger square = BigInteger.valueOf((long) x * x);
        BigInteger power = one.divide(BigInteger.valueOf(x));
        BigInteger sum = power;
        for (int n = 3; power.signum() != 0; n += 2) {
            power = power.divide(square);
            BigInteger term = power.divide(BigInteger.valueOf(n));
            sum = (n % 4 == 3) ? sum.subtract(term) : sum.add(term);
        }
        return sum;
    }

    @ParameterizedTest
    @MethodSource("groups")
    void bothSidesAgree(DhGroup group) throws Exception {
        FiniteFieldDh dh = new FiniteFieldDh(group);
        KexPrimitive.Initiator client = dh.start(KexTestSupport.seededRandom(1));
        KexPrimitive.Response server = dh.respond(client.clientValue(), KexTestSupport.seededRandom(2));
        SharedSecret k = client.complete(server.serverValue());
        assertThat(k.bytes()).hasSize(group.bits() / 8).isEqualTo(server.sharedSecret().bytes());
        assertThat(k.encoding()).isEqualTo(SharedSecret.Encoding.MPINT);
    }

    @Test
    void fixedExponentsGiveTheTextbookSecret() throws Exception {
        FiniteFieldDh dh = FiniteFieldDh.GROUP14;
        BigInteger x = BigInteger.valueOf(123456789);
        BigInteger y = BigInteger.valueOf(987654321);
        KeyAgreement alice = dh.fromPrivate(x);
        KeyAgreement bob = dh.fromPrivate(y);
        BigInteger p = DhGroups.GROUP14.p();
        BigInteger expected = BigInteger.TWO.modPow(x.multiply(y), p); // (g^x)^y = g^(xy)
        assertThat(new BigInteger(1, alice.agree(bob.publicValue()).bytes())).isEqualTo(expected);
        assertThat(new BigInteger(1, bob.agree(alice.publicValue()).bytes())).isEqualTo(expected);
    }

    @Test
    void groupExchangeGroupWorks() throws Exception {
        DhGroup group = DhGroup.of(GEX_PRIME, BigInteger.TWO);
        assertThat(group.bits()).isEqualTo(2048);
        FiniteFieldDh dh = new FiniteFieldDh(group);
        KexPrimitive.Initiator client = dh.start(KexTestSupport.seededRandom(3));
        KexPrimitive.Response server = dh.respond(client.clientValue(), KexTestSupport.seededRandom(4));
        assertThat(client.complete(server.serverValue()).bytes()).isEqualTo(server.sharedSecret().bytes());
    }

    @Test
    void privateExponentHasTheDocumentedSize() {
        KeyAgreement pair = FiniteFieldDh.GROUP18.generate(KexTestSupport.seededRandom(5));
        assertThat(new BigInteger(1, pair.publicValue())).isBetween(BigInteger.TWO, DhGroups.GROUP18.p());
        assertThat(FiniteFieldDh.PRIVATE_EXPONENT_BITS).isGreaterThanOrEqualTo(2 * 310); // RFC 3526 §8, group 18
    }

    /** RFC 8268 §4: 1 &lt; f &lt; p-1, so 0, 1, p-1, p and above are refused. */
    @Test
    void rejectsPeerValuesOutOfRange() {
        BigInteger p = DhGroups.GROUP14.p();
        KeyAgreement mine = FiniteFieldDh.GROUP14.generate(KexTestSupport.seededRandom(6));
        for (BigInteger f : new BigInteger[] {BigInteger.ZERO, BigInteger.ONE, p.subtract(BigInteger.ONE), p,
                p.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(2048), BigInteger.ONE.shiftLeft(2056)}) {
            assertRejected(() -> mine.agree(BigIntegers.asUnsignedByteArray(f)), f);
        }
        assertRejected(() -> mine.agree(new byte[0]), "empty");
        assertRejected(() -> mine.agree(new byte[300]), "too long");
    }

    @Test
    void acceptsALeadingZeroByteFromMpintDecoding() throws Exception {
        KeyAgreement mine = FiniteFieldDh.GROUP14.generate(KexTestSupport.seededRandom(7));
        KeyAgreement peer = FiniteFieldDh.GROUP14.generate(KexTestSupport.seededRandom(8));
        byte[] signed = new BigInteger(1, peer.publicValue()).toByteArray();
        assertThat(mine.agree(signed).bytes()).isEqualTo(peer.agree(mine.publicValue()).bytes());
    }

    @Test
    void groupValidation() throws Exception {
        BigInteger p = DhGroups.GROUP14.p();
        assertRejected(() -> DhGroup.of(p, BigInteger.ONE), "g = 1");
        assertRejected(() -> DhGroup.of(p, p.subtract(BigInteger.ONE)), "g = p-1");
        assertRejected(() -> DhGroup.of(p, p), "g = p");
        assertRejected(() -> DhGroup.of(p, BigInteger.ZERO), "g = 0");
        assertRejected(() -> DhGroup.of(p.add(BigInteger.ONE), BigInteger.TWO), "even p");
        assertRejected(() -> DhGroup.of(BigInteger.ONE.shiftLeft(2046).add(BigInteger.ONE), BigInteger.TWO),
                "2047 bits");
        assertRejected(() -> DhGroup.of(BigInteger.ONE.shiftLeft(8192).add(BigInteger.ONE), BigInteger.TWO),
                "8193 bits");
        assertRejected(() -> DhGroup.of(null, BigInteger.TWO), "null p");
        assertThat(DhGroup.of(p, BigInteger.TWO)).isEqualTo(DhGroups.GROUP14);
        assertThat(DhGroup.of(DhGroups.GROUP18.p(), BigInteger.valueOf(5)).bits()).isEqualTo(8192);
    }

    @Test
    void fuzzedPeerValuesFailOnlyTyped() {
        KeyAgreement mine = FiniteFieldDh.GROUP14.generate(KexTestSupport.seededRandom(9));
        byte[] valid = FiniteFieldDh.GROUP14.generate(KexTestSupport.seededRandom(10)).publicValue();
        KexTestSupport.fuzz(valid, 260, mine::agree);
    }
}
