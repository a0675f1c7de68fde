package org.sshstack.connection;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.transport.PayloadSink;

/** Two multiplexers wired in memory (client and server), with sinks that can simulate a full transport queue. */
final class Pair {

    /** A sink queueing payloads for the other side; refuses when "full" or beyond its capacity. */
    static final class TestSink implements PayloadSink {
        final ArrayDeque<byte[]> queue = new ArrayDeque<>();
        final List<byte[]> sent = new ArrayList<>();
        boolean full;
        int capacity = Integer.MAX_VALUE;

        @Override
        public boolean send(byte[] payload) {
            if (full || queue.size() >= capacity) {
                return false;
            }
            queue.add(payload);
            sent.add(payload);
            return true;
        }
    }

    final TestSink clientSink = new TestSink();
    final TestSink serverSink = new TestSink();
    final RecordingListener clientEvents = new RecordingListener();
    final RecordingListener serverEvents = new RecordingListener();
    final ConnectionMultiplexer client;
    final ConnectionMultiplexer server;

    Pair(ConnectionConfig config, ConnectionHandler serverHandler) {
        this(config, config, new ConnectionHandler() { }, serverHandler);
    }

    Pair(ConnectionConfig clientConfig, ConnectionConfig serverConfig, ConnectionHandler clientHandler,
            ConnectionHandler serverHandler) {
        client = new ConnectionMultiplexer(clientConfig, clientSink, clientHandler, clientEvents);
        server = new ConnectionMultiplexer(serverConfig, serverSink, serverHandler, serverEvents);
    }

    /** A server handler accepting every channel and every request. */
    static ConnectionHandler acceptAll() {
        return new ConnectionHandler() {
            @Override
            public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
                return OpenDecision.accept();
            }

            @Override
            public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
                return true;
            }

            @Override
            public boolean onGlobalRequest(String requestName, byte[] data) {
                return true;
            }
        };
    }

    /** Delivers queued payloads both ways until both queues are empty. */
    void pump() throws SshException {
        boolean moved = true;
        while (moved) {
            moved = deliver(clientSink, server) | deliver(serverSink, client);
        }
    }

    private static boolean deliver(TestSink from, ConnectionMultiplexer to) throws SshException {
        boolean moved = false;
        while (!from.queue.isEmpty()) {
            to.onPayload(from.queue.poll());
            moved = true;
        }
        return moved;
    }

    /** Opens a session from the client and confirms it; returns {client side, server side}. */
    ConnectionChannel[] openSession() throws SshException {
        ConnectionChannel local = client.openSession();
        pump();
        ConnectionChannel remote = serverEvents.opened.get(serverEvents.opened.size() - 1);
        return new ConnectionChannel[] {local, remote};
    }
}
