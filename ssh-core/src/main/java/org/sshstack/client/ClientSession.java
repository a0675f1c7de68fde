package org.sshstack.client;

import java.io.InterruptedIOException;
import java.time.Duration;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.io.BlockingDriver;
import org.sshstack.io.ChannelEvents;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.session.ClientEngine;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientOptions;

/**
 * An authenticated SSH connection made by {@link SshClient#connect}: opens session channels, runs commands. Closing
 * it disconnects and joins the connection's thread. Thread-safe.
 */
public final class ClientSession implements AutoCloseable {

    private final BlockingDriver<ClientEngine> driver;
    private final ChannelEvents events;
    private final Duration openTimeout;
    private final long maxExecOutput;

    ClientSession(BlockingDriver<ClientEngine> driver, ChannelEvents events, Duration openTimeout,
            long maxExecOutput) {
        this.driver = driver;
        this.events = events;
        this.openTimeout = openTimeout;
        this.maxExecOutput = maxExecOutput;
    }

    /**
     * Opens a session channel (RFC 4254 §6.1) and waits for the server to confirm it.
     *
     * @return the open channel, with no timeout set
     * @throws SshException if the server refuses, the connection failed, or the open timed out
     * @throws InterruptedIOException if interrupted
     */
    public Channel openSession() throws SshException, InterruptedIOException {
        ConnectionChannel raw = driver.call(ClientEngine::openSession);
        ChannelIo io = new ChannelIo(driver, raw);
        driver.run(e -> events.register(io));
        io.setTimeout(openTimeout);
        io.awaitOpen();
        io.setTimeout(null);
        return new Channel(io);
    }

    /**
     * Starts a command and returns its channel for streaming: write stdin, read stdout and stderr, then
     * {@link Channel#recvExitStatus()}.
     *
     * @param command the command line
     * @return the channel, the command running
     * @throws SshException if the channel or the command is refused
     * @throws InterruptedIOException if interrupted
     */
    public Channel execStreaming(String command) throws SshException, InterruptedIOException {
        Channel channel = openSession();
        try {
            channel.setTimeout(openTimeout);
            channel.execCommand(command);
            channel.setTimeout(null);
            return channel;
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Runs a command with no stdin (EOF at once) and collects its output, bounded by the client's maximum output
     * size. On timeout or too much output the channel is closed and the connection stays usable.
     *
     * @param command the command line
     * @param timeout the most time for the whole run
     * @return stdout, stderr and the exit status
     * @throws ChannelTimeoutException if the command did not end in time
     * @throws ExecOutputTooLargeException if the output exceeded the limit
     * @throws SshException if the command is refused or the connection failed
     * @throws InterruptedIOException if interrupted
     */
    public ExecResult exec(String command, Duration timeout) throws SshException, InterruptedIOException {
        Channel channel = execStreaming(command);
        try {
            channel.shutdownWrite();
            return new ExecCollector(channel.io(), maxExecOutput).collect(timeout);
        } finally {
            channel.io().abort();
        }
    }

    /**
     * Opens an SFTP client on a new session channel running the "sftp" subsystem (RFC 4254 §6.5), with default
     * options bounded by this session's timeout. Closing the client closes the channel.
     *
     * @return the client
     * @throws SshException if the channel or the subsystem is refused, the SFTP handshake failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public SftpClient sftp() throws SshException, InterruptedIOException {
        return sftp(SftpClientOptions.defaults().withTimeout(openTimeout));
    }

    /**
     * Opens an SFTP client on a new session channel running the "sftp" subsystem, with these options (timeout,
     * pipelining window, reader thread factory, event listener).
     *
     * @param options the client settings
     * @return the client
     * @throws SshException if the channel or the subsystem is refused, the SFTP handshake failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public SftpClient sftp(SftpClientOptions options) throws SshException, InterruptedIOException {
        return SftpSubsystem.start(openSession(), options);
    }

    /** @return true while the connection is up */
    public boolean isOpen() {
        return !driver.isClosed() && !driver.withEngine(ClientEngine::isClosed);
    }

    /** Disconnects (BY_APPLICATION) and joins the connection's threads. Idempotent. */
    @Override
    public void close() {
        driver.run(e -> e.disconnect(DisconnectReason.BY_APPLICATION, "closed by the client"));
        driver.close();
    }
}
