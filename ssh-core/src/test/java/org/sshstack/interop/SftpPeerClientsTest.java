package org.sshstack.interop;

import java.nio.file.Path;
import java.util.function.BiFunction;
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
        peer(dir, "OpenSSH sftp -b 9.2", OpenSshSftpBatch::new);
    }

    @Test
    void openSshScp(@TempDir Path dir) throws Exception {
        peer(dir, "OpenSSH scp 9.2", OpenSshScp::new);
    }

    @Test
    void puttyPsftp(@TempDir Path dir) throws Exception {
        peer(dir, "PuTTY psftp 0.78", PsftpBatch::new);
    }

    @Test
    void lftp(@TempDir Path dir) throws Exception {
        peer(dir, "lftp 4.9", LftpScript::new);
    }

    @Test
    void rclone(@TempDir Path dir) throws Exception {
        peer(dir, "rclone 1.60", RcloneTree::new);
    }

    @Test
    void paramikoSftpClient(@TempDir Path dir) throws Exception {
        peer(dir, "paramiko 2.12 SFTPClient", (target, peerDir) -> new PythonSftpClients("paramiko", target, peerDir));
    }

    @Test
    void asyncSshSftpClient(@TempDir Path dir) throws Exception {
        peer(dir, "asyncssh 2.10 SFTPClient", (target, peerDir) -> new PythonSftpClients("asyncssh", target, peerDir));
    }

    /** Starts the server, runs one client against it, writes its matrix rows and fails on any failed row. */
    private void peer(Path dir, String name, BiFunction<SftpTarget, Path, SftpPeerRun> client) throws Exception {
        try (SftpTarget target = start(dir.resolve("server"))) {
            SftpChecks checks = new SftpChecks(name, target);
            client.apply(target, dir.resolve("peer")).run(checks);
            checks.finish();
        }
    }
}
