package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpPermissionDeniedException;
import org.sshstack.sftp.SftpStatusCode;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.server.SftpServerConfig;

/** The server's error replies as the client sees them over a full in-memory SSH connection ({@link InMemorySftp}). */
class SftpOverSshInMemoryErrorsTest {

    @TempDir
    Path root;

    @Test
    void missingFilesAreNoSuchFileWithTheServersMessage() throws Exception {
        try (InMemorySftp pair = new InMemorySftp(SftpServerConfig.builder(root).build())) {
            SftpClient sftp = pair.sftp;
            assertThatThrownBy(() -> sftp.stat("/nope")).isInstanceOfSatisfying(SftpNoSuchFileException.class,
                    e -> {
                        assertThat(e.status()).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
                        assertThat(e.serverMessage()).isEqualTo("No such file");
                    });
            assertThatThrownBy(() -> sftp.open("/nope", OpenFlags.READ)).isInstanceOf(SftpNoSuchFileException.class);
            assertThatThrownBy(() -> sftp.remove("/nope")).isInstanceOf(SftpNoSuchFileException.class);
            assertThatThrownBy(() -> sftp.list("/nope")).isInstanceOf(SftpNoSuchFileException.class);
            assertThatThrownBy(() -> sftp.extensions().homeDirectory("mallory"))
                    .isInstanceOfSatisfying(SftpNoSuchFileException.class,
                            e -> assertThat(e.serverMessage()).isEqualTo("No such user"));
        }
    }

    @Test
    void failuresAreTypedByStatus() throws Exception {
        Files.createDirectories(root.resolve("full/child"));
        Files.writeString(root.resolve("exists"), "x");
        try (InMemorySftp pair = new InMemorySftp(SftpServerConfig.builder(root).build())) {
            SftpClient sftp = pair.sftp;
            assertThatThrownBy(() -> sftp.mkdir("/full")).isInstanceOf(SftpFailureException.class);
            assertThatThrownBy(() -> sftp.rmdir("/full")).isInstanceOf(SftpFailureException.class);
            assertThatThrownBy(() -> sftp.open("/exists", OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.EXCLUSIVE))
                    .isInstanceOf(SftpFailureException.class);
            assertThatThrownBy(() -> sftp.stat("../outside")).isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> sftp.symlink("exists", "/link")) // symlink creation is off by default
                    .isInstanceOf(SftpPermissionDeniedException.class);
        }
    }

    @Test
    void aClosedHandleIsRefused() throws Exception {
        Files.writeString(root.resolve("f"), "data");
        try (InMemorySftp pair = new InMemorySftp(SftpServerConfig.builder(root).build())) {
            SftpClient sftp = pair.sftp;
            SftpHandle handle = sftp.open("/f", OpenFlags.READ);
            sftp.close(handle);
            byte[] buffer = new byte[4];
            assertThatThrownBy(() -> sftp.read(handle, 0, buffer, 0, 4)).isInstanceOfSatisfying(
                    SftpFailureException.class, e -> assertThat(e.serverMessage()).isEqualTo("Invalid file handle"));
            assertThatThrownBy(() -> sftp.fstat(handle)).isInstanceOf(SftpFailureException.class);
            assertThatThrownBy(() -> sftp.close(handle)).isInstanceOf(SftpException.class);
            assertThat(sftp.stat("/f").size()).hasValue(4); // the session goes on
        }
    }

    @Test
    void readOnlyServerRefusesEveryChangeButServesReads() throws Exception {
        Files.writeString(root.resolve("keep"), "keep");
        try (InMemorySftp pair = new InMemorySftp(SftpServerConfig.builder(root).readOnly(true).build())) {
            SftpClient sftp = pair.sftp;
            assertThatThrownBy(() -> sftp.open("/new", OpenFlags.WRITE | OpenFlags.CREATE))
                    .isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> sftp.mkdir("/d")).isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> sftp.remove("/keep")).isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> sftp.rename("/keep", "/gone")).isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> sftp.extensions().posixRename("/keep", "/gone"))
                    .isInstanceOf(SftpPermissionDeniedException.class);
            try (var in = sftp.openInputStream("/keep", 0)) {
                assertThat(in.readAllBytes()).isEqualTo("keep".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        assertThat(root.resolve("new")).doesNotExist();
        assertThat(root.resolve("keep")).hasContent("keep");
    }

    @Test
    void deniedRequestsArePermissionDenied() throws Exception {
        Files.writeString(root.resolve("f"), "f");
        SftpServerConfig config = SftpServerConfig.builder(root).deniedRequests(Set.of("hardlink", "stat")).build();
        try (InMemorySftp pair = new InMemorySftp(config)) {
            assertThatThrownBy(() -> pair.sftp.extensions().hardlink("/f", "/g"))
                    .isInstanceOf(SftpPermissionDeniedException.class);
            assertThatThrownBy(() -> pair.sftp.stat("/f")).isInstanceOf(SftpPermissionDeniedException.class);
            assertThat(pair.sftp.lstat("/f").size()).hasValue(1);
        }
    }
}
