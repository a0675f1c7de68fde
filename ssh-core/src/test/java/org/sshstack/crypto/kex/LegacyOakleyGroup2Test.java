package org.sshstack.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * The legacy 1024-bit Oakley group 2 (RFC 2409 §6.2) for diffie-hellman-group1-sha1: the typed-in modulus against
 * its defining formula (whose pi digits are taken from RFC 3526 group 14), a safe prime, an agreement in it, and the
 * group exchange floor that still refuses it.
 */
class LegacyOakleyGroup2Test {

    private static final BigInteger TWO = BigInteger.TWO;

    @Test
    void modulusMatchesItsDefinition() {
        // RFC 3526 §3: p14 = 2^2048 - 2^1984 - 1 + 2^64 * ([2^1918 pi] + 124476)
        BigInteger p14 = DhGroups.GROUP14.p();
        BigInteger pi1918 = p14.add(BigInteger.ONE).add(TWO.pow(1984)).subtract(TWO.pow(2048)).shiftRight(64)
                .subtract(BigInteger.valueOf(124476));
        // [2^894 pi] = [[2^1918 pi] / 2^1024]
        BigInteger pi894 = pi1918.shiftRight(1024);
        // RFC 2409 §6.2: p2 = 2^1024 - 2^960 - 1 + 2^64 * ([2^894 pi] + 129093)
        BigInteger expected = TWO.pow(1024).subtract(TWO.pow(960)).subtract(BigInteger.ONE)
                .add(pi894.add(BigInteger.valueOf(129093)).shiftLeft(64));
        DhGroup group = DhGroups.LEGACY_OAKLEY_GROUP2;
        assertThat(group.p()).isEqualTo(expected);
        assertThat(group.g()).isEqualTo(TWO);
        assertThat(group.bits()).isEqualTo(1024);
    }

    @Test
    void modulusIsASafePrime() {
        BigInteger p = DhGroups.LEGACY_OAKLEY_GROUP2.p();
        assertThat(p.isProbablePrime(64)).isTrue();
        assertThat(p.subtract(BigInteger.ONE).shiftRight(1).isProbablePrime(64)).isTrue();
    }

    @Test
    void agreementInTheLegacyGroup() throws Exception {
        SecureRandom random = new SecureRandom(new byte[] {1});
        KeyAgreement alice = FiniteFieldDh.LEGACY_GROUP1.generate(random);
        KeyAgreement bob = FiniteFieldDh.LEGACY_GROUP1.generate(random);
        assertThat(alice.publicValue().length).isLessThanOrEqualTo(128);
        SharedSecret k1 = alice.agree(bob.publicValue());
        SharedSecret k2 = bob.agree(alice.publicValue());
        assertThat(k1.bytes()).isEqualTo(k2.bytes());
        assertThatThrownBy(() -> alice.agree(new byte[] {1})).isInstanceOf(KeyExchangeException.class);
        BigInteger pMinusOne = DhGroups.LEGACY_OAKLEY_GROUP2.p().subtract(BigInteger.ONE);
        assertThatThrownBy(() -> alice.agree(pMinusOne.toByteArray())).isInstanceOf(KeyExchangeException.class);
    }

    @Test
    void groupExchangeStillRefusesIt() {
        // a GEX server cannot hand out this group: DhGroup.of keeps the 2048-bit floor (RFC 8270 §4)
        assertThatThrownBy(() -> DhGroup.of(DhGroups.LEGACY_OAKLEY_GROUP2.p(), TWO))
                .isInstanceOf(KeyExchangeException.class).hasMessageContaining("1024 bits");
    }
}
