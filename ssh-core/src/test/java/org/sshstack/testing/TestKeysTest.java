package org.sshstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sshstack.keys.KeyType;

/** The test keys are reproducible: the fuzz tests built on them see the same samples every run. */
class TestKeysTest {

    @Test
    void sameSeedSameKeyOtherSeedOtherKey() throws Exception {
        for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.ECDSA_NISTP256, KeyType.RSA, KeyType.DSA}) {
            assertThat(TestKeys.generate(type, 5).privateKey().getEncoded()).as(type.toString())
                    .isEqualTo(TestKeys.generate(type, 5).privateKey().getEncoded());
            assertThat(TestKeys.generate(type, 6).publicKey()).isNotEqualTo(TestKeys.generate(type, 5).publicKey());
        }
        assertThat(TestKeys.seeded(9).nextLong()).isEqualTo(TestKeys.seeded(9).nextLong());
    }
}
