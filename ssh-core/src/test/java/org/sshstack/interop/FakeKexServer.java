package org.sshstack.interop;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.sshstack.transport.Identification;
import org.sshstack.transport.Role;
import org.sshstack.wire.KexInit;

/**
 * A one-connection loopback server thread that plays the server's opening (RFC 4253 §4.2, §7.1): it sends our
 * identification and our server KEXINIT, reads the client's identification, KEXINIT and first key exchange
 * packet, then closes. Waiting for that next packet proves the client processed our KEXINIT (and, for ssh -vvv,
 * logged "kex: algorithm:") before the connection drops, so the tests do not race the client.
 */
public final class FakeKexServer implements AutoCloseable {

    private final ServerSocket listener;
    private final KexInit ours;
    private final CompletableFuture<Opening> opening = new CompletableFuture<>();
    private final Thread thread;

    private FakeKexServer(ServerSocket listener, KexInit ours) {
        this.listener = listener;
        this.ours = ours;
        this.thread = new Thread(this::serve, "fake-kex-server");
        thread.setDaemon(true);
    }

    /**
     * What the client sent.
     *
     * @param client its identification
     * @param kexInit its KEXINIT
     * @param nextMessage the message number of its next packet (its first kex message), empty if it closed
     */
    public record Opening(Identification client, KexInit kexInit, Optional<Integer> nextMessage) {
    }

    /**
     * Starts listening on 127.0.0.1 on a port the OS chooses (no race).
     *
     * @param ours the KEXINIT to send
     * @return the running server
     */
    public static FakeKexServer start(KexInit ours) throws IOException {
        ServerSocket listener = new ServerSocket(0, 1, InetAddress.getByName(Loopback.HOST));
        listener.setSoTimeout(KexProbe.READ_TIMEOUT_MILLIS);
        FakeKexServer server = new FakeKexServer(listener, ours);
        server.thread.start();
        return server;
    }

    /** @return the port to point the client at */
    public int port() {
        return listener.getLocalPort();
    }

    /** @return the KEXINIT this server sends */
    public KexInit ours() {
        return ours;
    }

    /**
     * @return what the client sent, waiting at most 30 s
     * @throws Exception whatever failed in the server thread
     */
    public Opening opening() throws Exception {
        return opening.get(30, TimeUnit.SECONDS);
    }

    private void serve() {
        try (Socket socket = listener.accept()) {
            socket.setSoTimeout(KexProbe.READ_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write(KexProbe.OURS.toBytes());
            CleartextPackets packets = new CleartextPackets();
            packets.write(out, ours.encode());
            opening.complete(readOpening(socket.getInputStream(), packets));
        } catch (Exception e) {
            opening.completeExceptionally(e);
        }
    }

    private static Opening readOpening(InputStream in, CleartextPackets packets) throws IOException {
        KexProbe.Identified identified = KexProbe.readIdentification(in, Role.SERVER);
        KexInit theirs = KexInit.decode(packets.read(identified.rest()));
        Optional<Integer> next;
        try {
            next = Optional.of(packets.read(identified.rest())[0] & 0xff);
        } catch (EOFException e) {
            next = Optional.empty();
        }
        return new Opening(identified.peer(), theirs, next);
    }

    /** Closes the listener and waits for the thread. */
    @Override
    public void close() throws IOException, InterruptedException {
        listener.close();
        thread.join(TimeUnit.SECONDS.toMillis(30));
    }
}
