package org.sshstack.keys.pem;

import org.sshstack.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.testing.PeerTools;

/** PEM files written by ssh-keygen and openssl load with the right public half; ours load in both tools. */
class PemInteropTest {

    private static final String PASS = "passphrase";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"rsa,2048,PEM", "rsa,3072,PKCS8", "ecdsa,256,PEM", "ecdsa,384,PEM", "ecdsa,521,PEM",
        "ecdsa,256,PKCS8", "ecdsa,521,PKCS8", "dsa,1024,PEM"})
    void sshKeygenKeysLoad(String type, int bits, String format) throws Exception {
        for (String pass : new String[] {"", PASS}) {
            Path key = dir.resolve(type + bits + format + pass.length());
            PeerTools.run("ssh-keygen", "-q", "-t", type, "-b", String.valueOf(bits), "-m", format, "-N", pass,
                    "-C", "", "-f", key.toString()).assertSuccess();
            String text = Files.readString(key);
            SshKeyPair pair = PemKeys.read(text, pass.isEmpty() ? null : PASS.toCharArray());
            String expected = PeerTools.run("ssh-keygen", "-y", "-P", pass, "-f", key.toString())
                    .assertSuccess().stdout();
            assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(TestKeys.base64Field(expected));
            if (!pass.isEmpty()) {
                assertThatThrownBy(() -> PemKeys.read(text, null)).isInstanceOf(PassphraseRequiredException.class);
                assertThatThrownBy(() -> PemKeys.read(text, "wrongsecret".toCharArray()))
                        .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("wrongsecret");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"PKCS8", "PEM"})
    void sshKeygenPublicExportsLoad(String format) throws Exception {
        Path key = dir.resolve("pub" + format);
        PeerTools.run("ssh-keygen", "-q", "-t", "rsa", "-N", "", "-f", key.toString()).assertSuccess();
        String exported = PeerTools.run("ssh-keygen", "-e", "-m", format, "-f", key + ".pub").assertSuccess().stdout();
        SshPublicKey pub = PemKeys.readPublic(exported);
        assertThat(TestKeys.base64(pub)).isEqualTo(TestKeys.base64Field(Files.readString(Path.of(key + ".pub"))));
    }

    @ParameterizedTest
    @CsvSource({"ED25519,-v2 aes-256-cbc", "ED25519,-v2 aes-128-cbc -v2prf hmacWithSHA1", "ED25519,-v2 des3",
        "ECDSA_NISTP384,-v2 aes-192-cbc -v2prf hmacWithSHA512", "RSA,-v2 aes-256-cbc"})
    void opensslPkcs8Loads(KeyType type, String options) throws Exception {
        Path plain = dir.resolve("plain.pem");
        Files.writeString(plain, PemKeys.writePkcs8(TestKeys.generate(type), null, new SecureRandom()));
        Path encrypted = dir.resolve("enc.pem");
        String[] base = {"openssl", "pkcs8", "-topk8", "-in", plain.toString(), "-out", encrypted.toString(),
            "-passout", "pass:" + PASS};
        String[] command = concat(base, options.split(" "));
        PeerTools.run(command).assertSuccess();
        SshKeyPair pair = PemKeys.read(Files.readString(encrypted), PASS.toCharArray());
        assertThat(pair.publicKey()).isEqualTo(opensslPublic(plain, null));
        assertThatThrownBy(() -> PemKeys.read(Files.readString(encrypted), "wrong".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @ParameterizedTest
    @CsvSource({"rsa,-aes256", "rsa,-des3", "ec,-des3", "ec,-aes192"})
    void opensslLegacyEncryptedPemLoads(String tool, String cipher) throws Exception {
        Path plain = dir.resolve("plain.pem");
        KeyType type = tool.equals("rsa") ? KeyType.RSA : KeyType.ECDSA_NISTP256;
        Files.writeString(plain, PemKeys.writePkcs8(TestKeys.generate(type), null, new SecureRandom()));
        Path legacy = dir.resolve("legacy.pem");
        String[] command = {"openssl", tool, "-in", plain.toString(), "-out", legacy.toString(), cipher,
            "-passout", "pass:" + PASS};
        PeerTools.run(tool.equals("rsa") ? concat(command, new String[] {"-traditional"}) : command).assertSuccess();
        String text = Files.readString(legacy);
        assertThat(text).contains("DEK-Info: " + (cipher.equals("-des3") ? "DES-EDE3-CBC" : "AES-"));
        assertThat(PemKeys.read(text, PASS.toCharArray()).publicKey()).isEqualTo(opensslPublic(plain, null));
    }

    @ParameterizedTest
    @CsvSource({"ED25519", "ECDSA_NISTP256", "ECDSA_NISTP384", "ECDSA_NISTP521", "RSA", "DSA"})
    void ourPkcs8LoadsInOpenssl(KeyType type) throws Exception {
        SshKeyPair pair = TestKeys.generate(type);
        Path ours = dir.resolve("ours.pem");
        Files.writeString(ours, PemKeys.writePkcs8(pair, PASS.toCharArray(), new SecureRandom(), 2048));
        assertThat(Files.readString(ours)).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertThat(opensslPublic(ours, PASS)).isEqualTo(pair.publicKey());
        if (type != KeyType.ED25519 && type != KeyType.DSA) {
            Files.setPosixFilePermissions(ours, PosixFilePermissions.fromString("rw-------"));
            String line = PeerTools.run("ssh-keygen", "-y", "-P", PASS, "-f", ours.toString()).assertSuccess().stdout();
            assertThat(TestKeys.base64Field(line)).isEqualTo(TestKeys.base64(pair.publicKey()));
        }
    }

    @Test
    void ourDefaultIterationCountIsReadableByOpenssl() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        Path ours = dir.resolve("ours.pem");
        Files.writeString(ours, PemKeys.writePkcs8(pair, PASS.toCharArray(), new SecureRandom()));
        assertThat(opensslPublic(ours, PASS)).isEqualTo(pair.publicKey());
        String dump = PeerTools.run("openssl", "asn1parse", "-in", ours.toString()).assertSuccess().stdout();
        assertThat(dump).contains("PBES2", "PBKDF2", "hmacWithSHA256", "aes-256-cbc", ":0927C0");
    }

    private SshPublicKey opensslPublic(Path key, String pass) throws Exception {
        String[] command = pass == null
                ? new String[] {"openssl", "pkey", "-in", key.toString(), "-pubout"}
                : new String[] {"openssl", "pkey", "-in", key.toString(), "-passin", "pass:" + pass, "-pubout"};
        return PemKeys.readPublic(PeerTools.run(command).assertSuccess().stdout());
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
