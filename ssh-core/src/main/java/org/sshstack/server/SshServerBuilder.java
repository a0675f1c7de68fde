package org.sshstack.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import org.sshstack.SshProtocolException;
import java.util.function.LongSupplier;
import org.sshstack.client.SshThreads;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.CertificateType;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.sftp.SymlinkArgumentOrder;
import org.sshstack.sftp.server.SftpServer;
import org.sshstack.sftp.server.SftpServerConfig;
import org.sshstack.transport.kex.ServerHostKey;

/** Settings of an {@link SshServer}: address, host keys, authenticators, handlers, threads and limits. */
public final class SshServerBuilder {

    /**
     * Default bound of one blocked handler write: 10 minutes. A write blocks while the client's window is full, that
     * is while the client reads nothing; 10 minutes lets a person pause a terminal (Ctrl-S, a pager) or a slow link
     * drain a full 2 MiB window (about 28 kbit/s), yet frees the executor thread of a vanished or stuck client long
     * before TCP keepalive (2 hours by default) would notice it.
     */
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMinutes(10);

    InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    final List<ServerHostKey> hostKeys = new ArrayList<>();
    PasswordAuthenticator passwords;
    PublicKeyAuthenticator publicKeys;
    InteractiveAuthenticator interactive;
    CommandHandler commands;
    ShellFactory shells;
    final Map<String, CommandHandler> subsystems = new HashMap<>();
    ExecutorService executor;
    ThreadFactory threads = new SshThreads("sshstack-server");
    int maxSessions = 10;
    int maxUnauthenticated = 10;
    Duration writeTimeout = DEFAULT_WRITE_TIMEOUT;
    Duration loginGrace = Duration.ofSeconds(30);
    int maxAuthTries = 6;
    LongSupplier clock = System::nanoTime;

    SshServerBuilder() {
    }

    /** @param value the address to bind (default: loopback, port 0) @return this builder */
    public SshServerBuilder bind(InetSocketAddress value) {
        address = Objects.requireNonNull(value, "value");
        return this;
    }

    /**
     * @param pair a host key
     * @return this builder
     * @throws IOException if the key cannot sign
     */
    public SshServerBuilder hostKey(SshKeyPair pair) throws IOException {
        hostKeys.add(new ServerHostKey(pair.publicKey(), JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
        return this;
    }

    /**
     * Adds a host certificate (PROTOCOL.certkeys): the server can then send it as K_S for its certificate algorithm
     * (e.g. {@code ssh-ed25519-cert-v01@openssh.com}), signing with {@code pair}. Add the plain key with
     * {@link #hostKey(SshKeyPair)} too for clients that do not trust the CA.
     *
     * @param pair the certified host key
     * @param certificate a host certificate of {@code pair}'s public key
     * @return this builder
     * @throws IOException if the key cannot sign
     * @throws IllegalArgumentException if the certificate is not a host certificate of that key
     */
    public SshServerBuilder hostKey(SshKeyPair pair, OpenSshCertificate certificate) throws IOException {
        if (certificate.certificateType() != CertificateType.HOST
                || !certificate.certifiedKey().equals(pair.publicKey())) {
            throw new IllegalArgumentException("not a host certificate of this key");
        }
        hostKeys.add(new ServerHostKey(certificate, JcaSshSigner.of(pair.privateKey(), new SecureRandom())));
        return this;
    }

    /**
     * @param file an unencrypted private key file
     * @return this builder
     * @throws IOException if it cannot be read
     */
    public SshServerBuilder hostKeyFile(Path file) throws IOException {
        return hostKey(KeyFiles.readPrivateKey(file, null));
    }

    /**
     * Reads the Ed25519 host key in {@code file}, generating and writing it (mode 0600) the first time.
     *
     * @param file the key file
     * @return this builder
     * @throws IOException if it cannot be read or written
     */
    public SshServerBuilder generatedHostKey(Path file) throws IOException {
        if (!Files.exists(file)) {
            SecureRandom random = new SecureRandom();
            KeyFiles.writePrivateKey(file, KeyGenerator.ed25519("sshstack host key", random), null, random);
        }
        return hostKeyFile(file);
    }

    /** @param value checks passwords (none: no password login) @return this builder */
    public SshServerBuilder passwordAuthenticator(PasswordAuthenticator value) {
        passwords = value;
        return this;
    }

    /** @param value decides public keys (none: no key login) @return this builder */
    public SshServerBuilder publicKeyAuthenticator(PublicKeyAuthenticator value) {
        publicKeys = value;
        return this;
    }

    /** @param value runs keyboard-interactive (none: not offered) @return this builder */
    public SshServerBuilder interactiveAuthenticator(InteractiveAuthenticator value) {
        interactive = value;
        return this;
    }

    /** @param value runs exec requests (none: exec refused) @return this builder */
    public SshServerBuilder commandHandler(CommandHandler value) {
        commands = value;
        return this;
    }

    /** @param value runs shell requests (none: shell refused) @return this builder */
    public SshServerBuilder shellFactory(ShellFactory value) {
        shells = value;
        return this;
    }

    /** @param name a subsystem name, e.g. "sftp" @param handler runs it @return this builder */
    public SshServerBuilder subsystem(String name, CommandHandler handler) {
        subsystems.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(handler, "handler"));
        return this;
    }

    /**
     * Serves SFTP (the "sftp" subsystem) with an {@link SftpServer}: each user jailed in the root the
     * configuration maps it to, SYMLINK read in the order the client's version calls for
     * ({@link SymlinkArgumentOrder#forPeer}). The subsystem's exit status is 0 when the client ends the session,
     * 1 when it sent a malformed packet.
     *
     * @param config the SFTP server settings
     * @return this builder
     */
    public SshServerBuilder sftp(SftpServerConfig config) {
        SftpServer server = new SftpServer(config);
        return subsystem("sftp", command -> {
            try {
                server.serve(command.user(), command.stdin(), command.stdout(),
                        SymlinkArgumentOrder.forPeer(command.clientVersion()));
                return 0;
            } catch (SshProtocolException malformed) {
                return 1;
            }
        });
    }

    /** @param value runs commands and shells (required) @return this builder */
    public SshServerBuilder executor(ExecutorService value) {
        executor = Objects.requireNonNull(value, "value");
        return this;
    }

    /** @param value makes the acceptor and reader threads (default: daemon "sshstack-server-n") @return this */
    public SshServerBuilder threadFactory(ThreadFactory value) {
        threads = Objects.requireNonNull(value, "value");
        return this;
    }

    /** @param value the most channels per connection (default 10) @return this builder */
    public SshServerBuilder maxSessions(int value) {
        maxSessions = value;
        return this;
    }

    /** @param value the most connections not yet authenticated (default 10) @return this builder */
    public SshServerBuilder maxUnauthenticated(int value) {
        maxUnauthenticated = value;
        return this;
    }

    /**
     * How long a command handler's write to stdout or stderr may wait for the client to read (window space), and
     * how long the end of a command waits for its output to leave. When it elapses the write throws
     * {@link org.sshstack.io.ChannelTimeoutException} (an {@link IOException}) and the channel is closed.
     *
     * @param value a positive duration (default {@link #DEFAULT_WRITE_TIMEOUT})
     * @return this builder
     * @throws IllegalArgumentException if not positive
     */
    public SshServerBuilder writeTimeout(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the write timeout must be positive");
        }
        writeTimeout = value;
        return this;
    }

    /**
     * @param value the time from accepting a connection to a successful login, after which the server disconnects
     *     (OpenSSH LoginGraceTime; default 30 s)
     * @return this builder
     */
    public SshServerBuilder loginGraceTime(Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("the login grace time must be positive");
        }
        loginGrace = value;
        return this;
    }

    /** @param value failed attempts after which the server disconnects (default 6) @return this builder */
    public SshServerBuilder maxAuthTries(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("maxAuthTries must be at least 1");
        }
        maxAuthTries = value;
        return this;
    }

    /**
     * @param value a {@code System.nanoTime()}-style clock for every connection's deadlines (login grace, failure
     *     delays, rekey and keepalive); tests inject one to drive time (default: {@code System::nanoTime})
     * @return this builder
     */
    public SshServerBuilder clock(LongSupplier value) {
        clock = Objects.requireNonNull(value, "value");
        return this;
    }

    /** @return the server, not yet started, with a copy of these settings */
    public SshServer build() {
        if (hostKeys.isEmpty() || executor == null) {
            throw new IllegalStateException("a server needs at least one host key and an executor");
        }
        SshServerBuilder copy = new SshServerBuilder();
        copy.address = address;
        copy.hostKeys.addAll(hostKeys);
        copy.passwords = passwords;
        copy.publicKeys = publicKeys;
        copy.interactive = interactive;
        copy.commands = commands;
        copy.shells = shells;
        copy.subsystems.putAll(subsystems);
        copy.executor = executor;
        copy.threads = threads;
        copy.maxSessions = maxSessions;
        copy.maxUnauthenticated = maxUnauthenticated;
        copy.writeTimeout = writeTimeout;
        copy.loginGrace = loginGrace;
        copy.maxAuthTries = maxAuthTries;
        copy.clock = clock;
        return new SshServer(copy);
    }
}
