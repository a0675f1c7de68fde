package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.openssh.OpenSshPrivateKeyWriter;
import org.sshstack.keys.pem.PemKeys;
import org.sshstack.keys.putty.PuttyKeys;
import org.sshstack.testing.TestKeys;

/** The KDF cost caps of {@link KeyReadLimits}: a file exactly at a cap reads, one step beyond is refused. */
class KeyReadLimitsTest {

    private static final char[] PASS = "limits".toCharArray();

    @TempDir
    Path dir;

    @Test
    void defaultsAreBoundedAndAboveWhatSshstackWrites() {
        KeyReadLimits d = KeyReadLimits.DEFAULTS;
        assertThat(d.maxPbkdf2Iterations()).isEqualTo(1_000_000).isGreaterThanOrEqualTo(600_000);
        assertThat(d.maxArgon2MemoryKib()).isEqualTo(64 * 1024);
        assertThat(d.maxArgon2Work()).isEqualTo(512L * 1024);
        assertThat(d.maxBcryptRounds()).isEqualTo(2048);
        assertThatThrownBy(() -> new KeyReadLimits(0, 1, 8, 8)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KeyReadLimits(1, 1, 64, 63)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pbkdf2CapIsInclusive() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        KeyReadLimits limits = KeyReadLimits.DEFAULTS.withMaxPbkdf2Iterations(1000);
        String atCap = PemKeys.writePkcs8(pair, PASS, TestKeys.seeded(1), 1000);
        String beyond = PemKeys.writePkcs8(pair, PASS, TestKeys.seeded(1), 1001);
        assertThat(PemKeys.read(atCap, PASS, limits).publicKey()).isEqualTo(pair.publicKey());
        assertThatThrownBy(() -> PemKeys.read(beyond, PASS, limits)).isInstanceOf(UnsupportedKeyException.class);
        assertThat(readVia(beyond, KeyReadLimits.DEFAULTS.withMaxPbkdf2Iterations(1001)).publicKey())
                .isEqualTo(pair.publicKey());
        assertThatThrownBy(() -> readVia(beyond, limits)).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void defaultPbkdf2CapAcceptsTheDefaultWriterAndRefusesOneMore() throws Exception {
        assertThatThrownBy(() -> PemKeys.writePkcs8(TestKeys.generate(KeyType.ED25519), PASS, TestKeys.seeded(1),
                KeyReadLimits.DEFAULT_MAX_PBKDF2_ITERATIONS + 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argon2CapsAreInclusive() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        KeyReadLimits limits = KeyReadLimits.DEFAULTS.withMaxArgon2(64, 128);
        String atCap = PuttyKeys.writeV3(pair, PASS, TestKeys.seeded(1), 64, 2);
        assertThat(PuttyKeys.read(atCap, PASS, limits).publicKey()).isEqualTo(pair.publicKey());
        String threePasses = PuttyKeys.writeV3(pair, PASS, TestKeys.seeded(1), 64, 3);
        assertThatThrownBy(() -> PuttyKeys.read(threePasses, PASS, limits))
                .isInstanceOf(UnsupportedKeyException.class);
        String moreMemory = PuttyKeys.writeV3(pair, PASS, TestKeys.seeded(1), 72, 1);
        assertThatThrownBy(() -> PuttyKeys.read(moreMemory, PASS, limits))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThat(readVia(atCap, limits).publicKey()).isEqualTo(pair.publicKey());
        assertThatThrownBy(() -> readVia(threePasses, limits)).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void defaultArgon2CapsRefuseTheOldWorstCaseWithoutHashing() throws Exception {
        String text = PuttyKeys.writeV3(TestKeys.generate(KeyType.ED25519), PASS, TestKeys.seeded(1), 64, 1);
        String atMemoryCap = text.replace("Argon2-Memory: 64", "Argon2-Memory: 65536")
                .replace("Argon2-Passes: 1", "Argon2-Passes: 9"); // 64 MiB x 9 > 512 MiB-passes
        assertThatThrownBy(() -> PuttyKeys.read(atMemoryCap, PASS)).isInstanceOf(UnsupportedKeyException.class);
        String overMemory = text.replace("Argon2-Memory: 64", "Argon2-Memory: 65537");
        assertThatThrownBy(() -> PuttyKeys.read(overMemory, PASS)).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void bcryptCapIsInclusive() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        String text = new OpenSshPrivateKeyWriter("aes256-ctr", 3).write(pair, PASS, TestKeys.seeded(1));
        assertThat(readVia(text, KeyReadLimits.DEFAULTS.withMaxBcryptRounds(3)).publicKey())
                .isEqualTo(pair.publicKey());
        assertThatThrownBy(() -> readVia(text, KeyReadLimits.DEFAULTS.withMaxBcryptRounds(2)))
                .isInstanceOf(UnsupportedKeyException.class);
    }

    private SshKeyPair readVia(String text, KeyReadLimits limits) throws Exception {
        Path file = dir.resolve("key");
        Files.writeString(file, text);
        return KeyFiles.readPrivateKey(file, PASS, KeyFiles.formats(limits));
    }
}
