package org.sshstack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.SelectableChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.DriverOptions;
import org.sshstack.session.SessionEngine;

/**
 * What a {@link Transport} runs over before it starts: a connected socket, or a pair of streams (a byte channel, a
 * channel of another session for a jump host, a pipe). Starts the blocking driver once the role is known.
 *
 * @param socket the connected socket, or null for streams
 * @param in the peer's bytes when there is no socket
 * @param out bytes to the peer when there is no socket
 * @param peer the peer's address, or null when unknown
 */
record TransportLink(Socket socket, InputStream in, OutputStream out, InetSocketAddress peer) {

    /** The port of "host" strings without one. */
    static final int DEFAULT_PORT = 22;

    static TransportLink of(Socket socket) {
        Objects.requireNonNull(socket, "socket");
        return new TransportLink(socket, null, null, socket.getRemoteSocketAddress() instanceof InetSocketAddress a
                ? a : null);
    }

    static TransportLink of(ByteChannel channel) {
        Objects.requireNonNull(channel, "channel");
        if (channel instanceof SocketChannel s) {
            return of(s.socket()); // its socket adaptor reads and writes concurrently; channel streams would not
        }
        if (channel instanceof SelectableChannel) {
            // Channels' streams hold the blocking lock across a blocked read, so a write would wait for it
            throw new IllegalArgumentException("a selectable channel other than a SocketChannel cannot carry a "
                    + "transport: pass its streams instead");
        }
        return new TransportLink(null, Channels.newInputStream(channel), Channels.newOutputStream(channel), null);
    }

    static TransportLink of(InputStream in, OutputStream out) {
        return new TransportLink(null, Objects.requireNonNull(in, "in"), Objects.requireNonNull(out, "out"), null);
    }

    static TransportLink connect(InetSocketAddress address, Duration timeout) throws IOException {
        Objects.requireNonNull(address, "address");
        InetSocketAddress target = address.isUnresolved()
                ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(target, (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis())));
            return of(socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Parses "host", "host:port" or "[v6-address]:port" (paramiko's host string).
     *
     * @param hostPort the string
     * @return the unresolved address
     * @throws IllegalArgumentException if the port is not a number in 1..65535 or the host is empty
     */
    static InetSocketAddress parse(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        String host = hostPort;
        int port = DEFAULT_PORT;
        int colon = hostPort.lastIndexOf(':');
        boolean bracketed = hostPort.startsWith("[");
        if (bracketed) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("unclosed '[' in \"" + hostPort + "\"");
            }
            host = hostPort.substring(1, close);
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty()) {
                port = port(rest.startsWith(":") ? rest.substring(1) : rest, hostPort);
            }
        } else if (colon >= 0 && colon == hostPort.indexOf(':')) { // one colon: host:port (more: a bare IPv6)
            host = hostPort.substring(0, colon);
            port = port(hostPort.substring(colon + 1), hostPort);
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("no host in \"" + hostPort + "\"");
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private static int port(String text, String whole) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("bad port in \"" + whole + "\": expected 1..65535");
    }

    /**
     * Starts a driver for an engine over this link; stream links get a timer thread.
     *
     * @param engine the fresh engine
     * @param threads the thread factory
     * @param <E> the engine type
     * @return the running driver
     * @throws IOException if the socket cannot be set up
     */
    <E extends SessionEngine> BlockingDriver<E> start(E engine, ThreadFactory threads) throws IOException {
        DriverOptions options = DriverOptions.defaults().withThreadFactory(threads);
        return socket != null ? BlockingDriver.start(engine, socket, options)
                : BlockingDriver.overStreams(engine, in, out, options.withStreamTimers(true));
    }

    /** Closes the socket or streams of a link that never started. */
    void closeUnstarted() {
        try {
            if (socket != null) {
                socket.close();
            } else {
                in.close();
                out.close();
            }
        } catch (IOException e) {
            // nothing more to do: closing is best effort
        }
    }

    /** @return the peer host for the host key verifier */
    String host() {
        return peer == null ? "unknown" : peer.getHostString();
    }

    /** @return the peer port for the host key verifier, 0 when unknown */
    int port() {
        return peer == null ? 0 : peer.getPort();
    }

    /** @return the peer's literal IP address, "unknown" when not known */
    String ipAddress() {
        return peer != null && peer.getAddress() != null ? peer.getAddress().getHostAddress() : "unknown";
    }
}
