package org.sshstack.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The MAC registry: names, sizes, legacy flags, key checks and the constant-time helper. */
class MacRegistryTest {

    @Test
    void namesAndSizes() {
        assertThat(Macs.byWireName("hmac-sha2-256")).contains(MacAlgorithm.HMAC_SHA2_256);
        assertThat(Macs.byWireName("hmac-sha2-512-etm@openssh.com")).contains(MacAlgorithm.HMAC_SHA2_512_ETM);
        assertThat(Macs.byWireName("hmac-sha1-etm@openssh.com")).contains(MacAlgorithm.HMAC_SHA1_ETM);
        assertThat(Macs.byWireName("hmac-md5")).isEmpty();
        assertThat(Macs.byWireName("umac-64@openssh.com")).isEmpty();
        assertThat(MacAlgorithm.HMAC_SHA2_512.keyLength()).isEqualTo(64);
        assertThat(MacAlgorithm.HMAC_SHA2_256_ETM.macLength()).isEqualTo(32);
        assertThat(MacAlgorithm.HMAC_SHA1.macLength()).isEqualTo(20);
        assertThat(MacAlgorithm.HMAC_SHA2_256_ETM.etm()).isTrue();
        assertThat(MacAlgorithm.HMAC_SHA2_256.etm()).isFalse();
    }

    @Test
    void sha1IsLegacyAndNeverADefault() {
        assertThat(Macs.defaults()).noneMatch(MacAlgorithm::legacy)
                .noneMatch(m -> m.wireName().contains("sha1"))
                .startsWith(MacAlgorithm.HMAC_SHA2_256_ETM);
        assertThat(Macs.legacy()).containsExactlyInAnyOrder(MacAlgorithm.HMAC_SHA1, MacAlgorithm.HMAC_SHA1_ETM)
                .allMatch(MacAlgorithm::legacy);
    }

    @Test
    void createNeedsTheExactKeyLength() {
        assertThatThrownBy(() -> MacAlgorithm.HMAC_SHA2_256.create(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32-byte");
        assertThat(MacAlgorithm.HMAC_SHA2_256.create(new byte[32]).length()).isEqualTo(32);
    }

    @Test
    void constantTimeEquals() {
        byte[] a = {1, 2, 3, 4};
        byte[] b = {9, 1, 2, 3, 4};
        assertThat(ConstantTime.equals(a, 0, b, 1, 4)).isTrue();
        assertThat(ConstantTime.equals(a, 0, b, 0, 4)).isFalse();
        assertThat(ConstantTime.equals(a, 1, b, 2, 0)).isTrue();
        assertThat(ConstantTime.equals(a, a.clone())).isTrue();
        assertThat(ConstantTime.equals(a, b)).isFalse();
        assertThatThrownBy(() -> ConstantTime.equals(a, 2, b, 0, 4)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
