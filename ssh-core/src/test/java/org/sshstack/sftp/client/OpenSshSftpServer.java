package org.sshstack.sftp.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.sshstack.SshException;
import org.sshstack.testing.PeerTools;

/**
 * OpenSSH's {@code sftp-server} run as a subprocess in a directory: its stdin and stdout are the SFTP stream, so
 * the client is tested against the real server without sshd. Skips on a laptop without it, fails under CI.
 */
final class OpenSshSftpServer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/lib/openssh/sftp-server");

    private final Process process;
    private final SftpClient client;

    OpenSshSftpServer(Path dir, SftpClientOptions options) throws IOException {
        PeerTools.requireAvailable(Files.isExecutable(BINARY), BINARY.toString());
        process = new ProcessBuilder(BINARY.toString(), "-e", "-l", "ERROR").directory(dir.toFile())
                .redirectError(ProcessBuilder.Redirect.appendTo(dir.resolveSibling(dir.getFileName() + ".log")
                        .toFile()))
                .start();
        try {
            client = SftpClient.open(process.getInputStream(), process.getOutputStream(), options);
        } catch (SshException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    SftpClient client() {
        return client;
    }

    @Override
    public void close() throws InterruptedException {
        client.close();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
