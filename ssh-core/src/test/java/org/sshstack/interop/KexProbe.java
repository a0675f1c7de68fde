package org.sshstack.interop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.SecureRandom;
import java.util.Optional;
import org.sshstack.SshProtocolException;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.Identification;
import org.sshstack.transport.Role;
import org.sshstack.transport.VersionExchange;
import org.sshstack.wire.KexInit;

/**
 * The part of a connection sshstack can already do without a transport engine: the version exchange
 * (RFC 4253 §4.2) and the first cleartext KEXINIT (RFC 4253 §7.1), in either role.
 */
public final class KexProbe {

    /** Our identification in the smoke tests. */
    public static final Identification OURS = Identification.sshstack("0.1.0");

    /** Bound on every socket read. */
    public static final int READ_TIMEOUT_MILLIS = 20_000;

    private KexProbe() {
    }

    /**
     * What the other side sent first.
     *
     * @param peer its identification
     * @param kexInit its first KEXINIT
     */
    public record Hello(Identification peer, KexInit kexInit) {
    }

    /**
     * Connects to a server, sends our identification, reads the server's identification and its KEXINIT.
     *
     * @param port the server's loopback port
     * @return what the server sent
     */
    public static Hello probeServer(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Loopback.HOST, port), READ_TIMEOUT_MILLIS);
            socket.setSoTimeout(READ_TIMEOUT_MILLIS);
            socket.getOutputStream().write(OURS.toBytes());
            socket.getOutputStream().flush();
            return readHello(socket.getInputStream(), Role.CLIENT);
        }
    }

    /**
     * Reads the peer's identification and the KEXINIT packet after it.
     *
     * @param in the connection's input
     * @param localRole our role
     * @return the identification and the decoded KEXINIT
     */
    static Hello readHello(InputStream in, Role localRole) throws IOException {
        Identified identified = readIdentification(in, localRole);
        return new Hello(identified.peer(), KexInit.decode(new CleartextPackets().read(identified.rest())));
    }

    /**
     * The peer's identification and the packet stream after it.
     *
     * @param peer the identification
     * @param rest the bytes after its line end, then the rest of the connection
     */
    record Identified(Identification peer, InputStream rest) {
    }

    /**
     * Runs the version exchange parser over the input until the peer's identification is complete.
     *
     * @param in the connection's input
     * @param localRole our role
     * @return the identification and the stream positioned after it
     */
    static Identified readIdentification(InputStream in, Role localRole) throws IOException {
        VersionExchange exchange = VersionExchange.reading(localRole);
        byte[] buffer = new byte[4096];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                throw new SshProtocolException("the peer closed the connection during the version exchange");
            }
            Optional<VersionExchange.Result> result = exchange.feed(buffer, 0, n);
            if (result.isPresent()) {
                InputStream rest = new SequenceInputStream(new ByteArrayInputStream(result.get().leftover()), in);
                return new Identified(result.get().peer(), rest);
            }
        }
    }

    /**
     * @param role our side
     * @return our default KEXINIT for the initial key exchange, with a fresh random cookie
     */
    public static KexInit ourKexInit(Role role) {
        byte[] cookie = new byte[KexInit.COOKIE_LENGTH];
        new SecureRandom().nextBytes(cookie);
        return KexInit.create(cookie, AlgorithmPreferences.defaults(role).proposal(role, true), false);
    }
}
