package org.sshstack.keys.putty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.testing.TestKeys;

/** Round trips through the PPK v3 writer, the Argon2 caps and the error mapping of {@link PuttyKeys}. */
class PuttyKeysTest {

    private static final char[] PASS = "correct horse".toCharArray();

    /** A puttygen 0.78 file (unencrypted, v3) made for this test. */
    static final String PUTTYGEN_V3 = """
            PuTTY-User-Key-File-3: ssh-ed25519
            Encryption: none
            Comment: ed25519-key-20261124
            Public-Lines: 2
            AAAAC3NzaC1lZDI1NTE5AAAAIE9g9dWRyXdQ4onEC3zp6ha+xdxN6FuOdxOZ7qHT
            4YuE
            Private-Lines: 1
            AAAAIPOMOgRPyetmCXZ37ekvb8Fups1ysaHil5pFZWiQj7lo
            Private-MAC: 384ed1c3f244b49713c9c56d3b12b6a593f3905db04abf48307c4623c4efd4c9
            """;

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "ECDSA_NISTP256", "ECDSA_NISTP384", "ECDSA_NISTP521",
        "RSA", "DSA"})
    void roundTrip(KeyType type) throws Exception {
        SshKeyPair pair = TestKeys.generate(type);
        String plain = PuttyKeys.writeV3(pair, null, new SecureRandom());
        assertThat(plain).startsWith("PuTTY-User-Key-File-3: " + type.wireName() + "\nEncryption: none\n")
                .contains("Comment: test\n").doesNotContain("Argon2");
        assertSame(pair, PuttyKeys.read(plain, null));
        String encrypted = PuttyKeys.writeV3(pair, PASS, new SecureRandom(), 64, 1);
        assertThat(encrypted).contains("Encryption: aes256-cbc\n", "Key-Derivation: Argon2id\n",
                "Argon2-Memory: 64\n", "Argon2-Passes: 1\n", "Argon2-Parallelism: 1\n");
        assertSame(pair, PuttyKeys.read(encrypted, PASS));
        assertThatThrownBy(() -> PuttyKeys.read(encrypted, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> PuttyKeys.read(encrypted, "incorrect horse".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("horse");
    }

    @Test
    void defaultsMatchPuttygen() throws Exception {
        String text = PuttyKeys.writeV3(TestKeys.generate(KeyType.ED25519), PASS, new SecureRandom());
        assertThat(text).contains("Argon2-Memory: 8192\n", "Argon2-Passes: 21\n").containsPattern(
                "Argon2-Salt: [0-9a-f]{32}\n").containsPattern("Private-MAC: [0-9a-f]{64}\n$");
        assertThat(PuttyKeys.read(text, PASS).publicKey().keyType()).isEqualTo(KeyType.ED25519);
    }

    @Test
    void readsAFixedPuttygenFile() throws Exception {
        SshKeyPair pair = PuttyKeys.read(PUTTYGEN_V3, null);
        assertThat(pair.comment()).isEqualTo("ed25519-key-20261124");
        assertThat(TestKeys.base64(pair.publicKey()))
                .isEqualTo("AAAAC3NzaC1lZDI1NTE5AAAAIE9g9dWRyXdQ4onEC3zp6ha+xdxN6FuOdxOZ7qHT4YuE");
        assertThat(PuttyKeys.read(PUTTYGEN_V3.replace("\n", "\r\n"), null).publicKey()).isEqualTo(pair.publicKey());
        assertThat(PuttyKeys.isPpk(PUTTYGEN_V3)).isTrue();
        assertThat(PuttyKeys.isPpk("-----BEGIN PRIVATE KEY-----")).isFalse();
    }

    @Test
    void alteredUnencryptedFileIsCorrupt() {
        String altered = PUTTYGEN_V3.replace("Comment: ed25519-key-20261124", "Comment: ed25519-key-20261125");
        assertThatThrownBy(() -> PuttyKeys.read(altered, null)).isInstanceOf(KeyFileException.class)
                .isNotInstanceOf(WrongPassphraseException.class).hasMessageContaining("MAC");
    }

    @Test
    void mismatchedPrivateHalfIsRejectedEvenWithAValidMac() throws Exception {
        SshKeyPair one = TestKeys.generate(KeyType.ED25519);
        SshKeyPair two = TestKeys.generate(KeyType.ED25519, 2);
        byte[] privateBlob = PpkPrivateBlob.encode(two);
        PpkFile file = new PpkFile(3, "ssh-ed25519", "none", "x", one.publicKey().blob(), null, privateBlob,
                new byte[0]);
        byte[] mac = PpkCrypto.mac(3, new byte[0], file, privateBlob);
        String text = new PpkFile(3, "ssh-ed25519", "none", "x", one.publicKey().blob(), null, privateBlob, mac)
                .format();
        assertThatThrownBy(() -> PuttyKeys.read(text, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void argon2CostBeyondTheCapsIsRefusedBeforeHashing() throws Exception {
        String text = PuttyKeys.writeV3(TestKeys.generate(KeyType.ED25519), PASS, new SecureRandom(), 64, 1);
        for (String[] change : new String[][] {{"Argon2-Memory: 64", "Argon2-Memory: 4194304"},
            {"Argon2-Passes: 1", "Argon2-Passes: 100000"}, {"Argon2-Memory: 64", "Argon2-Memory: 262144"},
            {"Argon2-Parallelism: 1", "Argon2-Parallelism: 64"}, {"Argon2-Memory: 64", "Argon2-Memory: 999999999"},
            {"Key-Derivation: Argon2id", "Key-Derivation: scrypt"}}) {
            String hostile = text.replace(change[0], change[1]);
            if (change[0].startsWith("Argon2-Memory") && change[1].endsWith("262144")) {
                hostile = hostile.replace("Argon2-Passes: 1", "Argon2-Passes: 65");
            }
            String input = hostile;
            assertThatThrownBy(() -> PuttyKeys.read(input, PASS)).as(change[1])
                    .isInstanceOf(UnsupportedKeyException.class);
        }
    }

    @Test
    void malformedFilesAreKeyFileExceptions() {
        assertThatThrownBy(() -> PuttyKeys.read("PuTTY-User-Key-File-1: ssh-rsa\n", null))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> PuttyKeys.read(PUTTYGEN_V3.replace("Encryption: none", "Encryption: 3des"), null))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> PuttyKeys.read(PUTTYGEN_V3.replace("Public-Lines: 2", "Public-Lines: 100000"), null))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("lines");
        assertThatThrownBy(() -> PuttyKeys.read(PUTTYGEN_V3.replace("Public-Lines: 2", "Public-Lines: 3"), null))
                .isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> PuttyKeys.read(PUTTYGEN_V3.substring(0, 200), null))
                .isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> PuttyKeys.read("not a key", null)).isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> PuttyKeys.read(PUTTYGEN_V3.replace("ssh-ed25519\n", "ssh-rsa\n"), null))
                .isInstanceOf(KeyFileException.class);
    }

    @Test
    void commentWithLineBreakIsRefused() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        SshKeyPair bad = new SshKeyPair(pair.publicKey(), pair.privateKey(), "a\nb");
        assertThatThrownBy(() -> PuttyKeys.writeV3(bad, null, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void privateBlobIsNotInTheClear() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        byte[] blob = PpkPrivateBlob.encode(pair);
        String text = PuttyKeys.writeV3(pair, PASS, new SecureRandom(), 64, 1);
        assertThat(text).doesNotContain(Base64.getEncoder().encodeToString(blob).substring(8, 40));
    }

    private static void assertSame(SshKeyPair expected, SshKeyPair actual) {
        assertThat(actual.publicKey()).isEqualTo(expected.publicKey());
        assertThat(actual.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
        assertThat(actual.comment()).isEqualTo("test");
    }
}
