package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.sshstack.SshException;
import org.sshstack.auth.ServerAuthConfig;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.auth.ServerAuthResult;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.event.SshEventListener;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.transport.InsecureAcceptAllHostKeys;
import org.sshstack.transport.ProtocolEngine;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * Test support: a {@link ClientEngine} wired to a {@link ServerEngine} in memory. {@link #pump()} moves drained
 * bytes to the other side and runs queued "application" tasks (as an executor would) until nothing moves; the clock
 * is a field; randoms are seeded; the host key comes from {@link KeyGenerator}.
 */
final class SessionPair {

    static final SshKeyPair HOST_KEY = KeyGenerator.ed25519("host", seeded(3));
    static final Instant WALL_CLOCK = Instant.parse("2030-01-01T00:00:00Z");

    /** Events of one side, recorded: every event record the listener is given, in order. */
    static final class Events {
        final List<Object> all = new ArrayList<>();
        final SshEventListener listener = (SshEventListener) Proxy.newProxyInstance(
                SshEventListener.class.getClassLoader(), new Class<?>[] {SshEventListener.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "Events";
                        };
                    }
                    all.add(args[0]); // every listener method takes one event record
                    return null;
                });
    }

    long now = 1_000_000_000L;
    final Events clientEvents = new Events();
    final Events serverEvents = new Events();
    final List<SshException> clientErrors = new ArrayList<>();
    final List<SshException> serverErrors = new ArrayList<>();
    /** Work the "application" does outside engine callbacks (run by pump, in order). */
    final ArrayDeque<Task> tasks = new ArrayDeque<>();
    final ClientEngine client;
    final ServerEngine server;
    private final byte[] buffer = new byte[8192];

    /** A unit of application work that may call channel methods. */
    interface Task {
        void run() throws SshException;
    }

    SessionPair(ServerAuthHandler auth, UnaryOperator<ServerAuthConfig> authSetup,
            Function<ServerAuthResult, ConnectionHandler> handlers, UnaryOperator<ClientSessionConfig> clientSetup,
            UnaryOperator<ServerSessionConfig> serverSetup) {
        TransportConfig clientTransport = TransportConfig.client("localhost", 22).random(seeded(1))
                .nanoClock(() -> now).listener(clientEvents.listener)
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build();
        TransportConfig serverTransport = TransportConfig.server(List.of(hostKey())).random(seeded(2))
                .nanoClock(() -> now).listener(serverEvents.listener).build();
        ServerAuthConfig authConfig = authSetup.apply(ServerAuthConfig.defaults(seeded(4))
                .withFailureDelay(Duration.ZERO, Duration.ZERO));
        client = new ClientEngine(clientTransport, clientSetup.apply(ClientSessionConfig.defaults()));
        server = new ServerEngine(serverTransport, serverSetup.apply(ServerSessionConfig.of(auth, authConfig,
                handlers).withWallClock(() -> WALL_CLOCK)), "192.0.2.7");
    }

    SessionPair(ServerAuthHandler auth, Function<ServerAuthResult, ConnectionHandler> handlers) {
        this(auth, c -> c, handlers, c -> c, s -> s);
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private static ServerHostKey hostKey() {
        try {
            return new ServerHostKey(HOST_KEY.publicKey(), JcaSshSigner.of(HOST_KEY.privateKey(), seeded(5)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Moves bytes both ways and runs tasks until nothing moves. */
    void pump() {
        for (int round = 0; round < 1_000_000; round++) {
            boolean moved = move(client, server, serverErrors) | move(server, client, clientErrors) | runTasks();
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("pump did not settle");
    }

    /** Moves at most one buffer each way (for interleaving with slow readers). */
    boolean step() {
        return moveOnce(client, server, serverErrors) | moveOnce(server, client, clientErrors) | runTasks();
    }

    private boolean runTasks() {
        boolean ran = false;
        Task task;
        while ((task = tasks.poll()) != null) {
            ran = true;
            try {
                task.run();
            } catch (SshException e) {
                throw new AssertionError(e);
            }
        }
        return ran;
    }

    private boolean move(ProtocolEngine from, ProtocolEngine to, List<SshException> errors) {
        boolean moved = false;
        while (moveOnce(from, to, errors)) {
            moved = true;
        }
        return moved;
    }

    private boolean moveOnce(ProtocolEngine from, ProtocolEngine to, List<SshException> errors) {
        if (from.pendingOutbound() == 0) {
            return false;
        }
        int n = from.drainOutbound(buffer, 0, buffer.length);
        try {
            to.receive(buffer, 0, n);
        } catch (SshException e) {
            errors.add(e);
        }
        return n > 0;
    }

    /** Runs the handshake and a password login ("alice"/"secret"). */
    SessionPair login() throws Exception {
        CompletableFuture<List<String>> result = client.authPassword("alice", "secret");
        pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertOpen();
        return this;
    }

    /** Opens a session channel and returns it once confirmed. */
    ConnectionChannel openSession() throws SshException {
        ConnectionChannel channel = client.openSession();
        pump();
        assertThat(channel.state()).isEqualTo(ConnectionChannel.State.OPEN);
        return channel;
    }

    void assertOpen() {
        assertThat(clientErrors).isEmpty();
        assertThat(serverErrors).isEmpty();
        assertThat(client.isClosed()).as("client closed: %s", client.closeException()).isFalse();
        assertThat(server.isClosed()).as("server closed: %s", server.closeException()).isFalse();
    }
}
