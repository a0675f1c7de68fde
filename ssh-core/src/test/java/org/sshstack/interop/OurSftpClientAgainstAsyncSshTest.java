package org.sshstack.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our SFTP client against AsyncSSH's SFTP server: every operation (a matrix row each), and a 1 GiB file each way,
 * contents compared by SHA-256, the figures in {@code target/interop-matrix/sftp-throughput-asyncssh.txt} (a
 * report, never an assertion). The server offers only {@link SftpBigFileInteropTest#CIPHER}, as sshd does in the
 * throughput test.
 */
class OurSftpClientAgainstAsyncSshTest {

    private static final String OURS = "sshstack SftpClient -> AsyncSSH 2.10 SFTP server";

    @Test
    void everyOperation(@TempDir Path dir) throws Exception {
        Path root = Files.createDirectories(dir.resolve("root"));
        try (AsyncSshServer server = AsyncSshServer.startSftp(dir, root, SftpBigFileInteropTest.CIPHER);
                OurSftpClient client = OurSftpClient.connect(server, AsyncSshServer.USER, AsyncSshServer.PASSWORD,
                        dir)) {
            SftpChecks checks = new SftpChecks("sshstack SftpClient -> AsyncSSH 2.10 SFTP server", server::log);
            OurSftpClientOperations.run(client.sftp(), relative -> "/" + relative, root,
                    Files.createDirectories(dir.resolve("local")), checks);
            checks.finish();
        }
    }

    @Test
    void oneGibEachWay(@TempDir Path dir) throws Exception {
        SftpThroughput figures = new SftpThroughput("sftp-throughput-asyncssh.txt");
        Path local = Files.createDirectories(dir.resolve("local"));
        Path root = Files.createDirectories(dir.resolve("root"));
        try (AsyncSshServer server = AsyncSshServer.startSftp(dir, root, SftpBigFileInteropTest.CIPHER)) {
            try (OurSftpClient client = OurSftpClient.connect(server, AsyncSshServer.USER, AsyncSshServer.PASSWORD,
                    dir)) {
                SftpBigFileInteropTest.roundTrip(client.sftp(), "/up.bin", root.resolve("up.bin"), local, figures, OURS);
            }
            figures.write();
        } finally {
            SftpBigFileInteropTest.deleteBigFiles(dir);
        }
    }
}
