package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * Test support: a client engine wired to a server engine in memory (drained bytes of one side go to the other's
 * receive), with an injectable clock, seeded randoms, recording listeners and recording service handlers.
 */
final class EnginePair {

    /** A settable clock. */
    static final class Clock {
        long now = 1_000_000_000L;

        long get() {
            return now;
        }
    }

    /** Records the service payloads a side received. */
    static final class Recorder implements ServiceHandler {
        final List<byte[]> payloads = new ArrayList<>();
        String started;

        @Override
        public void serviceStarted(String serviceName) {
            started = serviceName;
        }

        @Override
        public void onPayload(byte[] payload) {
            payloads.add(payload);
        }
    }

    final Clock clock = new Clock();
    final RecordingListener clientEvents = new RecordingListener();
    final RecordingListener serverEvents = new RecordingListener();
    final Recorder clientHandler = new Recorder();
    final Recorder serverHandler = new Recorder();
    final List<SshException> clientErrors = new ArrayList<>();
    final List<SshException> serverErrors = new ArrayList<>();
    final TransportEngine client;
    final TransportEngine server;
    private final byte[] buffer = new byte[8192];
    /** When set, bytes from the client stop after this many have been delivered (connection drop tests). */
    long clientToServerBudget = Long.MAX_VALUE;

    EnginePair(Consumer<TransportConfig.Builder> clientSetup, Consumer<TransportConfig.Builder> serverSetup,
            List<ServerHostKey> hostKeys) {
        TransportConfig.Builder c = TransportConfig.client("localhost", 2222).random(EngineKeys.seeded(1))
                .nanoClock(clock::get).listener(clientEvents).hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE);
        clientSetup.accept(c);
        TransportConfig.Builder s = TransportConfig.server(hostKeys).random(EngineKeys.seeded(2))
                .nanoClock(clock::get).listener(serverEvents);
        serverSetup.accept(s);
        client = new TransportEngine(c.build());
        server = new TransportEngine(s.build());
        client.setServiceHandler(clientHandler);
        server.setServiceHandler(serverHandler);
    }

    static EnginePair defaults() {
        return new EnginePair(c -> { }, s -> { }, List.of(EngineKeys.hostKey(KeyType.ED25519)));
    }

    /** Moves bytes both ways until neither side has anything to send. */
    void pump() {
        for (int round = 0; round < 1_000_000; round++) {
            boolean moved = move(client, server, serverErrors, true) | move(server, client, clientErrors, false);
            if (!moved) {
                return;
            }
        }
        throw new AssertionError("pump did not settle");
    }

    private boolean move(TransportEngine from, TransportEngine to, List<SshException> errors, boolean fromClient) {
        boolean moved = false;
        while (from.pendingOutbound() > 0) {
            int n = from.drainOutbound(buffer, 0, buffer.length);
            if (fromClient) {
                if (clientToServerBudget <= 0) {
                    continue; // dropped on the floor
                }
                n = (int) Math.min(n, clientToServerBudget);
                clientToServerBudget -= n;
            }
            moved = true;
            try {
                to.receive(buffer, 0, n);
            } catch (SshException e) {
                errors.add(e);
            }
        }
        return moved;
    }

    /** Runs the handshake and the ssh-userauth service request. */
    EnginePair connect() throws SshException {
        pump();
        client.requestService("ssh-userauth");
        pump();
        assertThat(client.service()).contains("ssh-userauth");
        assertThat(server.service()).contains("ssh-userauth");
        return this;
    }

    /** Marks both sides authenticated, as the auth layer would. */
    EnginePair authenticate() {
        server.authenticated();
        client.authenticated();
        return this;
    }

    void assertOpen() {
        assertThat(clientErrors).isEmpty();
        assertThat(serverErrors).isEmpty();
        assertThat(client.isClosed()).as("client closed: %s", client.closeException()).isFalse();
        assertThat(server.isClosed()).as("server closed: %s", server.closeException()).isFalse();
    }
}
