package org.sshstack.interop;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every peer SFTP client against one {@link SftpTarget}, each operation checked on disk by SHA-256 and recorded in
 * the interop matrix: OpenSSH {@code sftp -b} and {@code scp}, PuTTY {@code psftp}, {@code lftp}, {@code rclone},
 * paramiko's SFTPClient and AsyncSSH's SFTP client. Subclasses choose the server.
 */
abstract class SftpPeerClientsTest {

    /**
     * @param dir an empty temporary directory for the server's files
     * @return the running server
     */
    abstract SftpTarget start(Path dir) throws Exception;

    @Test
    void openSshSftpBatch(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("OpenSSH sftp -b 9.2", target);
            OpenSshSftpBatch.run(target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void openSshScp(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("OpenSSH scp 9.2", target);
            OpenSshScp.run(target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void puttyPsftp(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("PuTTY psftp 0.78", target);
            PsftpBatch.run(target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void lftp(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("lftp 4.9", target);
            LftpScript.run(target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void rclone(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("rclone 1.60", target);
            RcloneTree.run(target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void paramikoSftpClient(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("paramiko 2.12 SFTPClient", target);
            PythonSftpClients.run("paramiko", target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }

    @Test
    void asyncSshSftpClient(@TempDir Path dir) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks("asyncssh 2.10 SFTPClient", target);
            PythonSftpClients.run("asyncssh", target, dir.resolve("peer"), checks);
            checks.finish();
        }
    }
}
