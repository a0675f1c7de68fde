package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Atomic, owner-only key file writing and format dispatch on reading. */
class KeyFilesTest {

    @TempDir
    Path dir;

    private final SecureRandom random = new SecureRandom();
    private final SshKeyPair pair = KeyGenerator.ed25519("file key", random);

    @Test
    void privateKeyIsOwnerOnlyAndReplacesAtomically() throws Exception {
        Path file = dir.resolve("id_ed25519");
        Files.writeString(file, "old content");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        KeyFiles.writePrivateKey(file, pair, null, random);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(KeyFiles.readPrivateKey(file, null).publicKey()).isEqualTo(pair.publicKey());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactly("id_ed25519");
        }
    }

    @Test
    void encryptedPrivateKeyNeedsItsPassphrase() throws Exception {
        Path file = dir.resolve("id_enc");
        KeyFiles.writePrivateKey(file, pair, "secret words".toCharArray(), random);
        assertThat(KeyFiles.readPrivateKey(file, "secret words".toCharArray()).comment()).isEqualTo("file key");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, "other".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("secret words");
    }

    @Test
    void publicKeyIsWorldReadableAndReadsBack() throws Exception {
        Path file = dir.resolve("id.pub");
        KeyFiles.writePublicKey(file, pair.publicKey(), "file key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        assertThat(Files.readString(file)).endsWith(" file key\n");
        assertThat(KeyFiles.readPublicKey(file).key()).isEqualTo(pair.publicKey());
    }

    @Test
    void unknownFormatsAreUnsupportedAndOtherFormatsCanBePluggedIn() throws Exception {
        Path file = dir.resolve("id_other");
        Files.writeString(file, "just some text mentioning an EC PRIVATE KEY\n");
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null)).isInstanceOf(UnsupportedKeyException.class);
        PrivateKeyFileFormat fake = new PrivateKeyFileFormat() {
            @Override
            public String name() {
                return "fake";
            }

            @Override
            public boolean recognizes(String text) {
                return text.contains("EC PRIVATE KEY");
            }

            @Override
            public SshKeyPair read(String text, char[] passphrase) {
                return pair;
            }
        };
        assertThat(KeyFiles.readPrivateKey(file, null, List.of(fake))).isSameAs(pair);
    }

    @Test
    void everySupportedFormatIsReadThroughOneCall() throws Exception {
        char[] passphrase = "correct horse".toCharArray();
        SshKeyPair ecdsa = KeyGenerator.ecdsa(KeyType.ECDSA_NISTP384, "ec key", random);
        Path openssh = dir.resolve("id_openssh");
        KeyFiles.writePrivateKey(openssh, ecdsa, passphrase, random);
        Path pem = dir.resolve("id_pem");
        Files.writeString(pem, org.sshstack.keys.pem.PemKeys.writePkcs8(ecdsa, passphrase, random, 1000));
        Path ppk = dir.resolve("id.ppk");
        Files.writeString(ppk, org.sshstack.keys.putty.PuttyKeys.writeV3(ecdsa, passphrase, random, 64, 1));
        for (Path file : List.of(openssh, pem, ppk)) {
            assertThat(KeyFiles.readPrivateKey(file, passphrase).publicKey()).as(file.toString())
                    .isEqualTo(ecdsa.publicKey());
            assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, "wrong".toCharArray())).as(file.toString())
                    .isInstanceOf(WrongPassphraseException.class);
            assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null)).as(file.toString())
                    .isInstanceOf(PassphraseRequiredException.class);
        }
    }

    @Test
    void oversizedFilesAreRefused() throws Exception {
        Path file = dir.resolve("huge");
        Files.write(file, new byte[(int) KeyFiles.MAX_FILE_BYTES + 1]);
        assertThatThrownBy(() -> KeyFiles.readPrivateKey(file, null)).isInstanceOf(KeyFileException.class);
    }
}
