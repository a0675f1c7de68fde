package org.sshstack.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import org.sshstack.SshException;
import org.sshstack.auth.InteractiveHandler;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.auth.agent.AgentClient;
import org.sshstack.auth.agent.AgentIdentity;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelEvents;
import org.sshstack.io.DriverOptions;
import org.sshstack.io.agent.UnixSocketAgentConnection;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.session.ClientEngine;
import org.sshstack.session.ClientSessionConfig;
import org.sshstack.transport.HostKeyVerifier;
import org.sshstack.transport.KnownHostsVerifier;
import org.sshstack.transport.PinnedHostKeyVerifier;
import org.sshstack.transport.TransportConfig;

/**
 * A blocking SSH client (paramiko's {@code SSHClient}), configured once with a {@link Builder} and used for any
 * number of {@link #connect} calls. Host keys are checked against {@code ~/.ssh/known_hosts}, strictly, unless
 * configured otherwise. Immutable and thread-safe.
 */
public final class SshClient {

    /** Default bound of a one-call exec's output (stdout plus stderr): 64 MiB. */
    public static final long DEFAULT_MAX_EXEC_OUTPUT = 64L << 20;

    private final Builder b;

    private SshClient(Builder builder) {
        this.b = builder.copy();
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Connects, verifies the host key, and authenticates with the configured identities, the password, then
     * keyboard-interactive.
     *
     * @param host the host name or address
     * @param port the port
     * @param user the user name
     * @return the authenticated session
     * @throws SshException if the host key is refused, authentication fails or times out
     * @throws IOException if the connection fails or times out
     * @throws IllegalArgumentException if the host or user name is refused by {@link HostNames}
     */
    public ClientSession connect(String host, int port, String user) throws IOException {
        HostNames.checkHost(host); // SECURITY.md D3: before any I/O
        HostNames.checkUser(user);
        List<AgentClient> agents = new ArrayList<>();
        try {
            return connect(host, port, user, identities(agents));
        } finally {
            agents.forEach(AgentClient::close); // the agent signs during authentication only
        }
    }

    private ClientSession connect(String host, int port, String user, List<PublicKeyIdentity> identities)
            throws IOException {
        ChannelEvents events = new ChannelEvents();
        TransportConfig transport = TransportConfig.client(host, port).hostKeyVerifier(verifier())
                .random(new SecureRandom()).build();
        ClientEngine engine = new ClientEngine(transport, ClientSessionConfig.defaults().withListener(events));
        DriverOptions options = DriverOptions.defaults().withThreadFactory(b.threads)
                .withConnectTimeout(b.connectTimeout);
        BlockingDriver<ClientEngine> driver = BlockingDriver.connect(engine, new InetSocketAddress(host, port),
                options);
        try {
            new ClientLogin(driver, user, b.authTimeout).run(identities, b.password, b.interactive);
            return new ClientSession(driver, events, b.authTimeout, b.maxExecOutput);
        } catch (IOException | RuntimeException e) {
            driver.close();
            throw e;
        }
    }

    private HostKeyVerifier verifier() {
        if (b.verifier != null) {
            return b.verifier;
        }
        if (!b.pinned.isEmpty()) {
            return new PinnedHostKeyVerifier(b.pinned);
        }
        Path file = b.knownHosts != null ? b.knownHosts
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        return b.acceptNew ? KnownHostsVerifier.acceptNew(file, new SecureRandom(), Clock.systemUTC())
                : KnownHostsVerifier.strict(file, Clock.systemUTC());
    }

    private List<PublicKeyIdentity> identities(List<AgentClient> agents) throws IOException {
        List<PublicKeyIdentity> out = new ArrayList<>();
        for (SshKeyPair pair : b.keys) {
            out.add(new PublicKeyIdentity(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
        }
        for (int i = 0; i < b.keyFiles.size(); i++) {
            SshKeyPair pair = KeyFiles.readPrivateKey(b.keyFiles.get(i), b.passphrases.get(i));
            out.add(new PublicKeyIdentity(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
        }
        Path agentSocket = b.agentSocket != null ? b.agentSocket : environmentAgentSocket();
        if (b.useAgent && agentSocket != null) {
            AgentClient agent = new AgentClient(UnixSocketAgentConnection.open(agentSocket));
            agents.add(agent);
            for (AgentIdentity identity : agent.identities()) {
                out.add(new PublicKeyIdentity(identity.publicKey(), identity));
            }
        }
        return out;
    }

    private static Path environmentAgentSocket() {
        String socket = System.getenv(UnixSocketAgentConnection.SSH_AUTH_SOCK);
        return socket == null || socket.isBlank() ? null : Path.of(socket);
    }

    /** Settings of an {@link SshClient}; {@link #build()} copies them. */
    public static final class Builder {
        private Path knownHosts;
        private boolean acceptNew;
        private List<String> pinned = new ArrayList<>();
        private HostKeyVerifier verifier;
        private List<SshKeyPair> keys = new ArrayList<>();
        private List<Path> keyFiles = new ArrayList<>();
        private List<char[]> passphrases = new ArrayList<>();
        private boolean useAgent;
        private Path agentSocket;
        private char[] password;
        private InteractiveHandler interactive;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration authTimeout = Duration.ofSeconds(30);
        private long maxExecOutput = DEFAULT_MAX_EXEC_OUTPUT;
        private ThreadFactory threads = new SshThreads("sshstack-client");

        private Builder() {
        }

        /** @param file the known_hosts file (default {@code ~/.ssh/known_hosts}) @return this builder */
        public Builder knownHosts(Path file) {
            knownHosts = Objects.requireNonNull(file, "file");
            return this;
        }

        /** Accepts and records unknown hosts (changed keys are still refused). @return this builder */
        public Builder acceptNewHostKeys() {
            acceptNew = true;
            return this;
        }

        /** @param fingerprints "SHA256:..." fingerprints; the host must present one of them @return this builder */
        public Builder pinnedHostKeys(List<String> fingerprints) {
            pinned = new ArrayList<>(fingerprints);
            return this;
        }

        /** @param value a custom host key check, replacing known_hosts and pins @return this builder */
        public Builder hostKeyVerifier(HostKeyVerifier value) {
            verifier = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param pair a key pair to offer @return this builder */
        public Builder identity(SshKeyPair pair) {
            keys.add(Objects.requireNonNull(pair, "pair"));
            return this;
        }

        /**
         * @param privateKey a private key file, read at connect time
         * @param passphrase its passphrase, or null when not encrypted (kept until the client is discarded)
         * @return this builder
         */
        public Builder identityFile(Path privateKey, char[] passphrase) {
            keyFiles.add(Objects.requireNonNull(privateKey, "privateKey"));
            passphrases.add(passphrase == null ? null : passphrase.clone());
            return this;
        }

        /** Offers the keys of the agent at {@code SSH_AUTH_SOCK}, if set. @return this builder */
        public Builder useAgent() {
            useAgent = true;
            return this;
        }

        /**
         * Offers the keys of the agent listening on a given Unix-domain socket (instead of {@code SSH_AUTH_SOCK}).
         *
         * @param socket the agent's socket path
         * @return this builder
         */
        public Builder useAgent(Path socket) {
            useAgent = true;
            agentSocket = Objects.requireNonNull(socket, "socket");
            return this;
        }

        /** @param value the password, tried after the keys @return this builder */
        public Builder password(char[] value) {
            password = value == null ? null : value.clone();
            return this;
        }

        /** @param value answers keyboard-interactive prompts, tried last @return this builder */
        public Builder interactive(InteractiveHandler value) {
            interactive = value;
            return this;
        }

        /** @param value the TCP connect bound (default 10 s) @return this builder */
        public Builder connectTimeout(Duration value) {
            connectTimeout = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param value the bound on key exchange plus authentication, and on channel opens (default 30 s)
         *  @return this builder */
        public Builder authTimeout(Duration value) {
            authTimeout = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @param bytes the most output a one-call exec keeps (default 64 MiB) @return this builder */
        public Builder maxExecOutput(long bytes) {
            maxExecOutput = bytes;
            return this;
        }

        /** @param value makes the connections' threads (default: daemon threads "sshstack-client-n")
         *  @return this builder */
        public Builder threadFactory(ThreadFactory value) {
            threads = Objects.requireNonNull(value, "value");
            return this;
        }

        /** @return the client */
        public SshClient build() {
            return new SshClient(this);
        }

        private Builder copy() {
            Builder c = new Builder();
            c.knownHosts = knownHosts;
            c.acceptNew = acceptNew;
            c.pinned = List.copyOf(pinned);
            c.verifier = verifier;
            c.keys = List.copyOf(keys);
            c.keyFiles = List.copyOf(keyFiles);
            c.passphrases = new ArrayList<>(passphrases);
            c.useAgent = useAgent;
            c.agentSocket = agentSocket;
            c.password = password;
            c.interactive = interactive;
            c.connectTimeout = connectTimeout;
            c.authTimeout = authTimeout;
            c.maxExecOutput = maxExecOutput;
            c.threads = threads;
            return c;
        }
    }
}
