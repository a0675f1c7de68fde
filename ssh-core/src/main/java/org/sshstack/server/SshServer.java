package org.sshstack.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.DisconnectReason;
import org.sshstack.auth.ServerAuthConfig;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.DriverOptions;
import org.sshstack.session.ServerEngine;
import org.sshstack.session.ServerSessionConfig;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * A blocking SSH server: one acceptor thread and one reader thread per connection (from the caller's
 * {@link ThreadFactory}), commands and shells on the caller's {@link ExecutorService}. Build with
 * {@link SshServerBuilder}; {@link #start()} binds, {@link #close()} closes every connection and joins the threads
 * (the executor stays the caller's to shut down).
 */
public final class SshServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SshServer.class);

    private final SshServerBuilder config;
    private final ServerAuthConfig authConfig;
    private final List<BlockingDriver<ServerEngine>> drivers = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listener;
    private volatile Thread acceptor;

    SshServer(SshServerBuilder config) {
        this.config = config;
        this.authConfig = ServerAuthConfig.defaults(new SecureRandom()).withLoginGrace(config.loginGrace)
                .withMaxAuthTries(config.maxAuthTries);
    }

    /** @return a builder with the defaults */
    public static SshServerBuilder builder() {
        return new SshServerBuilder();
    }

    /**
     * Binds and starts accepting.
     *
     * @return this server
     * @throws IOException if the address cannot be bound
     */
    public SshServer start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.bind(config.address, 50);
        listener = socket;
        acceptor = config.threads.newThread(this::acceptLoop);
        acceptor.start();
        return this;
    }

    /** @return the bound port (useful after binding port 0) */
    public int getPort() {
        return listener.getLocalPort();
    }

    CommandHandler commands() {
        return config.commands;
    }

    ShellFactory shells() {
        return config.shells;
    }

    Map<String, CommandHandler> subsystems() {
        return config.subsystems;
    }

    ExecutorService executor() {
        return config.executor;
    }

    Duration writeTimeout() {
        return config.writeTimeout;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            try {
                accept(socket);
            } catch (IOException | RuntimeException e) {
                LOG.debug("could not start a connection", e);
                closeQuietly(socket);
            }
        }
    }

    private void accept(Socket socket) throws IOException {
        if (unauthenticatedConnections() >= config.maxUnauthenticated) {
            closeQuietly(socket); // like OpenSSH MaxStartups: refuse before the handshake
            return;
        }
        CompletableFuture<BlockingDriver<ServerEngine>> future = new CompletableFuture<>();
        TransportConfig transport = TransportConfig.server(hostKeys()).random(new SecureRandom())
                .nanoClock(config.clock).build();
        ServerSessionConfig session = ServerSessionConfig.of(new ServerAuth(config.passwords, config.publicKeys,
                config.interactive),
                authConfig, result -> new SessionHandler(this, result.username(), future))
                .withConnection(org.sshstack.connection.ConnectionConfig.defaults()
                        .withMaxChannels(config.maxSessions));
        ServerEngine engine = new ServerEngine(transport, session, socket.getInetAddress().getHostAddress());
        BlockingDriver<ServerEngine> driver = BlockingDriver.start(engine, socket, DriverOptions.defaults()
                .withThreadFactory(config.threads).withClock(config.clock).withCloseTimeout(Duration.ofSeconds(5)));
        future.complete(driver);
        drivers.add(driver);
    }

    private List<ServerHostKey> hostKeys() {
        return config.hostKeys;
    }

    /** @return the connections currently open */
    public int connectionCount() {
        drivers.removeIf(BlockingDriver::isClosed);
        return drivers.size();
    }

    /** @return the open connections that have not (yet) authenticated (OpenSSH's MaxStartups count) */
    public int unauthenticatedConnections() {
        drivers.removeIf(BlockingDriver::isClosed);
        return (int) drivers.stream().filter(d -> d.withEngine(e -> !e.isAuthenticated() && !e.isClosed())).count();
    }

    /** Stops accepting, disconnects every connection and joins the acceptor and reader threads. */
    @Override
    public void close() {
        ServerSocket socket = listener;
        if (socket != null) {
            closeQuietly(socket);
        }
        Thread t = acceptor;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (BlockingDriver<ServerEngine> driver : drivers) {
            driver.run(e -> e.disconnect(DisconnectReason.BY_APPLICATION, "server shutting down"));
            driver.close();
        }
        drivers.clear();
    }

    private static void closeQuietly(java.io.Closeable c) {
        try {
            c.close();
        } catch (IOException e) {
            LOG.debug("close failed", e);
        }
    }
}
