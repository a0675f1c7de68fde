package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.sftp.SymlinkArgumentOrder;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;

/**
 * Our client and server agree on SYMLINK in either order (OpenSSH's for most peers, the draft's for AsyncSSH), and
 * the order matters: a server reading the other order swaps the paths.
 */
class SftpSymlinkOrderTest {

    @TempDir
    Path root;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        thread.shutdownNow();
    }

    @ParameterizedTest
    @EnumSource(SymlinkArgumentOrder.class)
    void clientAndServerInTheSameOrderMakeTheLinkAsked(SymlinkArgumentOrder order) throws Exception {
        Files.writeString(root.resolve("target.txt"), "content");
        symlink(order, order);
        assertThat(Files.readSymbolicLink(root.resolve("ln"))).isEqualTo(Path.of("target.txt"));
        assertThat(root.resolve("ln")).hasContent("content");
    }

    @ParameterizedTest
    @EnumSource(SymlinkArgumentOrder.class)
    void aServerInTheOtherOrderSwapsThePaths(SymlinkArgumentOrder clientOrder) throws Exception {
        SymlinkArgumentOrder serverOrder = clientOrder == SymlinkArgumentOrder.OPENSSH ? SymlinkArgumentOrder.DRAFT
                : SymlinkArgumentOrder.OPENSSH;
        symlink(clientOrder, serverOrder);
        assertThat(Files.readSymbolicLink(root.resolve("target.txt"))).isEqualTo(Path.of("ln"));
        assertThat(root.resolve("ln")).doesNotExist();
    }

    /** Runs one session: our client asks for the link "/ln" to "target.txt". */
    private void symlink(SymlinkArgumentOrder clientOrder, SymlinkArgumentOrder serverOrder) throws Exception {
        PipedOutputStream clientOut = new PipedOutputStream();
        PipedInputStream serverIn = new PipedInputStream(clientOut, 1 << 16);
        PipedInputStream clientIn = new PipedInputStream(1 << 16);
        PipedOutputStream serverOut = new PipedOutputStream(clientIn);
        SftpServer server = new SftpServer(SftpServerConfig.builder(root).allowSymlinkCreation(true).build());
        Future<?> session = thread.submit(() -> {
            try (serverOut) {
                server.serve("bob", serverIn, serverOut, serverOrder);
            }
            return null;
        });
        try (SftpClient client = SftpClient.open(clientIn, clientOut,
                SftpClientOptions.defaults().withSymlinkOrder(clientOrder))) {
            client.symlink("target.txt", "/ln");
        }
        session.get(20, TimeUnit.SECONDS);
    }
}
