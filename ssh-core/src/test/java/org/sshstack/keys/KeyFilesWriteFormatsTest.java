package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.KeyFiles.PrivateKeyWriteFormat;
import org.sshstack.testing.TestKeys;

/** Every writable private key format gets the same atomic, owner-only write, and reads back. */
class KeyFilesWriteFormatsTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(PrivateKeyWriteFormat.class)
    void writesOwnerOnlyAndReadsBack(PrivateKeyWriteFormat format) throws Exception {
        Assumptions.assumeTrue(Files.getFileStore(dir).supportsFileAttributeView("posix"), "POSIX file system");
        SshKeyPair pair = TestKeys.generate(KeyType.ECDSA_NISTP256);
        for (char[] passphrase : new char[][] {null, "p4ss".toCharArray()}) {
            Path file = dir.resolve("id_" + format + (passphrase == null ? "" : "_pw"));
            Files.writeString(file, "old content"); // replaced atomically
            KeyFiles.writePrivateKey(file, pair, format, passphrase, TestKeys.seeded(4));
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            SshKeyPair read = KeyFiles.readPrivateKey(file, passphrase);
            assertThat(read.publicKey()).isEqualTo(pair.publicKey());
            assertThat(read.privateKey().getEncoded()).isEqualTo(pair.privateKey().getEncoded());
        }
        try (var listing = Files.list(dir)) {
            assertThat(listing.filter(p -> p.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }
}
