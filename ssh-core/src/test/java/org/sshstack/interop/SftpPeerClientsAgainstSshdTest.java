package org.sshstack.interop;

import java.nio.file.Files;
import java.nio.file.Path;

/** The SFTP peer clients against the reference server, OpenSSH's sshd with its sftp-server (validates the harness). */
class SftpPeerClientsAgainstSshdTest extends SftpPeerClientsTest {

    @Override
    SftpTarget start(Path dir) throws Exception {
        return SshdSftpTarget.start(Files.createDirectories(dir));
    }
}
