package org.sshstack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.ByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.auth.ClientAuthConfig;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.auth.ServerAuthConfig;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.io.EngineAction;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.session.ClientEngine;
import org.sshstack.session.ClientSessionConfig;
import org.sshstack.session.ServerEngine;
import org.sshstack.session.ServerSessionConfig;
import org.sshstack.session.SessionEngine;
import org.sshstack.transport.HostKeyVerifier;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.kex.Moduli;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * paramiko's {@code Transport} in Java: one SSH connection over a socket or a pair of streams, in the client or the
 * server role, with the low-level steps exposed (start, authenticate, open or accept channels, rekey). Built on the
 * same engines and driver as {@link SshClient} and {@code SshServer}.
 *
 * <p>Blocking and timeouts: every blocking method waits at most the transport's timeout ({@link #setTimeout},
 * default 30 s) unless it takes a timeout of its own. A timed-out start or authentication closes the transport (the
 * connection state is unknown then); other timeouts ({@link #renegotiateKeys}, {@link #globalRequest},
 * {@link #openSession}) throw {@link ChannelTimeoutException} and leave it open. Thread-safe; the configuration
 * setters ({@link #getSecurityOptions()}, {@link #useCompression}, {@link #addServerKey}...) take effect at the next
 * start only.
 */
public final class Transport implements AutoCloseable {

    /** Default bound of blocking calls: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default TCP connect bound of the address factories: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Channels opened by the client and not yet taken by {@link #accept}, beyond which opens are refused. */
    public static final int ACCEPT_BACKLOG = 64;

    private static final String GEX = "diffie-hellman-group-exchange-sha256";
    private static final String KEEPALIVE = "keepalive@openssh.com";
    private static final long MAX_MODULI_FILE = 4L << 20;

    private final TransportLink link;
    private final SecurityOptions options = new SecurityOptions();
    private final List<SshKeyPair> serverKeys = new CopyOnWriteArrayList<>();
    private final Map<String, Supplier<? extends SubsystemHandler>> subsystems = new ConcurrentHashMap<>();
    private final TransportEvents events = new TransportEvents();
    private final ArrayBlockingQueue<Channel> accepted = new ArrayBlockingQueue<>(ACCEPT_BACKLOG);
    private final AtomicReference<Role> role = new AtomicReference<>();
    private final SecureRandom random = new SecureRandom();
    private final TransportKeepalive keepalive = new TransportKeepalive(this);
    private volatile BlockingDriver<? extends SessionEngine> driver;
    private volatile BlockingDriver<ClientEngine> clientDriver;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile ThreadFactory threads = new SshThreads("sshstack-transport");
    private volatile HostKeyVerifier hostKeyVerifier;
    private volatile SshPublicKey remoteKey;
    private volatile String username;
    private volatile String banner;
    private volatile SshException startFailure;
    private volatile Moduli moduli;
    private volatile String logChannel = Transport.class.getName();
    private volatile boolean hexdump;

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
        this(TransportLink.connect(resolved(address), DEFAULT_CONNECT_TIMEOUT));
    }

    private Transport(TransportLink link) {
        this.link = link;
    }

    /**
     * Connects to a "host", "host:port" or "[ipv6]:port" string (port 22 by default), like paramiko's host string.
     *
     * @param hostPort the host string
     * @param connectTimeout the TCP connect bound
     * @return the transport, not started
     * @throws IOException if the connection fails or times out
     * @throws IllegalArgumentException if the string is malformed
     */
    public static Transport open(String hostPort, Duration connectTimeout) throws IOException {
        return open(TransportLink.parse(hostPort), connectTimeout);
    }

    /**
     * @param address where to connect (resolved if unresolved)
     * @param connectTimeout the TCP connect bound
     * @return the transport, not started
     * @throws IOException if the connection fails or times out
     */
    public static Transport open(InetSocketAddress address, Duration connectTimeout) throws IOException {
        return new Transport(TransportLink.connect(resolved(address), connectTimeout));
    }

    private static InetSocketAddress resolved(InetSocketAddress address) {
        return address.isUnresolved() ? new InetSocketAddress(address.getHostString(), address.getPort()) : address;
    }

    // ---------------------------------------------------------------- configuration

    /** @param value the bound of every blocking call without a timeout argument (default 30 s) */
    public void setTimeout(Duration value) {
        timeout = Objects.requireNonNull(value, "value");
    }

    /** @return the bound of blocking calls */
    public Duration getTimeout() {
        return timeout;
    }

    /** @param value makes the connection's threads (default: daemon threads "sshstack-transport-n"); before start */
    public void setThreadFactory(ThreadFactory value) {
        threads = Objects.requireNonNull(value, "value");
    }

    /**
     * Client mode: checks the server's host key during the key exchange (default: none; check
     * {@link #getRemoteServerKey()} yourself, or use {@link #connect} with the expected key, as in paramiko).
     *
     * @param value the verifier, or null for none; before start
     */
    public void setHostKeyVerifier(HostKeyVerifier value) {
        hostKeyVerifier = value;
    }

    /** @return the algorithm lists the next start offers (mutable; see {@link SecurityOptions}) */
    public SecurityOptions getSecurityOptions() {
        return options;
    }

    /**
     * Before start: offers zlib@openssh.com first (delayed compression, after authentication) or no compression.
     *
     * @param compress true to ask for compression
     */
    public void useCompression(boolean compress) {
        options.setCompression(compress ? List.of("zlib@openssh.com", "none") : List.of("none"));
    }

    /**
     * Server mode: adds a host key (with its private key); one key per type is kept, the newest. Before start.
     *
     * @param key the key pair
     */
    public void addServerKey(SshKeyPair key) {
        Objects.requireNonNull(key, "key");
        serverKeys.removeIf(k -> k.publicKey().keyType() == key.publicKey().keyType());
        serverKeys.add(key);
    }

    /**
     * Server mode: the host key of the type the client negotiated; with a single key, that key.
     *
     * @return the key, or null before the key exchange chose one
     */
    public SshKeyPair getServerKey() {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null || role.get() != Role.SERVER) {
            return null;
        }
        NegotiatedAlgorithms algorithms = d.withEngine(e -> e.transport().negotiatedAlgorithms().orElse(null));
        if (algorithms == null) {
            return null;
        }
        String alg = algorithms.hostKey();
        for (SshKeyPair pair : serverKeys) {
            String type = pair.publicKey().keyType().wireName();
            if (alg.equals(type) || alg.startsWith(type + "-cert") || type.equals("ssh-rsa") && alg.startsWith("rsa-")) {
                return pair;
            }
        }
        return serverKeys.size() == 1 ? serverKeys.get(0) : null;
    }

    /**
     * Reads a moduli file ({@code /etc/ssh/moduli} format). Unlike paramiko this keeps no global state: pass the
     * result to {@link #setServerModuli} of each server transport that should offer group exchange.
     *
     * @param file the file (at most 4 MiB)
     * @return the usable moduli (possibly none; malformed lines are skipped)
     * @throws IOException if the file cannot be read or is too large
     */
    public static Moduli loadServerModuli(Path file) throws IOException {
        if (Files.size(file) > MAX_MODULI_FILE) {
            throw new IOException("moduli file " + file + " is larger than " + MAX_MODULI_FILE + " bytes");
        }
        return Moduli.parse(Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII));
    }

    /**
     * Server mode, before start: offers diffie-hellman-group-exchange-sha256 with groups from these moduli (added
     * to the default kex list; an explicitly set kex list is used as it is). Empty moduli disable it.
     *
     * @param value the moduli, or null to disable group exchange
     */
    public void setServerModuli(Moduli value) {
        moduli = value == null || value.entries().isEmpty() ? null : value;
    }

    /**
     * Server mode: serves a subsystem by name; each accepted request runs a new handler from the factory on a
     * thread of the transport's thread factory. Overrides {@link ServerInterface#checkChannelSubsystemRequest}.
     *
     * @param name the subsystem name, e.g. "sftp"
     * @param factory makes a handler per request
     */
    public void setSubsystemHandler(String name, Supplier<? extends SubsystemHandler> factory) {
        subsystems.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
    }

    /** @param name the SLF4J logger name this transport logs to (default {@code org.sshstack.client.Transport}) */
    public void setLogChannel(String name) {
        logChannel = Objects.requireNonNull(name, "name");
    }

    /** @return the SLF4J logger name this transport logs to */
    public String getLogChannel() {
        return logChannel;
    }

    /**
     * Records the hex-dump switch. Honest note: sshstack does not produce packet hex dumps yet (the engine has no
     * public packet hook); the switch is kept for API compatibility and reported by {@link #getHexdump()}.
     *
     * @param value the switch
     */
    public void setHexdump(boolean value) {
        hexdump = value;
    }

    /** @return the hex-dump switch (see {@link #setHexdump}: no dumps are produced yet) */
    public boolean getHexdump() {
        return hexdump;
    }

    // ---------------------------------------------------------------- start

    /**
     * Starts the client role and waits for the first key exchange, within the transport's timeout.
     *
     * @throws SshException if negotiation fails or times out (the transport is then closed)
     * @throws IOException if the socket cannot be set up
     * @throws IllegalStateException if already started
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
        claim(Role.CLIENT);
        TransportConfig config = TransportConfig.client(link.host(), link.port())
                .algorithms(options.toPreferences(Role.CLIENT, List.of())).hostKeyVerifier(this::verifyHostKey)
                .random(random).build();
        ClientSessionConfig session = ClientSessionConfig.defaults().withListener(events)
                .withAuth(ClientAuthConfig.defaults().withBannerListener(text -> banner = text));
        BlockingDriver<ClientEngine> d = started(link.start(new ClientEngine(config, session), threads));
        clientDriver = d;
        awaitStarted(d, bound);
    }

    /**
     * Starts the client role on a thread of the thread factory (paramiko's {@code start_client(event)}).
     *
     * @return completed when the first key exchange is done, exceptionally when it failed or timed out
     */
    public CompletableFuture<Void> startClientAsync() {
        return async(this::startClient);
    }

    /**
     * Starts the server role and waits for the first key exchange, within the transport's timeout. The client then
     * authenticates through {@code server}'s callbacks; accepted channels come out of {@link #accept}.
     *
     * @param server the decisions
     * @throws SshException if negotiation fails or times out (the transport is then closed)
     * @throws IOException if the socket cannot be set up
     * @throws IllegalStateException if already started or no server key was added
     */
    public void startServer(ServerInterface server) throws IOException {
        startServer(server, timeout);
    }

    /**
     * Starts the server role and waits for the first key exchange.
     *
     * @param server the decisions
     * @param bound the most time to wait
     * @throws SshException if negotiation fails or times out (the transport is then closed)
     * @throws IOException if the socket cannot be set up
     * @throws IllegalStateException if already started or no server key was added
     */
    public void startServer(ServerInterface server, Duration bound) throws IOException {
        Objects.requireNonNull(server, "server");
        if (serverKeys.isEmpty()) {
            throw new IllegalStateException("add a server key (addServerKey) before startServer");
        }
        claim(Role.SERVER);
        List<ServerHostKey> keys = new ArrayList<>();
        for (SshKeyPair pair : serverKeys) {
            keys.add(new ServerHostKey(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), random)));
        }
        Moduli groups = moduli;
        TransportConfig.Builder config = TransportConfig.server(keys)
                .algorithms(options.toPreferences(Role.SERVER, groups == null ? List.of() : List.of(GEX)))
                .random(random);
        if (groups != null) {
            config.dhGroups(groups);
        }
        ServerInterfaceAdapter adapter = new ServerInterfaceAdapter(server, this);
        events.onClosed(adapter::forget);
        ServerAuthConfig auth = ServerAuthConfig.defaults(random);
        String text = server.getBanner();
        ServerSessionConfig session = ServerSessionConfig.of(adapter, text == null ? auth : auth.withBanner(text),
                result -> adapter).withListener(events);
        awaitStarted(started(link.start(new ServerEngine(config.build(), session, link.ipAddress()), threads)),
                bound);
    }

    /**
     * Starts the server role on a thread of the thread factory (paramiko's {@code start_server(event, server)}).
     *
     * @param server the decisions
     * @return completed when the first key exchange is done, exceptionally when it failed or timed out
     */
    public CompletableFuture<Void> startServerAsync(ServerInterface server) {
        return async(() -> startServer(server));
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
        SshPublicKey got = remoteKey;
        if (hostKey != null && (got == null || !Fingerprints.sha256(hostKey).equals(Fingerprints.sha256(got)))) {
            close();
            throw new SshException(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, "host key mismatch: expected "
                    + Fingerprints.sha256(hostKey) + ", got " + (got == null ? "none" : Fingerprints.sha256(got)));
        }
        if (password != null) {
            authPassword(user, password);
        } else if (key != null) {
            authPublicKey(user, key);
        }
    }

    private void claim(Role wanted) {
        if (!role.compareAndSet(null, wanted)) {
            throw new IllegalStateException("this transport was already started as " + role.get());
        }
    }

    private <E extends SessionEngine> BlockingDriver<E> started(BlockingDriver<E> d) {
        driver = d;
        log().debug("transport started as {} with {}", role.get(), getPeerAddress());
        return d;
    }

    private void verifyHostKey(String host, int port, SshPublicKey key)
            throws org.sshstack.transport.HostKeyRejectedException {
        remoteKey = key;
        HostKeyVerifier verifier = hostKeyVerifier;
        if (verifier != null) {
            verifier.verify(host, port, key);
        }
    }

    private void awaitStarted(BlockingDriver<? extends SessionEngine> d, Duration bound)
            throws SshException, InterruptedIOException {
        try {
            d.await(e -> e.transport().keyExchangeCount() >= 1, bound, "the key exchange");
        } catch (SshException e) {
            SshException cause = d.withEngine(x -> x.closeException().orElse(null));
            startFailure = cause != null && cause.reason() != DisconnectReason.BY_APPLICATION ? cause : e;
            close();
            throw startFailure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new InterruptedIOException("interrupted during the key exchange");
        }
    }

    /** A blocking step run asynchronously. */
    private interface Step {
        void run() throws IOException;
    }

    private CompletableFuture<Void> async(Step step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = threads.newThread(() -> {
            try {
                step.run();
                done.complete(null);
            } catch (IOException | RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        thread.start();
        return done;
    }

    // ---------------------------------------------------------------- authentication (client)

    /**
     * Tries "none" (RFC 4252 §5.2), mostly to learn the allowed methods from the exception.
     *
     * @param user the user name
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws org.sshstack.BadAuthenticationTypeException if "none" is not allowed (it lists the allowed methods)
     * @throws org.sshstack.AuthenticationException if it failed
     * @throws SshException on a connection failure or timeout (the transport is then closed)
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
     * @throws org.sshstack.BadAuthenticationTypeException if neither method is allowed
     * @throws org.sshstack.AuthenticationException if it failed
     * @throws SshException on a connection failure or timeout (the transport is then closed)
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
     * @throws org.sshstack.BadAuthenticationTypeException if "publickey" is not allowed
     * @throws org.sshstack.AuthenticationException if the key was refused
     * @throws SshException on a connection failure or timeout (the transport is then closed)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authPublicKey(String user, SshKeyPair key) throws SshException, InterruptedIOException {
        return authPublicKey(user, new PublicKeyIdentity(key.publicKey(), JcaSshSigner.of(key.privateKey(), random)));
    }

    /**
     * Tries "publickey" with any signer (an agent's key, a certificate, a hardware key).
     *
     * @param user the user name
     * @param identity the key or certificate and its signer
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws org.sshstack.BadAuthenticationTypeException if "publickey" is not allowed
     * @throws org.sshstack.AuthenticationException if the key was refused
     * @throws SshException on a connection failure or timeout (the transport is then closed)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authPublicKey(String user, PublicKeyIdentity identity)
            throws SshException, InterruptedIOException {
        return auth().run(user, e -> e.authPublicKey(user, identity));
    }

    /**
     * Tries "keyboard-interactive" (RFC 4256); the handler answers each round of prompts on the reading thread.
     * Note: the submethods hint is not sent yet (the client engine always sends an empty one).
     *
     * @param user the user name
     * @param handler answers the prompts (title, instructions, prompts)
     * @param submethods the submethods hint (currently ignored, see above)
     * @return the methods allowed next: empty when authenticated, the server's list on partial success
     * @throws org.sshstack.BadAuthenticationTypeException if "keyboard-interactive" is not allowed
     * @throws org.sshstack.AuthenticationException if it failed
     * @throws SshException on a connection failure or timeout (the transport is then closed)
     * @throws InterruptedIOException if interrupted
     */
    public List<String> authInteractive(String user, InteractiveHandler handler, String submethods)
            throws SshException, InterruptedIOException {
        return auth().run(user, e -> e.authInteractive(user, handler));
    }

    private TransportAuth auth() throws SshException {
        BlockingDriver<ClientEngine> d = clientDriver;
        if (d == null || role.get() != Role.CLIENT) {
            throw new IllegalStateException("authentication needs a started client transport");
        }
        return new TransportAuth(d, timeout, user -> username = user);
    }

    // ---------------------------------------------------------------- state

    /** @return true while the connection is open */
    public boolean isActive() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d != null && !d.isClosed() && !d.withEngine(SessionEngine::isClosed);
    }

    /** @return true while the connection is open and user authentication succeeded */
    public boolean isAuthenticated() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return isActive() && d.withEngine(SessionEngine::isAuthenticated);
    }

    /** @return the authenticated user name (either role), or null before authentication succeeded */
    public String getUsername() {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d != null && d.engine() instanceof ServerEngine) {
            return d.withEngine(e -> ((ServerEngine) e).authResult().map(r -> r.username()).orElse(null));
        }
        return username;
    }

    /** @return the server's last USERAUTH_BANNER text (client mode), or null when none came */
    public String getBanner() {
        return banner;
    }

    /**
     * @return what ended the transport (a failure, the peer's DISCONNECT, or our own close), or what made a start
     *     fail; null while open (unlike paramiko, reading it does not clear it)
     */
    public SshException getException() {
        SshException failed = startFailure;
        if (failed != null) {
            return failed;
        }
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.closeException().orElse(null));
    }

    /** @return the peer's address, or an unresolved ("unknown", 0) when the transport runs over streams */
    public InetSocketAddress getPeerAddress() {
        return link.peer() != null ? link.peer() : InetSocketAddress.createUnresolved("unknown", 0);
    }

    /**
     * Client mode: the server's host key.
     *
     * @return the key the server presented in the last key exchange
     * @throws SshException if no session is active
     */
    public SshPublicKey getRemoteServerKey() throws SshException {
        SshPublicKey key = remoteKey;
        if (key == null || !isActive()) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "no session is active");
        }
        return key;
    }

    /** @return the algorithms of the last key exchange, or null before the first one finished */
    public NegotiatedAlgorithms getNegotiatedAlgorithms() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.transport().negotiatedAlgorithms().orElse(null));
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
        BlockingDriver<? extends SessionEngine> d = requireDriver();
        if (!d.withEngine(SessionEngine::isAuthenticated)) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "channels open only after authentication");
        }
        ConnectionChannel raw = d.call(SessionEngine::openSession);
        ChannelIo io = new ChannelIo(d, raw);
        d.run(e -> events.channels().register(io));
        io.setTimeout(timeout);
        io.awaitOpen();
        io.setTimeout(null);
        return new Channel(io);
    }

    /**
     * Server mode: the next channel the client opened (and {@link ServerInterface#checkChannelRequest} accepted).
     *
     * @param bound the most time to wait; null waits forever
     * @return the channel, or null when none came in time
     * @throws InterruptedIOException if interrupted
     */
    public Channel accept(Duration bound) throws InterruptedIOException {
        try {
            return bound == null ? accepted.take() : accepted.poll(bound.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted in accept");
        }
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
        BlockingDriver<? extends SessionEngine> d = requireDriver();
        byte[] body = data == null ? new byte[0] : data.clone();
        CompletableFuture<byte[]> reply = d.call(e -> {
            var connection = e.connection().orElseThrow(() -> new SshException(DisconnectReason.BY_APPLICATION,
                    "global requests need an authenticated connection"));
            CompletableFuture<byte[]> f = new CompletableFuture<>();
            if (!connection.sendGlobalRequest(kind, wait, body)) {
                throw new SshException(DisconnectReason.BY_APPLICATION, "too many global requests await replies");
            }
            if (wait) {
                events.expectGlobalReply(kind, f);
            } else {
                f.complete(new byte[0]);
            }
            return f;
        });
        waitUntil(d, e -> reply.isDone(), "the reply to global request " + kind);
        return reply.join();
    }

    /**
     * Sends SSH_MSG_IGNORE with random bytes (RFC 4253 §11.2); does not block on the peer.
     *
     * @param byteCount the number of random bytes, 0..32768
     * @throws SshException if the connection failed
     */
    public void sendIgnore(int byteCount) throws SshException {
        requireDriver().call(e -> {
            e.transport().sendIgnore(byteCount);
            return null;
        });
    }

    /**
     * Sends SSH_MSG_IGNORE with 10..41 random bytes, as paramiko does without a count.
     *
     * @throws SshException if the connection failed
     */
    public void sendIgnore() throws SshException {
        sendIgnore(10 + random.nextInt(32));
    }

    /**
     * Runs a key exchange now (RFC 4253 §9) and waits, within the transport's timeout, until it finished. Channel
     * data keeps flowing before and after; during the exchange it waits (bounded).
     *
     * @throws SshException if the exchange failed (the connection is then closed) or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void renegotiateKeys() throws SshException, InterruptedIOException {
        BlockingDriver<? extends SessionEngine> d = requireDriver();
        int before = d.call(e -> {
            int count = e.transport().keyExchangeCount();
            e.transport().renegotiateKeys(); // false while one runs: waiting for that one is as good
            return count;
        });
        waitUntil(d, e -> e.transport().keyExchangeCount() > before, "the key exchange");
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
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null || !isActive()) {
            return;
        }
        d.call(e -> {
            var connection = e.connection().orElse(null);
            if (connection != null) {
                connection.sendGlobalRequest(KEEPALIVE, false, new byte[0]);
            } else {
                e.transport().sendIgnore(0);
            }
            return null;
        });
    }

    /**
     * Server mode: reports a command's exit status on a channel (paramiko's {@code Channel.send_exit_status}),
     * after the data written so far has left (waiting at most the transport's timeout for it).
     *
     * @param channel a channel from {@link #accept}
     * @param status the exit status
     * @throws SshException if the connection failed or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void sendExitStatus(Channel channel, int status) throws SshException, InterruptedIOException {
        ChannelIo io = channel.io();
        ConnectionChannel raw = io.channel();
        Duration previous = io.timeout();
        io.setTimeout(timeout);
        try {
            io.attempt(e -> raw.outboundPending() == 0 || raw.state() != ConnectionChannel.State.OPEN,
                    "the output to drain"); // RFC 4254 §6.10: the status follows the data
        } finally {
            io.setTimeout(previous);
        }
        io.driver().call(e -> raw.sendRequest(new SessionRequest.ExitStatus(status & 0xffffffffL), false));
    }

    /**
     * Closes the connection and every channel: sends DISCONNECT (BY_APPLICATION), stops the keepalive thread and
     * joins the connection's threads (bounded by the driver's close timeout). Idempotent.
     */
    @Override
    public void close() {
        keepalive.stop();
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null) {
            link.closeUnstarted();
            return;
        }
        d.run(e -> e.disconnect(DisconnectReason.BY_APPLICATION, "closed by the application"));
        d.close();
    }

    @Override
    public String toString() {
        return "Transport[" + (role.get() == null ? "not started" : role.get()) + ", " + getPeerAddress()
                + (isActive() ? ", active" : ", inactive") + "]";
    }

    // ---------------------------------------------------------------- package-private hooks for the adapter

    /** @return the traffic counters of the connection (for tests), or null before start */
    org.sshstack.event.TrafficSnapshot traffic() {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : d.withEngine(e -> e.transport().traffic());
    }

    /** @return the events listener */
    TransportEvents events() {
        return events;
    }

    /** @return a channel io for an accepted channel, or null when the driver is not known yet */
    ChannelIo newChannelIo(ConnectionChannel channel) {
        BlockingDriver<? extends SessionEngine> d = driver;
        return d == null ? null : new ChannelIo(d, channel);
    }

    /** @return true when the channel was queued for accept */
    boolean offerAccepted(Channel channel) {
        return accepted.offer(channel);
    }

    /** @return the registered factory for a subsystem, or null */
    Supplier<? extends SubsystemHandler> subsystemFactory(String name) {
        return subsystems.get(name);
    }

    /** Starts a subsystem handler on its own thread; false when no thread could be made. */
    boolean startSubsystem(String name, Supplier<? extends SubsystemHandler> factory, Channel channel) {
        Thread thread = threads.newThread(() -> {
            try {
                factory.get().startSubsystem(name, this, channel);
            } catch (Exception e) {
                log().debug("subsystem {} failed", name, e);
            } finally {
                channel.close();
            }
        });
        if (thread == null) {
            return false;
        }
        thread.start();
        return true;
    }

    private Logger log() {
        return LoggerFactory.getLogger(logChannel);
    }

    private BlockingDriver<? extends SessionEngine> requireDriver() {
        BlockingDriver<? extends SessionEngine> d = driver;
        if (d == null) {
            throw new IllegalStateException("the transport is not started");
        }
        return d;
    }

    /** Waits for a condition without closing the connection on timeout. */
    private void waitUntil(BlockingDriver<? extends SessionEngine> d, EngineAction<SessionEngine, Boolean> condition,
            String what) throws SshException, InterruptedIOException {
        Duration bound = timeout;
        try {
            if (!d.send(condition, bound)) {
                throw new ChannelTimeoutException("timed out after " + bound + " waiting for " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + what);
        }
    }
}
