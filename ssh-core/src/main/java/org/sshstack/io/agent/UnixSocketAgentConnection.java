package org.sshstack.io.agent;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.sshstack.auth.agent.AgentConnection;
import org.sshstack.auth.agent.AgentException;
import org.sshstack.auth.agent.AgentFraming;
import org.sshstack.auth.agent.AgentTimeoutException;

/**
 * An {@link AgentConnection} to a local ssh-agent over a Unix-domain socket (RFC 9987 §4), with the JDK's own
 * {@link UnixDomainSocketAddress} (JDK 16+), no native code.
 *
 * <p>Timeouts: the channel is non-blocking and every wait goes through a {@link Selector} bounded by the
 * configured timeout: connecting, and each request's whole exchange (sending it and reading the full reply). No
 * background thread is used. After a timeout or an I/O failure the connection is closed, since a late reply
 * would desynchronise it; open a new one. Reply frames are bounded by {@link AgentFraming#MAX_MESSAGE} before
 * allocation. Used by one thread at a time (an {@code AgentClient} serialises its requests).
 */
public final class UnixSocketAgentConnection implements AgentConnection {

    /** The environment variable that names the agent's socket (RFC 9987 §4). */
    public static final String SSH_AUTH_SOCK = "SSH_AUTH_SOCK";

    /** Timeout used when none is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final Path socket;
    private final SocketChannel channel;
    private final Selector selector;
    private final SelectionKey key;
    private final long timeoutNanos;
    private boolean open = true;

    private UnixSocketAgentConnection(Path socket, SocketChannel channel, Selector selector, SelectionKey key,
            Duration timeout) {
        this.socket = socket;
        this.channel = channel;
        this.selector = selector;
        this.key = key;
        this.timeoutNanos = timeout.toNanos();
    }

    /**
     * @param socket the agent's socket file
     * @return an open connection with {@link #DEFAULT_TIMEOUT}
     * @throws AgentException if the socket cannot be reached in time
     */
    public static UnixSocketAgentConnection open(Path socket) throws AgentException {
        return open(socket, DEFAULT_TIMEOUT);
    }

    /**
     * @param socket the agent's socket file
     * @param timeout bound on connecting and on each request's exchange; positive
     * @return an open connection
     * @throws AgentException if the socket cannot be reached ({@link AgentTimeoutException} if not in time)
     */
    public static UnixSocketAgentConnection open(Path socket, Duration timeout) throws AgentException {
        Objects.requireNonNull(socket, "socket");
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new AgentException("agent timeout must be positive");
        }
        SocketChannel channel = null;
        Selector selector = null;
        try {
            channel = SocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            channel.configureBlocking(false);
            selector = Selector.open();
            SelectionKey key = channel.register(selector, 0);
            UnixSocketAgentConnection connection =
                    new UnixSocketAgentConnection(socket, channel, selector, key, timeout);
            connection.connect();
            return connection;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel, selector);
            if (e instanceof AgentException agentException) {
                throw agentException;
            }
            throw new AgentException("cannot connect to the agent at " + socket + ": " + e.getMessage(), e);
        }
    }

    /**
     * @return a connection to the agent named by {@code SSH_AUTH_SOCK}, with {@link #DEFAULT_TIMEOUT}
     * @throws AgentException if the variable is unset or empty, or the socket cannot be reached
     */
    public static UnixSocketAgentConnection fromEnvironment() throws AgentException {
        return fromEnvironment(System.getenv(), DEFAULT_TIMEOUT);
    }

    /**
     * @param environment the environment to read {@code SSH_AUTH_SOCK} from
     * @param timeout bound on connecting and on each request's exchange
     * @return a connection to the agent named there
     * @throws AgentException if the variable is unset or empty, or the socket cannot be reached
     */
    public static UnixSocketAgentConnection fromEnvironment(Map<String, String> environment, Duration timeout)
            throws AgentException {
        String value = environment.get(SSH_AUTH_SOCK);
        if (value == null || value.isBlank()) {
            throw new AgentException(SSH_AUTH_SOCK + " is not set: no ssh-agent is available (start one with"
                    + " `eval $(ssh-agent)` or name its socket)");
        }
        return open(Path.of(value), timeout);
    }

    @Override
    public byte[] roundTrip(byte[] request) throws AgentException {
        if (!open) {
            throw new AgentException("agent connection to " + socket + " is closed");
        }
        long deadline = System.nanoTime() + timeoutNanos;
        try {
            write(ByteBuffer.wrap(AgentFraming.frame(request)), deadline);
            ByteBuffer header = ByteBuffer.allocate(AgentFraming.HEADER);
            read(header, deadline);
            ByteBuffer body = ByteBuffer.allocate(AgentFraming.bodyLength(header.array()));
            read(body, deadline);
            return body.array();
        } catch (AgentException e) {
            close();
            throw e;
        } catch (IOException | RuntimeException e) {
            close();
            throw new AgentException("agent connection to " + socket + " failed: " + e.getMessage(), e);
        }
    }

    private void connect() throws IOException {
        long deadline = System.nanoTime() + timeoutNanos;
        if (channel.connect(UnixDomainSocketAddress.of(socket))) {
            return;
        }
        while (!channel.finishConnect()) {
            await(SelectionKey.OP_CONNECT, deadline, "connecting to the agent");
        }
    }

    private void write(ByteBuffer buffer, long deadline) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.write(buffer) == 0) {
                await(SelectionKey.OP_WRITE, deadline, "sending a request to the agent");
            }
        }
    }

    private void read(ByteBuffer buffer, long deadline) throws IOException {
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer);
            if (n < 0) {
                throw new AgentException("agent at " + socket + " closed the connection in the middle of a reply");
            }
            if (n == 0) {
                await(SelectionKey.OP_READ, deadline, "waiting for the agent's reply");
            }
        }
    }

    private void await(int operation, long deadline, String what) throws IOException {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(what);
        }
        key.interestOps(operation);
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(remaining)));
        selector.selectedKeys().clear();
        key.interestOps(0); // the caller retries the operation; a deadline passed is caught on the next wait
    }

    private AgentTimeoutException timeout(String what) {
        return new AgentTimeoutException("timed out after " + Duration.ofNanos(timeoutNanos) + " " + what + " at "
                + socket);
    }

    /** Closes the socket; never throws. */
    @Override
    public void close() {
        open = false;
        closeQuietly(channel, selector);
    }

    private static void closeQuietly(SocketChannel channel, Selector selector) {
        try {
            if (selector != null) {
                selector.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // best effort
        }
    }

    @Override
    public String toString() {
        return "UnixSocketAgentConnection[" + socket + (open ? "" : ", closed") + "]";
    }
}
