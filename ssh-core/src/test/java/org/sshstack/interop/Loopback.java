package org.sshstack.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Loopback port helpers. A port picked by binding port 0 and closing the socket can in principle be taken by
 * someone else before the peer binds it; {@link #startOnFreePort} retries with a fresh port when that happens.
 */
public final class Loopback {

    /** The only address the fixtures use. */
    public static final String HOST = "127.0.0.1";

    private static final int ATTEMPTS = 3;

    private Loopback() {
    }

    /** @return a port on 127.0.0.1 that was free a moment ago */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts a peer on a given port and waits until it is ready; the peer must not be left running on failure. */
    @FunctionalInterface
    public interface Starter {
        /**
         * @param port the port to listen on
         * @return the ready peer
         * @throws IOException if it cannot be started
         */
        PeerProcess start(int port) throws IOException;
    }

    /**
     * Starts a peer on a free port, retrying with another port (at most 3 attempts) when the peer died while
     * binding because the port was taken in the meantime.
     *
     * @param starter starts and awaits the peer
     * @return the ready peer
     * @throws IOException if it cannot be started
     */
    public static PeerProcess startOnFreePort(Starter starter) throws IOException {
        PeerProcess.PeerDiedException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                return starter.start(freePort());
            } catch (PeerProcess.PeerDiedException e) {
                if (!portTaken(e.getMessage())) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static boolean portTaken(String log) {
        return log.contains("Address already in use") || log.contains("Cannot bind any address")
                || log.contains("Failed listening");
    }
}
