package org.sshstack.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionMultiplexer;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.io.EngineAction;
import org.sshstack.session.SessionEngine;

/**
 * The blocking requests of a started {@link Transport} over its driver: channel opens, global requests (RFC 4254
 * §4), key re-exchange (RFC 4253 §9), keepalives and exit status. Timeouts never close the connection here.
 */
final class TransportRequests {

    private static final String KEEPALIVE = "keepalive@openssh.com";

    private final BlockingDriver<? extends SessionEngine> driver;
    private final TransportEvents events;
    private final Duration timeout;

    TransportRequests(BlockingDriver<? extends SessionEngine> driver, TransportEvents events, Duration timeout) {
        this.driver = driver;
        this.events = events;
        this.timeout = timeout;
    }

    Channel openSession() throws SshException, InterruptedIOException {
        if (!driver.withEngine(SessionEngine::isAuthenticated)) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "channels open only after authentication");
        }
        ConnectionChannel raw = driver.call(SessionEngine::openSession);
        ChannelIo io = new ChannelIo(driver, raw);
        driver.run(e -> events.channels().register(io));
        io.setTimeout(timeout);
        io.awaitOpen();
        io.setTimeout(null);
        return new Channel(io);
    }

    byte[] globalRequest(String kind, byte[] body, boolean wait) throws SshException, InterruptedIOException {
        CompletableFuture<byte[]> reply = driver.call(e -> {
            ConnectionMultiplexer connection = e.connection().orElseThrow(() -> new SshException(
                    DisconnectReason.BY_APPLICATION, "global requests need an authenticated connection"));
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            if (!connection.sendGlobalRequest(kind, wait, body)) {
                throw new SshException(DisconnectReason.BY_APPLICATION, "too many global requests await replies");
            }
            if (wait) {
                events.expectGlobalReply(kind, f); // under the engine lock, in sending order
            } else {
                f.complete(new byte[0]);
            }
            return f;
        });
        waitUntil(e -> reply.isDone(), "the reply to global request " + kind);
        return reply.join();
    }

    void renegotiateKeys() throws SshException, InterruptedIOException {
        int before = driver.call(e -> {
            int count = e.transport().keyExchangeCount();
            e.transport().renegotiateKeys(); // false while one runs: waiting for that one is as good
            return count;
        });
        waitUntil(e -> e.transport().keyExchangeCount() > before, "the key exchange");
    }

    void sendIgnore(int byteCount) throws SshException {
        driver.call(e -> {
            e.transport().sendIgnore(byteCount);
            return null;
        });
    }

    void sendKeepalive() throws SshException {
        driver.call(e -> {
            ConnectionMultiplexer connection = e.connection().orElse(null);
            if (connection != null) {
                connection.sendGlobalRequest(KEEPALIVE, false, new byte[0]);
            } else {
                e.transport().sendIgnore(0);
            }
            return null;
        });
    }

    /** Waits for a condition without closing the connection on timeout. */
    private void waitUntil(EngineAction<SessionEngine, Boolean> condition, String what) throws SshException,
            InterruptedIOException {
        try {
            if (!driver.send(condition, timeout)) {
                throw new ChannelTimeoutException("timed out after " + timeout + " waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + what);
        }
    }
}
