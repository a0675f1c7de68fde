package org.sshstack.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.SshException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;
import org.sshstack.transport.HostKeyVerifier;
import org.sshstack.transport.kex.Moduli;

/**
 * The settings half of {@link Transport}: timeouts, threads, the host key check, algorithm lists, server keys,
 * group-exchange moduli, subsystems and logging. Settings other than the timeout and logging take effect at the next
 * start. Thread-safe (volatile fields, concurrent collections).
 */
public abstract sealed class TransportSettings permits Transport {

    /** Default bound of blocking calls: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default TCP connect bound of the address factories: 10 s. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Channels opened by the client and not yet taken by {@link Transport#accept}, beyond which opens are refused. */
    public static final int ACCEPT_BACKLOG = 64;

    private static final long MAX_MODULI_FILE = 4L << 20;

    /** The algorithm lists. */
    final SecurityOptions options = new SecurityOptions();
    /** Server keys, moduli, subsystems and the accept queue. */
    final TransportServerState serverState = new TransportServerState();
    /** The bound of blocking calls. */
    volatile Duration timeout = DEFAULT_TIMEOUT;
    /** Makes the connection's threads. */
    volatile ThreadFactory threads = new SshThreads("sshstack-transport");
    private volatile HostKeyVerifier hostKeyVerifier;
    private volatile String logChannel = Transport.class.getName();
    private volatile boolean hexdump;

    TransportSettings() {
    }

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
        serverState.addKey(Objects.requireNonNull(key, "key"));
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
        return Moduli.parse(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /**
     * Server mode, before start: offers diffie-hellman-group-exchange-sha256 with groups from these moduli (added
     * to the default kex list; an explicitly set kex list is used as it is). Empty moduli disable it.
     *
     * @param value the moduli, or null to disable group exchange
     */
    public void setServerModuli(Moduli value) {
        serverState.setModuli(value);
    }

    /**
     * Server mode: serves a subsystem by name; each accepted request runs a new handler from the factory on a
     * thread of the transport's thread factory. Overrides {@link ServerInterface#checkChannelSubsystemRequest}.
     *
     * @param name the subsystem name, e.g. "sftp"
     * @param factory makes a handler per request
     */
    public void setSubsystemHandler(String name, Supplier<? extends SubsystemHandler> factory) {
        serverState.putSubsystem(Objects.requireNonNull(name, "name"), Objects.requireNonNull(factory, "factory"));
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

    /** @return the host key check, or null */
    final HostKeyVerifier hostKeyVerifier() {
        return hostKeyVerifier;
    }

    /** @return the logger named by the log channel */
    final Logger log() {
        return LoggerFactory.getLogger(logChannel);
    }

    /**
     * paramiko's {@code open_sftp_client}: opens a session channel running the "sftp" subsystem (RFC 4254 §6.5)
     * and returns an SFTP client over it. Its requests, and the channel's reads and writes, are bounded by the
     * transport's timeout; its reply reader runs on a thread of the thread factory. Closing the client closes the
     * channel.
     *
     * @return the client
     * @throws SshException if the channel or the subsystem is refused, the SFTP handshake failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public SftpClient openSftpClient() throws SshException, InterruptedIOException {
        return SftpSubsystem.start(openSession(), SftpClientOptions.defaults().withTimeout(timeout)
                .withThreadFactory(threads));
    }

    /** @return an open session channel (implemented by {@link Transport#openSession()}) */
    abstract Channel openSession() throws SshException, InterruptedIOException;
}
