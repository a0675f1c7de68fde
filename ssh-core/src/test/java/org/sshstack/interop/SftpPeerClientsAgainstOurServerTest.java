package org.sshstack.interop;

import java.nio.file.Files;
import java.nio.file.Path;

/** The SFTP peer clients against our server ({@code SshServerBuilder.sftp}). */
class SftpPeerClientsAgainstOurServerTest extends SftpPeerClientsTest {

    @Override
    SftpTarget start(Path dir) throws Exception {
        return OurSftpTarget.start(Files.createDirectories(dir));
    }
}
