package org.sshstack.server.hostile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.InsecureAcceptAllHostKeys;
import org.sshstack.transport.RawInjection;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;

/**
 * Test support: a hostile SSH client on the calling thread. A client {@link TransportEngine} pumped by hand over a
 * loopback socket, so a test can stop at any handshake step, send raw bytes, or inject any payload with the
 * current keys (bypassing the engine's rules). Every read is bounded by a 10 s socket timeout.
 */
final class RawClient implements AutoCloseable {

    private static final int READ_TIMEOUT_MILLIS = 10_000;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final TransportEngine engine;
    private final List<byte[]> received = new ArrayList<>();
    private final byte[] buffer = new byte[32 * 1024];
    private boolean ended;

    /**
     * Connects; nothing is sent yet (the engine's identification and KEXINIT wait in its queue).
     *
     * @param port the server's loopback port
     * @throws IOException if the connection fails
     */
    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(READ_TIMEOUT_MILLIS);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        // curve25519 keeps hundreds of handshakes cheap on the shared CI cores
        engine = new TransportEngine(TransportConfig.client("localhost", port)
                .algorithms(AlgorithmPreferences.builder(Role.CLIENT).kex("curve25519-sha256").build())
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).random(new SecureRandom()).build());
        engine.setServiceHandler(received::add);
    }

    /** @return the engine (only this thread uses it) */
    TransportEngine engine() {
        return engine;
    }

    /** Writes raw bytes, bypassing the engine. */
    void writeRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Writes whatever the engine has queued. */
    void flush() throws IOException {
        while (engine.pendingOutbound() > 0) {
            int n = engine.drainOutbound(buffer, 0, buffer.length);
            out.write(buffer, 0, n);
        }
        out.flush();
    }

    /**
     * Writes the engine's output and feeds it the server's bytes until {@code done} holds, the engine closes or the
     * server ends the connection.
     *
     * @param done the condition
     * @return whether it holds
     */
    boolean pumpUntil(Predicate<TransportEngine> done) throws IOException {
        while (true) {
            flush();
            if (done.test(engine)) {
                return true;
            }
            if (engine.isClosed() || ended) {
                return false;
            }
            readOnce();
        }
    }

    /** Pumps until {@code done} holds; fails the test otherwise. */
    void require(Predicate<TransportEngine> done, String what) throws IOException {
        if (!pumpUntil(done)) {
            throw new AssertionError("the connection ended before " + what + ": " + engine.closeException());
        }
    }

    /** Runs the key exchange to its end (our NEWKEYS sent, theirs received). */
    void kex() throws IOException {
        require(e -> e.sessionId().isPresent(), "the key exchange finished");
    }

    /** Key exchange, then SERVICE_REQUEST(ssh-userauth) until SERVICE_ACCEPT. */
    void userauthService() throws IOException, SshException {
        kex();
        engine.requestService("ssh-userauth");
        require(e -> e.service().isPresent(), "SERVICE_ACCEPT");
    }

    /**
     * A key re-exchange as a barrier: when it completes, the server has handled everything sent before it, and any
     * reply it sent at once has arrived (it precedes the server's KEXINIT on the wire).
     */
    void barrier() throws IOException, SshException {
        int done = engine.keyExchangeCount() + 1;
        engine.renegotiateKeys();
        require(e -> e.keyExchangeCount() >= done && !e.isKeyExchangeInProgress(), "the key re-exchange");
    }

    /** Sends an upper-layer payload through the engine's rules. */
    void send(byte[] payload) throws IOException, SshException {
        engine.sendPayload(payload);
        flush();
    }

    /** Sends any payload with the current keys, bypassing the engine's rules. */
    void inject(byte[] payload) throws IOException, SshException {
        RawInjection.inject(engine, payload);
        flush();
    }

    /** @return the next service payload (50 and up) from the server, or empty if the connection ended first */
    Optional<byte[]> next() throws IOException {
        return pumpUntil(e -> !received.isEmpty()) ? Optional.of(received.remove(0)) : Optional.empty();
    }

    /**
     * Reads until the server ends the connection, feeding the engine (which decodes a DISCONNECT).
     *
     * @return the reason of the server's DISCONNECT, if one arrived
     * @throws java.net.SocketTimeoutException if the server kept the connection open for 10 s
     */
    Optional<DisconnectReason> awaitServerClose() throws IOException {
        while (!ended) {
            readOnce();
        }
        return engine.closeException().map(SshException::reason);
    }

    /** @return the payloads received and not yet taken */
    List<byte[]> received() {
        return received;
    }

    private void readOnce() throws IOException {
        int n;
        try {
            n = in.read(buffer);
        } catch (SocketException e) {
            n = -1; // a reset: the server closed while our bytes were unread
        }
        if (n < 0) {
            ended = true;
            engine.receiveEnd();
            return;
        }
        if (!engine.isClosed()) {
            try {
                engine.receive(buffer, 0, n);
            } catch (SshException e) {
                // the engine is closed now; closeException() tells why
            }
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
