package org.sshstack.keys.putty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.keys.pem.PemKeys;
import org.sshstack.testing.TestKeys;
import org.sshstack.testing.PeerTools;

/** PPK files from puttygen (v2 and v3) load; PPK v3 files we write load in puttygen; puttygen's PEM exports load. */
class PuttyInteropTest {

    private static final String PASS = "pass phrase";

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"ed25519,255", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,2048", "dsa,1024"})
    void puttygenFilesLoad(String type, int bits) throws Exception {
        for (String version : new String[] {"2", "3"}) {
            for (String pass : new String[] {"", PASS}) {
                Path key = generate(type, bits, version, pass);
                String text = Files.readString(key);
                assertThat(text).startsWith("PuTTY-User-Key-File-" + version + ": ");
                SshKeyPair pair = PuttyKeys.read(text, pass.isEmpty() ? null : PASS.toCharArray());
                assertThat(pair.comment()).isEqualTo("c-" + type);
                assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(puttygenPublic(key, ""));
                if (!pass.isEmpty()) {
                    assertThatThrownBy(() -> PuttyKeys.read(text, null))
                            .isInstanceOf(PassphraseRequiredException.class);
                    assertThatThrownBy(() -> PuttyKeys.read(text, "wrongsecret".toCharArray()))
                            .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("wrongsecret");
                }
            }
        }
    }

    @Test
    void puttygenRsa4096Loads() throws Exception {
        Path key = generate("rsa", 4096, "3", PASS);
        SshKeyPair pair = PuttyKeys.read(Files.readString(key), PASS.toCharArray());
        assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(puttygenPublic(key, ""));
    }

    @ParameterizedTest
    @CsvSource({"ED25519", "ECDSA_NISTP256", "ECDSA_NISTP384", "ECDSA_NISTP521", "RSA", "DSA"})
    void ourFilesLoadInPuttygen(KeyType type) throws Exception {
        SshKeyPair pair = TestKeys.generate(type);
        for (String pass : new String[] {"", PASS}) {
            Path ours = dir.resolve("ours" + pass.length() + ".ppk");
            Files.writeString(ours, PuttyKeys.writeV3(pair, pass.toCharArray(), new SecureRandom()));
            assertThat(puttygenPublic(ours, pass)).isEqualTo(TestKeys.base64(pair.publicKey()));
            String fingerprint = PeerTools.run("puttygen", ours.toString(), "-l", "-E", "sha256",
                    "--old-passphrase", passFile(pass).toString()).assertSuccess().stdout();
            assertThat(fingerprint).contains(org.sshstack.keys.Fingerprints.sha256(pair.publicKey()));
            String line = PeerTools.run("puttygen", ours.toString(), "-L", "--old-passphrase",
                    passFile(pass).toString()).assertSuccess().stdout();
            assertThat(line.strip()).endsWith(" test");
        }
    }

    @ParameterizedTest
    @CsvSource({"rsa,2048", "ecdsa,384", "dsa,1024"})
    void puttygenPemExportsLoad(String type, int bits) throws Exception {
        Path key = generate(type, bits, "3", "");
        for (String pass : new String[] {"", PASS}) {
            Path pem = dir.resolve("export" + pass.length() + ".pem");
            PeerTools.run("puttygen", key.toString(), "-O", "private-openssh", "-o", pem.toString(),
                    "--new-passphrase", passFile(pass).toString()).assertSuccess();
            String text = Files.readString(pem);
            assertThat(text).startsWith("-----BEGIN ");
            SshKeyPair pair = PemKeys.read(text, pass.isEmpty() ? null : PASS.toCharArray());
            assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(puttygenPublic(key, ""));
        }
    }

    private Path generate(String type, int bits, String version, String pass) throws Exception {
        Path key = dir.resolve(type + bits + "v" + version + pass.length() + ".ppk");
        String[] command = type.equals("ed25519")
                ? new String[] {"puttygen", "-q", "-t", type, "-C", "c-" + type}
                : new String[] {"puttygen", "-q", "-t", type, "-b", String.valueOf(bits), "-C", "c-" + type};
        String[] rest = {"-o", key.toString(), "--new-passphrase", passFile(pass).toString(),
            "--ppk-param", "version=" + version, "--random-device", "/dev/urandom"};
        String[] all = java.util.Arrays.copyOf(command, command.length + rest.length);
        System.arraycopy(rest, 0, all, command.length, rest.length);
        PeerTools.run(all).assertSuccess();
        return key;
    }

    private String puttygenPublic(Path key, String pass) throws Exception {
        String line = PeerTools.run("puttygen", key.toString(), "-L", "--old-passphrase", passFile(pass).toString())
                .assertSuccess().stdout();
        return TestKeys.base64Field(line);
    }

    private Path passFile(String pass) throws Exception {
        Path file = dir.resolve("pass" + pass.length());
        Files.writeString(file, pass);
        return file;
    }
}
