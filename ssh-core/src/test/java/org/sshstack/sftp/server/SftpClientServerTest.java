package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpPermissionDeniedException;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;

/** Our pipelined SFTP client against our server over in-memory pipes: 64 requests in flight, in order replies. */
class SftpClientServerTest {

    @TempDir
    Path root;

    @Test
    void pipelinedUploadAndDownloadRoundTrip() throws Exception {
        byte[] content = new byte[5 * 1024 * 1024 + 123];
        new Random(7).nextBytes(content);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 20);
        PipedInputStream clientIn = new PipedInputStream(1 << 20);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        SftpServer server = new SftpServer(SftpServerConfig.builder(root).build());
        Future<?> session = thread.submit(() -> {
            try (serverOut) {
                server.serve("bob", serverIn, serverOut);
            }
            return null;
        });
        try (SftpClient client = SftpClient.open(clientIn, clientOut, SftpClientOptions.defaults())) {
            client.mkdir("/up");
            try (OutputStream out = client.openOutputStream("/up/blob", false)) {
                out.write(content);
            }
            assertThat(Files.readAllBytes(root.resolve("up/blob"))).isEqualTo(content);
            try (InputStream in = client.openInputStream("up/blob", 0)) {
                assertThat(in.readAllBytes()).isEqualTo(content);
            }
            assertThat(client.list("/up")).extracting(e -> e.filename()).containsExactly("blob");
            assertThat(client.realpath("up/../up")).isEqualTo("/up");
            assertThatThrownBy(() -> client.stat("/nope")).isInstanceOf(SftpNoSuchFileException.class);
            assertThatThrownBy(() -> client.stat("../x")).isInstanceOf(SftpPermissionDeniedException.class);
        }
        session.get(20, TimeUnit.SECONDS);
        thread.shutdown();
    }
}
