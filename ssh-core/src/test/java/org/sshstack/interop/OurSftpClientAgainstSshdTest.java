package org.sshstack.interop;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every operation of our SFTP client against OpenSSH's sftp-server (through sshd), each a matrix row. */
class OurSftpClientAgainstSshdTest {

    @Test
    void againstSshdSftpServer(@TempDir Path dir) throws Exception {
        try (SshdSftpTarget target = SshdSftpTarget.start(dir.resolve("server"));
                OurSftpClient client = OurSftpClient.connect(target, dir)) {
            SftpChecks checks = new SftpChecks("sshstack SftpClient -> sshd sftp-server", target::log);
            OurSftpClientOperations.run(client.sftp(), target::remotePath, target.root(),
                    Files.createDirectories(dir.resolve("local")), checks);
            checks.finish();
        }
    }
}
