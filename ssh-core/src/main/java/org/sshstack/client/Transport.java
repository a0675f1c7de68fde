package org.sshstack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ByteChannel;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.sshstack.SshException;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.event.TrafficSnapshot;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.session.SessionEngine;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;

/**
 * paramiko's {@code Transport} in Java: one SSH connection over a socket or a pair of streams, in the client or the
 * server role, with the low-level steps exposed (start, authenticate, open or accept channels, rekey). Built on the
 * same engines and driver as {@link SshClient} and {@code SshServer}.
 *
 * <p>Blocking and timeouts: every blocking method waits at most the transport's timeout ({@link #setTimeout},
 * default 30 s) unless it takes a timeout of its own. A timed-out start or authentication closes the transport (the
 * connection state is unknown then); other timeouts ({@link #renegotiateKeys}, {@link #globalRequest},
 * {@link #openSession}) throw {@link ChannelTimeoutException} and leave it open.
 *
 * <p>Authentication (client mode): each {@code auth*} method blocks for one attempt and returns the methods allowed
 * next, empty once fully authenticated and non-empty on partial success. It throws
 * {@link org.sshstack.BadAuthenticationTypeException} (listing the allowed methods) when the server does not allow
 * the method, {@link org.sshstack.AuthenticationException} when the attempt failed (the transport stays usable), and
 * another {@link SshException} on a connection failure or timeout (the transport is then closed). A user name with
 * a control character or a leading '-' is refused with an {@link IllegalArgumentException} before anything is sent
 * (SECURITY.md D3, {@link HostNames}). Thread-safe.
 */
public final class Transport extends TransportSettings implements AutoCloseable {

    private final TransportRuntime run;
    private final TransportKeepalive keepalive = new TransportKeepalive(this);

    /**
     * A transport over a connected socket; it owns the socket from now on. Nothing is sent until a start method.
     *
     * @param socket the connected socket
     */
    public Transport(Socket socket) {
        this(TransportLink.of(socket));
    }

    /**
     * A transport over a blocking byte channel: a connected {@code SocketChannel} in blocking mode (run over its
     * socket adaptor) or a channel that is not selectable (e.g. from {@code Channels.newChannel}).
     *
     * @param channel the channel
     * @throws IllegalArgumentException for another selectable channel (pass its streams instead)
     */
    public Transport(ByteChannel channel) {
        this(TransportLink.of(channel));
    }

    /**
     * A transport over a pair of streams, e.g. the streams of a {@link Channel} of another session (a jump host).
     * Closing the streams must unblock a blocked read.
     *
     * @param in bytes from the peer
     * @param out bytes to the peer
     */
    public Transport(InputStream in, OutputStream out) {
        this(TransportLink.of(in, out));
    }

    /**
     * Connects to an address (resolving it if needed) within {@link #DEFAULT_CONNECT_TIMEOUT}.
     *
     * @param address where to connect
     * @throws IOException if the connection fails or times out
     */
    public Transport(InetSocketAddress address) throws IOException {
        this(TransportLink.connect(address, DEFAULT_CONNECT_TIMEOUT));
    }

    private Transport(TransportLink link) {
        this.run = new TransportRuntime(link, this);
    }

    /**
     * Connects to a "host", "host:port" or "[ipv6]:port" string (port 22 by default), like paramiko's host string.
     *
     * @param hostPort the host string
     * @param connectTimeout the TCP connect bound
     * @return the transport, not started
     * @throws IOException if the connection fails or times out
     * @throws IllegalArgumentException if the string is malformed or {@link HostNames} refuses the host
     */
    public static Transport open(String hostPort, Duration connectTimeout) throws IOException {
        InetSocketAddress address = TransportLink.parse(hostPort);
        HostNames.checkHost(address.getHostString()); // SECURITY.md D3: before any I/O
        return open(address, connectTimeout);
    }

    /**
     * @param address where to connect (resolved if unresolved)
     * @param connectTimeout the TCP connect bound
     * @return the transport, not started
     * @throws IOException if the connection fails or times out
     */
    public static Transport open(InetSocketAddress address, Duration connectTimeout) throws IOException {
        return new Transport(TransportLink.connect(address, connectTimeout));
    }

    /** @return server mode: the host key of the negotiated type (or the only key); null before the key exchange */
    public SshKeyPair getServerKey() {
        NegotiatedAlgorithms algorithms = run.role() == Role.SERVER ? getNegotiatedAlgorithms() : null;
        return algorithms == null ? null : serverState.keyFor(algorithms);
    }

    // ---------------------------------------------------------------- start

    /**
     * {@link #startClient(Duration)} within the transport's timeout.
     *
     * @throws IOException as {@link #startClient(Duration)}
     */
    public void startClient() throws IOException {
        startClient(timeout);
    }

    /**
     * Starts the client role and waits for the first key exchange.
     *
     * @param bound the most time to wait
     * @throws SshException if negotiation fails or times out (the transport is then closed)
     * @throws IOException if the socket cannot be set up
     * @throws IllegalStateException if already started
     */
    public void startClient(Duration bound) throws IOException {
        run.startClient(bound);
    }

    /**
     * Starts the client role on a thread of the thread factory (paramiko's {@code start_client(event)}).
     *
     * @return completed when the first key exchange is done, exceptionally when it failed or timed out
     */
    public CompletableFuture<Void> startClientAsync() {
        return TransportStart.async(threads, this::startClient);
    }

    /**
     * {@link #startServer(ServerInterface, Duration)} within the transport's timeout.
     *
     * @param server the decisions
     * @throws IOException as {@link #startServer(ServerInterface, Duration)}
     */
    public void startServer(ServerInterface server) throws IOException {
        startServer(server, timeout);
    }

    /**
     * Starts the server role and waits for the first key exchange. The client then authenticates through
     * {@code server}'s callbacks; accepted channels come out of {@link #accept}.
     *
     * @param server the decisions
     * @param bound the most time to wait
     * @throws SshException if negotiation fails or times out (the transport is then closed)
     * @throws IOException if the socket cannot be set up
     * @throws IllegalStateException if already started or no server key was added
     */
    public void startServer(ServerInterface server, Duration bound) throws IOException {
        run.startServer(Objects.requireNonNull(server, "server"), bound);
    }

    /**
     * Starts the server role on a thread of the thread factory (paramiko's {@code start_server(event, server)}).
     *
     * @param server the decisions
     * @return completed when the first key exchange is done, exceptionally when it failed or timed out
     */
    public CompletableFuture<Void> startServerAsync(ServerInterface server) {
        return TransportStart.async(threads, () -> startServer(server));
    }

    /**
     * paramiko's {@code connect}: starts the client, checks the host key when one is given, then authenticates
     * with the password, or else the key, when one is given.
     *
     * @param hostKey the expected server key, or null to skip the check
     * @param user the user name
     * @param password the password, or null
     * @param key the key pair, or null
     * @throws SshException if negotiation fails, the host key differs (the transport is then closed) or
     *     authentication fails
     * @throws IOException if the socket cannot be set up
     */
    public void connect(SshPublicKey hostKey, String user, String password, SshKeyPair key) throws IOException {
        startClient();
        run.requireHostKey(hostKey);
        if (password != null) {
            authPassword(user, password);
        } else if (key != null) {
            authPublicKey(user, key);
        }
    }

    // ---------------------------------------------------------------- authentication (client)

    /**
     * Tries "none" (RFC 4252 §5.2), mostly to learn the allowed methods from the exception.
     *
     * @param user the user name
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws SshException a {@code BadAuthenticationTypeException}, {@code AuthenticationException} or failure
     *     (see the class comment)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authNone(String user) throws SshException, InterruptedIOException {
        return auth().run(user, e -> e.authNone(user));
    }

    /**
     * Tries "password" (RFC 4252 §8). When the server does not allow it but allows keyboard-interactive, answers
     * a single-prompt keyboard-interactive exchange with the password (paramiko's {@code fallback=True}); if that
     * fails too, the first exception is thrown.
     *
     * @param user the user name
     * @param password the password (never logged)
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws SshException a {@code BadAuthenticationTypeException}, {@code AuthenticationException} or failure
     *     (see the class comment)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authPassword(String user, String password) throws SshException, InterruptedIOException {
        return auth().password(user, password);
    }

    /**
     * Tries "publickey" (RFC 4252 §7) with an in-memory key pair.
     *
     * @param user the user name
     * @param key the key pair
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws SshException a {@code BadAuthenticationTypeException}, {@code AuthenticationException} or failure
     *     (see the class comment)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authPublicKey(String user, SshKeyPair key) throws SshException, InterruptedIOException {
        return authPublicKey(user, run.identity(key));
    }

    /**
     * Tries "publickey" with any signer (an agent's key, a certificate, a hardware key).
     *
     * @param user the user name
     * @param identity the key or certificate and its signer
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws SshException a {@code BadAuthenticationTypeException}, {@code AuthenticationException} or failure
     *     (see the class comment)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authPublicKey(String user, PublicKeyIdentity identity)
            throws SshException, InterruptedIOException {
        return auth().run(user, e -> e.authPublicKey(user, identity));
    }

    /**
     * Tries "keyboard-interactive" (RFC 4256); the handler answers each round of prompts on the reading thread.
     *
     * @param user the user name
     * @param handler answers the prompts (title, instructions, prompts)
     * @param submethods the submethods hint sent to the server (RFC 4256 §3.1), usually ""
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws SshException a {@code BadAuthenticationTypeException}, {@code AuthenticationException} or failure
     *     (see the class comment)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authInteractive(String user, InteractiveHandler handler, String submethods)
            throws SshException, InterruptedIOException {
        return auth().run(user, e -> e.authInteractive(user, handler, submethods));
    }

    private TransportAuth auth() {
        return run.auth(timeout);
    }

    // ---------------------------------------------------------------- state

    /** @return true while the connection is open */
    public boolean isActive() {
        return run.isActive();
    }

    /** @return true while the connection is open and user authentication succeeded */
    public boolean isAuthenticated() {
        return run.isAuthenticated();
    }

    /** @return the authenticated user name (either role), or null before authentication succeeded */
    public String getUsername() {
        return run.username();
    }

    /** @return the server's last USERAUTH_BANNER text (client mode), or null when none came */
    public String getBanner() {
        return run.banner();
    }

    /**
     * @return what ended the transport (a failure, the peer's DISCONNECT, or our own close), or what made a start
     *     fail; null while open (unlike paramiko, reading it does not clear it)
     */
    public SshException getException() {
        return run.exception();
    }

    /** @return the peer's address, or an unresolved ("unknown", 0) when the transport runs over streams */
    public InetSocketAddress getPeerAddress() {
        return run.peerAddress();
    }

    /**
     * Client mode: the server's host key.
     *
     * @return the key the server presented in the last key exchange
     * @throws SshException if no session is active
     */
    public SshPublicKey getRemoteServerKey() throws SshException {
        return run.remoteServerKey();
    }

    /** @return the algorithms of the last key exchange, or null before the first one finished */
    public NegotiatedAlgorithms getNegotiatedAlgorithms() {
        return run.negotiatedAlgorithms();
    }

    // ---------------------------------------------------------------- channels and requests

    /**
     * Opens a session channel (RFC 4254 §6.1) and waits, within the transport's timeout, for the peer to confirm.
     *
     * @return the open channel, with no timeout set
     * @throws SshException if refused, not authenticated, the connection failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public Channel openSession() throws SshException, InterruptedIOException {
        return openChannel("session");
    }

    /**
     * Opens a channel of a kind this version supports: only "session" (forwarding kinds come with a later issue).
     *
     * @param kind the channel type
     * @return the open channel, with no timeout set
     * @throws IllegalArgumentException for another kind
     * @throws SshException if refused, not authenticated, the connection failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public Channel openChannel(String kind) throws SshException, InterruptedIOException {
        if (!"session".equals(kind)) {
            throw new IllegalArgumentException("unsupported channel kind \"" + kind + "\": only \"session\"");
        }
        return requests().openSession();
    }

    /**
     * Server mode: the next channel the client opened (and {@link ServerInterface#checkChannelRequest} accepted).
     *
     * @param bound the most time to wait; null waits forever
     * @return the channel, or null when none came in time
     * @throws InterruptedIOException if interrupted
     */
    public Channel accept(Duration bound) throws InterruptedIOException {
        return serverState.accept(bound);
    }

    /**
     * Sends a global request (RFC 4254 §4), after authentication.
     *
     * @param kind the request name
     * @param data the request-specific data (may be empty)
     * @param wait whether to ask for and wait (within the transport's timeout) for a reply
     * @return the reply's data on success (empty when {@code wait} is false), null when the peer refused
     * @throws SshException if not authenticated, too many replies are pending, the connection failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public byte[] globalRequest(String kind, byte[] data, boolean wait) throws SshException, InterruptedIOException {
        return requests().globalRequest(Objects.requireNonNull(kind, "kind"), data == null ? new byte[0]
                : data.clone(), wait);
    }

    /**
     * Sends SSH_MSG_IGNORE with random bytes (RFC 4253 §11.2); does not block on the peer.
     *
     * @param byteCount the number of random bytes, 0..32768
     * @throws SshException if the connection failed
     */
    public void sendIgnore(int byteCount) throws SshException {
        requests().sendIgnore(byteCount);
    }

    /**
     * Sends SSH_MSG_IGNORE with 10..41 random bytes, as paramiko does without a count.
     *
     * @throws SshException if the connection failed
     */
    public void sendIgnore() throws SshException {
        sendIgnore(run.ignoreLength());
    }

    /**
     * Runs a key exchange now (RFC 4253 §9) and waits, within the transport's timeout, until it finished. Channel
     * data keeps flowing before and after; during the exchange it waits (bounded).
     *
     * @throws SshException if the exchange failed (the connection is then closed) or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void renegotiateKeys() throws SshException, InterruptedIOException {
        requests().renegotiateKeys();
    }

    /**
     * Sends a keepalive every interval: a keepalive@openssh.com global request without reply once authenticated,
     * SSH_MSG_IGNORE before. Unlike paramiko it is sent at a fixed rate, not only after idle time. Runs on a thread
     * of the thread factory until {@link #close()}.
     *
     * @param interval the interval; zero or negative turns keepalives off
     */
    public void setKeepalive(Duration interval) {
        keepalive.set(interval, threads);
    }

    /** Sends one keepalive (called by the keepalive thread). */
    void sendKeepalive() throws SshException {
        if (isActive()) {
            requests().sendKeepalive();
        }
    }

    /**
     * Server mode: {@link Channel#sendExitStatus(int)}, waiting at most the transport's timeout for the output.
     *
     * @param channel a channel from {@link #accept}
     * @param status the exit status
     * @throws SshException if the connection failed or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void sendExitStatus(Channel channel, int status) throws SshException, InterruptedIOException {
        channel.sendExitStatus(status, timeout);
    }

    /**
     * Closes the connection and every channel: sends DISCONNECT (BY_APPLICATION), stops the keepalive thread and
     * joins the connection's threads (bounded by the driver's close timeout). Idempotent.
     */
    @Override
    public void close() {
        keepalive.stop();
        run.close();
    }

    @Override
    public String toString() {
        return "Transport[" + (run.role() == null ? "not started" : run.role()) + ", " + getPeerAddress()
                + (isActive() ? ", active" : ", inactive") + "]";
    }

    /** @return the traffic counters of the connection (for tests), or null before start */
    TrafficSnapshot traffic() {
        return run.traffic();
    }

    /** @return the driver once started, else null */
    BlockingDriver<? extends SessionEngine> driverOrNull() {
        return run.driverOrNull();
    }

    /** @return the events listener */
    TransportEvents events() {
        return run.events();
    }

    private TransportRequests requests() {
        return run.requests(timeout);
    }
}
