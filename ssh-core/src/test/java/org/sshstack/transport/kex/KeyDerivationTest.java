package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.transport.DirectionAlgorithms;

/** RFC 4253 §7.2 key derivation: lengths, extension, the string-encoded K of the hybrids, and the key sizes. */
class KeyDerivationTest {

    private static final byte[] H = HexFormat.of().parseHex("11".repeat(64));
    private static final byte[] SESSION = HexFormat.of().parseHex("22".repeat(32));

    @Test
    void extensionIsAPrefixOfLongerOutput() {
        SharedSecret k = SharedSecret.ofMpint(HexFormat.of().parseHex("ff".repeat(32)));
        byte[] full = KeyDerivation.derive(KexHash.SHA256, k, H, 'C', SESSION, 100);
        for (int length : new int[] {0, 1, 31, 32, 33, 64, 65, 99}) {
            assertThat(KeyDerivation.derive(KexHash.SHA256, k, H, 'C', SESSION, length))
                    .isEqualTo(Arrays.copyOf(full, length));
        }
        assertThat(KeyDerivation.derive(KexHash.SHA256, k, H, 'D', SESSION, 32)).isNotEqualTo(Arrays.copyOf(full, 32));
    }

    @Test
    void stringEncodedSecretIsHashedAsAString() throws Exception {
        byte[] raw = HexFormat.of().parseHex("80".repeat(32));
        byte[] derived = KeyDerivation.derive(KexHash.SHA512, SharedSecret.ofString(raw), H, 'A', SESSION, 16);
        MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
        sha512.update(new byte[] {0, 0, 0, 32}); // string length, no mpint sign byte
        sha512.update(raw);
        sha512.update(H);
        sha512.update((byte) 'A');
        sha512.update(SESSION);
        assertThat(derived).isEqualTo(Arrays.copyOf(sha512.digest(), 16));
        assertThat(derived).isNotEqualTo(KeyDerivation.derive(KexHash.SHA512, SharedSecret.ofMpint(raw), H, 'A',
                SESSION, 16));
    }

    @Test
    void lengthsFollowTheNegotiatedCipherAndMac() throws Exception {
        assertThat(KeyLengths.of(direction("aes128-ctr", "hmac-sha2-256-etm@openssh.com")))
                .isEqualTo(new KeyLengths(16, 16, 32));
        assertThat(KeyLengths.of(direction("aes256-gcm@openssh.com", null))).isEqualTo(new KeyLengths(12, 32, 0));
        assertThat(KeyLengths.of(direction("chacha20-poly1305@openssh.com", null))).isEqualTo(new KeyLengths(0, 64, 0));
        assertThatThrownBy(() -> KeyLengths.of(direction("aes128-ctr", null)))
                .isInstanceOf(KeyExchangeException.class);
        assertThatThrownBy(() -> KeyLengths.of(direction("rot13", "hmac-sha2-256")))
                .isInstanceOf(KeyExchangeException.class);
        assertThatThrownBy(() -> KeyLengths.of(direction("aes128-ctr", "hmac-md5")))
                .isInstanceOf(KeyExchangeException.class);
    }

    @Test
    void derivedKeysHideAndWipeTheirBytes() {
        SharedSecret k = SharedSecret.ofMpint(new byte[] {1, 2, 3});
        DerivedKeys keys = KeyDerivation.derive(KexHash.SHA256, k, H, SESSION, new KeyLengths(16, 32, 32),
                new KeyLengths(12, 16, 0));
        assertThat(keys.serverToClient().iv()).hasSize(12);
        assertThat(keys.serverToClient().macKey()).isEmpty();
        assertThat(keys.clientToServer().toString()).isEqualTo("DirectionKeys[iv 16, key 32, mac key 32 bytes]");
        keys.destroy();
        assertThat(keys.isDestroyed()).isTrue();
        assertThatThrownBy(() -> keys.clientToServer().key()).isInstanceOf(IllegalStateException.class);
    }

    private static DirectionAlgorithms direction(String cipher, String mac) {
        return new DirectionAlgorithms(cipher, Optional.ofNullable(mac), "none", Optional.empty());
    }
}
