package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpStatusCode;

/** Review findings on the SFTP server: each test failed before its fix. */
class SftpReviewServerTest {

    @TempDir
    Path root;

    SftpHarness sftp;

    @BeforeEach
    void start() throws Exception {
        Files.write(root.resolve("data"), new byte[100]);
        sftp = new SftpHarness(SftpServerConfig.builder(root).build(), "alice");
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(sftp.finish()).isNull();
    }

    @Test
    void copyDataToTheEndOfAFileThatGrowsAsItIsWrittenStops() throws Exception {
        SftpHandle source = sftp.openHandle("data", OpenFlags.READ);
        SftpHandle target = sftp.openHandle("data", OpenFlags.WRITE | OpenFlags.APPEND);
        // PROTOCOL §4.10: length 0 copies up to end of file; the end of file is the one when the copy started
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.CopyData(source, 0, 0, target, 0))))
                .isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.CopyData(source, 0, Long.MAX_VALUE, target,
                0)))).isEqualTo(SftpStatusCode.OK);
        sftp.call(new SftpRequest.HandleRequest(sftp.id(), org.sshstack.sftp.SftpPacketType.CLOSE, source));
        sftp.call(new SftpRequest.HandleRequest(sftp.id(), org.sshstack.sftp.SftpPacketType.CLOSE, target));
        assertThat(Files.size(root.resolve("data"))).isEqualTo(400);
    }

    @Test
    void openForReadingWithCreateCreatesAndExclusiveRefusesAnExistingFile() throws Exception {
        // filexfer-02 §6.3 and open(2) as OpenSSH uses it: CREAT and EXCL do not depend on the WRITE flag
        SftpHandle created = sftp.openHandle("fresh", OpenFlags.READ | OpenFlags.CREATE);
        sftp.call(new SftpRequest.HandleRequest(sftp.id(), org.sshstack.sftp.SftpPacketType.CLOSE, created));
        assertThat(root.resolve("fresh")).isEmptyFile();
        assertThat(sftp.status(sftp.open("data", OpenFlags.READ | OpenFlags.CREATE | OpenFlags.EXCLUSIVE)))
                .isEqualTo(SftpStatusCode.FAILURE);
    }

    @Test
    void realpathAcceptsAMissingLastComponentAsOpenSshDoes() throws Exception {
        // OpenSSH's sftp-server (sftp-realpath.c) answers a missing last name; clients REALPATH upload targets
        assertThat(sftp.names(sftp.path(org.sshstack.sftp.SftpPacketType.REALPATH, "missing")))
                .extracting(org.sshstack.sftp.SftpResponse.NameEntry::filename).containsExactly("/missing");
        assertThat(sftp.status(sftp.path(org.sshstack.sftp.SftpPacketType.REALPATH, "missing/deeper")))
                .isEqualTo(SftpStatusCode.NO_SUCH_FILE);
    }
}
