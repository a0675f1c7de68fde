package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.FingerprintHash;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.testing.PeerTools;

/** Key files and public key forms exchanged with OpenSSH's ssh-keygen, in both directions. */
class SshKeygenInteropTest {

    private static final String PASS = "interop pass phrase";
    private static final Map<String, SshKeyPair> OURS = new LinkedHashMap<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void generateOurKeysOnce() {
        PeerTools.require("ssh-keygen");
        SecureRandom random = new SecureRandom();
        OURS.put("ed25519", KeyGenerator.ed25519("ours ed25519", random));
        OURS.put("ecdsa256", KeyGenerator.ecdsa(KeyType.ECDSA_NISTP256, "ours p256", random));
        OURS.put("ecdsa384", KeyGenerator.ecdsa(KeyType.ECDSA_NISTP384, "ours p384", random));
        OURS.put("ecdsa521", KeyGenerator.ecdsa(KeyType.ECDSA_NISTP521, "ours p521", random));
        OURS.put("rsa2048", KeyGenerator.rsa(2048, "ours rsa2048", random));
        OURS.put("rsa4096", KeyGenerator.rsa(4096, "ours rsa4096", random));
    }

    static Stream<Arguments> specs() {
        return Stream.of("ed25519:0", "ecdsa:256", "ecdsa:384", "ecdsa:521", "rsa:2048", "rsa:4096")
                .flatMap(spec -> Stream.of(Arguments.of(spec, true), Arguments.of(spec, false)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519:0", "ecdsa:256", "ecdsa:384", "ecdsa:521", "rsa:2048"})
    void gcmEncryptedKeysMadeBySshKeygenLoad(String spec) throws Exception {
        String[] parts = spec.split(":");
        Path file = dir.resolve("id_gcm_" + parts[0]);
        String comment = "gcm " + spec;
        if (parts[1].equals("0")) {
            keygen("-q", "-t", parts[0], "-Z", "aes256-gcm@openssh.com", "-N", PASS, "-C", comment,
                    "-f", file.toString());
        } else {
            keygen("-q", "-t", parts[0], "-b", parts[1], "-Z", "aes256-gcm@openssh.com", "-N", PASS, "-C", comment,
                    "-f", file.toString());
        }
        assertThat(Files.readString(file)).contains("OPENSSH PRIVATE KEY");
        SshKeyPair pair = KeyFiles.readPrivateKey(file, PASS.toCharArray());
        assertThat(pair.comment()).isEqualTo(comment);
        assertThat(pair.publicKey()).isEqualTo(KeyFiles.readPublicKey(file.resolveSibling(file.getFileName() + ".pub"))
                .key());
        assertThat(Fingerprints.keygenLine(pair.publicKey(), comment, FingerprintHash.MD5))
                .isEqualTo(keygen("-l", "-E", "md5", "-f", file.toString()).strip());
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, "wrong".toCharArray()))
                .isInstanceOf(org.sshstack.keys.WrongPassphraseException.class);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keysMadeBySshKeygenLoadWithTheSameFingerprintLine(String spec, boolean encrypted) throws Exception {
        String[] parts = spec.split(":");
        Path file = dir.resolve("id_" + parts[0]);
        String pass = encrypted ? PASS : "";
        String comment = "made by ssh-keygen " + spec;
        if (parts[1].equals("0")) {
            keygen("-q", "-t", parts[0], "-N", pass, "-C", comment, "-f", file.toString());
        } else {
            keygen("-q", "-t", parts[0], "-b", parts[1], "-N", pass, "-C", comment, "-f", file.toString());
        }
        SshKeyPair pair = KeyFiles.readPrivateKey(file, encrypted ? PASS.toCharArray() : null);

        assertThat(pair.comment()).isEqualTo(comment);
        assertThat(pair.publicKey()).isEqualTo(KeyFiles.readPublicKey(file.resolveSibling(file.getFileName() + ".pub")).key());
        assertThat(Fingerprints.keygenLine(pair.publicKey(), pair.comment()))
                .isEqualTo(keygen("-l", "-f", file.toString()).strip());
        assertThat(Fingerprints.keygenLine(pair.publicKey(), pair.comment(), FingerprintHash.MD5))
                .isEqualTo(keygen("-l", "-E", "md5", "-f", file.toString()).strip());
        if (encrypted) {
            assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null))
                    .isInstanceOf(PassphraseRequiredException.class);
            assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, "nope".toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("nope")
                    .hasMessageNotContaining(PASS);
        }
    }

    @ParameterizedTest
    @MethodSource("specs")
    void keysWeWriteAreReadBySshKeygen(String spec, boolean encrypted) throws Exception {
        SshKeyPair pair = OURS.get(spec.replace(":0", "").replace(":", ""));
        Path file = dir.resolve("ours");
        KeyFiles.writePrivateKey(file, pair, encrypted ? PASS.toCharArray() : null, new SecureRandom());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String printed = keygen("-y", "-P", encrypted ? PASS : "", "-f", file.toString()).strip();
        assertThat(printed).startsWith(OpenSshPublicKeyFile.format(pair.publicKey(), null));
        assertThat(OpenSshPublicKeyFile.parseLine(printed).key()).isEqualTo(pair.publicKey());
        // without a .pub beside it, ssh-keygen -l cannot see the comment of an encrypted key
        String shownComment = encrypted ? "" : pair.comment();
        assertThat(keygen("-l", "-f", file.toString()).strip())
                .isEqualTo(Fingerprints.keygenLine(pair.publicKey(), shownComment));
        KeyFiles.writePublicKey(dir.resolve("ours.pub"), pair.publicKey(), pair.comment());
        assertThat(keygen("-l", "-f", file.toString()).strip())
                .isEqualTo(Fingerprints.keygenLine(pair.publicKey(), pair.comment()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa384", "rsa2048"})
    void gcmEncryptedKeysWeWriteAreReadBySshKeygen(String name) throws Exception {
        SshKeyPair pair = OURS.get(name);
        Path file = dir.resolve("gcm");
        String text = new OpenSshPrivateKeyWriter("aes256-gcm@openssh.com", 16)
                .write(pair, PASS.toCharArray(), new SecureRandom());
        KeyFiles.writeAtomically(file, text.getBytes(StandardCharsets.US_ASCII),
                PosixFilePermissions.fromString("rw-------"));
        String printed = keygen("-y", "-P", PASS, "-f", file.toString()).strip();
        assertThat(OpenSshPublicKeyFile.parseLine(printed).key()).isEqualTo(pair.publicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519", "ecdsa256", "ecdsa521", "rsa4096"})
    void rfc4716FilesGoBothWays(String name) throws Exception {
        SshKeyPair pair = OURS.get(name);
        Path pub = dir.resolve("key.pub");
        KeyFiles.writePublicKey(pub, pair.publicKey(), pair.comment());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pub))).isEqualTo("rw-r--r--");

        String exported = keygen("-e", "-m", "RFC4716", "-f", pub.toString());
        assertThat(Rfc4716PublicKeyFile.read(exported).key()).isEqualTo(pair.publicKey());

        Path ours = dir.resolve("ours.rfc4716");
        Files.writeString(ours, Rfc4716PublicKeyFile.format(pair.publicKey(), pair.comment()));
        String imported = keygen("-i", "-m", "RFC4716", "-f", ours.toString()).strip();
        assertThat(OpenSshPublicKeyFile.parseLine(imported).key()).isEqualTo(pair.publicKey());
        assertThat(KeyFiles.readPublicKey(ours).key()).isEqualTo(pair.publicKey());
    }

    private static String keygen(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "ssh-keygen";
        System.arraycopy(args, 0, command, 1, args.length);
        return PeerTools.run(command).assertSuccess().stdout();
    }
}
