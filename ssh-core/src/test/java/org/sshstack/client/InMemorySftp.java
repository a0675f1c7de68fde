package org.sshstack.client;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.server.SftpServerConfig;

/**
 * Test support: a client {@link Transport} and a server-mode {@link Transport} joined by two {@link MemoryPipe}s
 * (no socket), the server serving SFTP through {@link SftpSubsystemHandler}, and an {@link SftpClient} opened with
 * {@link Transport#openSftpClient()} as user "bob".
 */
final class InMemorySftp implements AutoCloseable {

    /** The bound on every wait of the pair. */
    static final Duration T = Duration.ofSeconds(10);

    private static final int PIPE = 1 << 20;

    final Transport client;
    final Transport server;
    final SftpClient sftp;

    InMemorySftp(SftpServerConfig config) throws Exception {
        MemoryPipe up = new MemoryPipe(PIPE);
        MemoryPipe down = new MemoryPipe(PIPE);
        client = new Transport(down.source(), up.sink());
        server = new Transport(up.source(), down.sink());
        client.setTimeout(T);
        server.setTimeout(T);
        server.addServerKey(LoopbackServer.HOST_KEY);
        server.setSubsystemHandler("sftp", SftpSubsystemHandler.factory(config));
        CompletableFuture<Void> started = server.startServerAsync(new TransportTest.Server());
        client.startClient(T);
        started.get(T.toSeconds(), TimeUnit.SECONDS);
        client.authPassword("bob", "secret");
        sftp = client.openSftpClient();
    }

    @Override
    public void close() {
        sftp.close();
        client.close();
        server.close();
    }
}
