package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.sshstack.crypto.mac.MacAlgorithm;

/** The cipher registry: wire names, sizes the key derivation must produce, defaults, and factory argument checks. */
class CiphersTest {

    @Test
    void namesAndSizes() {
        assertThat(Ciphers.byWireName("chacha20-poly1305@openssh.com")).contains(CipherAlgorithm.CHACHA20_POLY1305);
        assertThat(Ciphers.byWireName("aes256-gcm@openssh.com")).contains(CipherAlgorithm.AES256_GCM);
        assertThat(Ciphers.byWireName("aes192-ctr")).contains(CipherAlgorithm.AES192_CTR);
        assertThat(Ciphers.byWireName("aes128-cbc")).contains(CipherAlgorithm.AES128_CBC);
        assertThat(Ciphers.byWireName("arcfour")).isEmpty();
        assertThat(Ciphers.byWireName("none")).isEmpty();
        CipherAlgorithm chacha = CipherAlgorithm.CHACHA20_POLY1305;
        assertThat(new int[] {chacha.keyLength(), chacha.ivLength(), chacha.blockSize(), chacha.tagLength()})
                .containsExactly(64, 0, 8, 16);
        CipherAlgorithm gcm = CipherAlgorithm.AES128_GCM;
        assertThat(new int[] {gcm.keyLength(), gcm.ivLength(), gcm.blockSize(), gcm.tagLength()})
                .containsExactly(16, 12, 16, 16);
        CipherAlgorithm ctr = CipherAlgorithm.AES256_CTR;
        assertThat(new int[] {ctr.keyLength(), ctr.ivLength(), ctr.blockSize(), ctr.tagLength()})
                .containsExactly(32, 16, 16, 0);
        assertThat(ctr.isAead()).isFalse();
        CipherAlgorithm tdes = CipherAlgorithm.TRIPLE_DES_CBC;
        assertThat(new int[] {tdes.keyLength(), tdes.ivLength(), tdes.blockSize(), tdes.tagLength()})
                .containsExactly(24, 8, 8, 0);
        CipherAlgorithm cbc = CipherAlgorithm.AES192_CBC;
        assertThat(new int[] {cbc.keyLength(), cbc.ivLength(), cbc.blockSize(), cbc.tagLength()})
                .containsExactly(24, 16, 16, 0);
        assertThat(gcm.isAead()).isTrue();
    }

    @Test
    void defaultsHaveNoLegacyModes() {
        assertThat(Ciphers.defaults()).first().isEqualTo(CipherAlgorithm.CHACHA20_POLY1305);
        assertThat(Ciphers.defaults()).extracting(CipherAlgorithm::wireName)
                .noneMatch(n -> n.contains("cbc") || n.contains("3des") || n.contains("arcfour") || n.equals("none"));
        assertThat(Ciphers.defaults()).noneMatch(CipherAlgorithm::isLegacy);
        assertThat(Ciphers.legacy()).extracting(CipherAlgorithm::wireName)
                .containsExactly("aes256-cbc", "aes192-cbc", "aes128-cbc", "3des-cbc");
        assertThat(Ciphers.legacy()).allMatch(CipherAlgorithm::isLegacy);
        assertThat(Ciphers.supported()).containsExactlyInAnyOrder(CipherAlgorithm.values());
    }

    @Test
    void factoriesCheckTheirArguments() throws Exception {
        assertThatThrownBy(() -> CipherAlgorithm.AES128_CTR.newSealer(new byte[16], new byte[16], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("MAC");
        assertThatThrownBy(() -> CipherAlgorithm.AES128_GCM.newOpener(new byte[16], new byte[16], null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("12-byte IV");
        assertThatThrownBy(() -> CipherAlgorithm.CHACHA20_POLY1305.newOpener(new byte[32], null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("64-byte key");
        assertThatThrownBy(() -> CipherAlgorithm.AES256_CTR.newOpener(new byte[32], new byte[16],
                MacAlgorithm.HMAC_SHA2_512, new byte[32])).isInstanceOf(IllegalArgumentException.class);
        PacketSealer aeadIgnoresMac = CipherAlgorithm.AES256_GCM.newSealer(new byte[32], new byte[12],
                MacAlgorithm.HMAC_SHA2_256, new byte[32]);
        assertThat(aeadIgnoresMac.tagLength()).isEqualTo(16);
        assertThat(aeadIgnoresMac.toString()).doesNotContainPattern("[0-9a-f]{16}");
    }
}
