package org.sshstack.client;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.connection.TerminalModes;
import org.sshstack.io.ChannelInputStream;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelOutputStream;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.session.ServerEngine;

/**
 * A blocking session channel (paramiko's {@code Channel}): requests (exec, shell, pty...), stdout and stderr read
 * independently, writes that block on a zero window with bounded memory, and the exit status. Every blocking call
 * obeys {@link #setTimeout(Duration)} and throws {@link org.sshstack.io.ChannelTimeoutException} when it elapses
 * (the channel stays usable). Thread-safe; one reader per stream at a time.
 *
 * <p>Requests that want a reply (exec, shell, subsystem, pty, env) may come from several threads at once: they go
 * out one at a time, in the order the threads asked (a fair lock), each after the reply to the one before (RFC 4254
 * §5.4: replies come in request order), so every caller gets the answer to its own request. Waiting for a turn
 * counts against the timeout. Requests without a reply (window-change, signal) never wait.
 */
public final class Channel implements AutoCloseable {

    private final ChannelIo io;
    private final InputStream stdout;
    private final InputStream stderr;
    private final OutputStream stdin;
    private final ReentrantLock replyTurn = new ReentrantLock(true);

    Channel(ChannelIo io) {
        this.io = io;
        this.stdout = new ChannelInputStream(io, false);
        this.stderr = new ChannelInputStream(io, true);
        this.stdin = new ChannelOutputStream(io, false);
    }

    /** @param timeout the bound on each blocking call; null for none (the default) */
    public void setTimeout(Duration timeout) {
        io.setTimeout(timeout);
    }

    /** @return the bound on each blocking call, null for none */
    public Duration getTimeout() {
        Duration t = io.timeout();
        return t.compareTo(Duration.ofDays(365L * 50)) > 0 ? null : t;
    }

    /** @return our channel number */
    public int getId() {
        return io.driver().withEngine(e -> io.channel().localId());
    }

    /** @return true if stdout data can be read without blocking */
    public boolean recvReady() {
        return io.available(false) > 0;
    }

    /** @return true if stderr data can be read without blocking */
    public boolean recvStderrReady() {
        return io.available(true) > 0;
    }

    /** @return true once the channel is closed (or the connection ended) */
    public boolean isClosed() {
        return io.isClosed();
    }

    /** @return the remote stdout */
    public InputStream getInputStream() {
        return stdout;
    }

    /** @return the remote stderr, read independently of stdout */
    public InputStream getErrorStream() {
        return stderr;
    }

    /** @return the remote stdin; {@code close()} sends EOF */
    public OutputStream getOutputStream() {
        return stdin;
    }

    /**
     * Runs a command (RFC 4254 §6.5).
     *
     * @param command the command line
     * @throws SshException if the server refuses it, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void execCommand(String command) throws SshException, InterruptedIOException {
        require(new SessionRequest.Exec(command));
    }

    /**
     * Starts the user's shell (RFC 4254 §6.5).
     *
     * @throws SshException if the server refuses it, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void invokeShell() throws SshException, InterruptedIOException {
        require(new SessionRequest.Shell());
    }

    /**
     * Starts a subsystem such as "sftp" (RFC 4254 §6.5).
     *
     * @param name the subsystem name
     * @throws SshException if the server refuses it, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void invokeSubsystem(String name) throws SshException, InterruptedIOException {
        require(new SessionRequest.Subsystem(name));
    }

    /**
     * Requests a pseudo-terminal (RFC 4254 §6.2) with no special terminal modes.
     *
     * @param term the TERM value, e.g. "xterm"
     * @param columns width in characters
     * @param rows height in rows
     * @throws SshException if the server refuses it, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void getPty(String term, int columns, int rows) throws SshException, InterruptedIOException {
        require(new SessionRequest.PtyRequest(term, columns, rows, 0, 0, TerminalModes.none()));
    }

    /**
     * Tells the server the terminal's new size (RFC 4254 §6.7; no reply).
     *
     * @param columns width in characters
     * @param rows height in rows
     * @throws SshException if the connection failed
     * @throws InterruptedIOException if interrupted
     */
    public void resizePty(int columns, int rows) throws SshException, InterruptedIOException {
        tell(new SessionRequest.WindowChange(columns, rows, 0, 0));
    }

    /**
     * Sets an environment variable for the command to come (RFC 4254 §6.4); servers often refuse most names.
     *
     * @param name the name
     * @param value the value
     * @return true if the server accepted it
     * @throws SshException on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public boolean setEnvironmentVariable(String name, String value) throws SshException, InterruptedIOException {
        return ask(new SessionRequest.Env(name, value));
    }

    /**
     * Sends a signal to the remote process (RFC 4254 §6.9; no reply).
     *
     * @param signalName the name without "SIG", e.g. "TERM"
     * @throws SshException if the connection failed
     * @throws InterruptedIOException if interrupted
     */
    public void sendSignal(String signalName) throws SshException, InterruptedIOException {
        tell(new SessionRequest.Signal(signalName));
    }

    /**
     * @param data bytes for the remote stdin
     * @return how many were sent (all of them: this blocks until the channel took them)
     * @throws SshException if the channel is closed for writing, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public int send(byte[] data) throws SshException, InterruptedIOException {
        io.write(false, data, 0, data.length);
        return data.length;
    }

    /**
     * @param data bytes for the remote stdin, all sent before returning
     * @throws SshException if the channel is closed for writing, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void sendall(byte[] data) throws SshException, InterruptedIOException {
        io.write(false, data, 0, data.length);
    }

    /**
     * @param max the most bytes to return
     * @return up to {@code max} bytes of stdout; empty at EOF
     * @throws SshException on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public byte[] recv(int max) throws SshException, InterruptedIOException {
        return receive(false, max);
    }

    /**
     * @param max the most bytes to return
     * @return up to {@code max} bytes of stderr; empty at EOF
     * @throws SshException on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public byte[] recvStderr(int max) throws SshException, InterruptedIOException {
        return receive(true, max);
    }

    private byte[] receive(boolean fromStderr, int max) throws SshException, InterruptedIOException {
        byte[] buffer = new byte[Math.max(0, max)];
        int n = io.read(fromStderr, buffer, 0, buffer.length);
        return n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
    }

    /**
     * Sends EOF: the remote stdin ends after the data already written.
     *
     * @throws SshException if the connection failed
     */
    public void shutdownWrite() throws SshException {
        io.sendEof();
    }

    /**
     * Waits for the exit status (within the timeout).
     *
     * @return the status, or -1 if the channel closed without one (killed by a signal, or the connection ended)
     * @throws SshException on timeout
     * @throws InterruptedIOException if interrupted
     */
    public int recvExitStatus() throws SshException, InterruptedIOException {
        return (int) io.awaitExitStatus().orElse(-1);
    }

    /** @return true once {@link #recvExitStatus()} would not block */
    public boolean exitStatusReady() {
        return io.exitStatusReady();
    }

    /**
     * Server mode: reports the command's exit status (RFC 4254 §6.10, paramiko's {@code send_exit_status}) after the
     * data written so far has left, waiting for that within the channel's timeout.
     *
     * @param status the exit status
     * @throws IllegalStateException on a channel of a client-mode connection
     * @throws SshException if the connection failed, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void sendExitStatus(int status) throws SshException, InterruptedIOException {
        sendExitStatus(status, io.timeout());
    }

    /** {@link #sendExitStatus(int)} waiting at most {@code bound} for the output to drain. */
    void sendExitStatus(int status, Duration bound) throws SshException, InterruptedIOException {
        if (!(io.driver().engine() instanceof ServerEngine)) {
            throw new IllegalStateException("only a server sends an exit status");
        }
        ConnectionChannel raw = io.channel();
        Duration previous = io.timeout();
        io.setTimeout(bound);
        try {
            io.attempt(e -> raw.outboundPending() == 0 || raw.state() != ConnectionChannel.State.OPEN,
                    "the output to drain"); // RFC 4254 §6.10: the status follows the data
        } finally {
            io.setTimeout(previous);
        }
        tell(new SessionRequest.ExitStatus(status & 0xffffffffL));
    }

    /** Closes the channel (CLOSE after what was written); does not wait for the peer. */
    @Override
    public void close() {
        io.close();
    }

    /** @return the underlying blocking operations (for the client's own helpers) */
    ChannelIo io() {
        return io;
    }

    private void require(SessionRequest request) throws SshException, InterruptedIOException {
        if (!ask(request)) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "the server refused " + request.type());
        }
    }

    /** Sends a want-reply request when it is this thread's turn (see the class comment) and returns the answer. */
    private boolean ask(SessionRequest request) throws SshException, InterruptedIOException {
        Duration bound = io.timeout();
        try {
            if (!replyTurn.tryLock(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChannelTimeoutException("timed out after " + bound + " waiting for the reply to an "
                        + "earlier request on this channel");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting to send " + request.type());
        }
        try {
            return io.request(request, true);
        } finally {
            replyTurn.unlock();
        }
    }

    /** Sends a request without reply at once; it never disturbs a reply another thread awaits. */
    private void tell(SessionRequest request) throws SshException {
        io.driver().call(e -> io.channel().sendRequest(request, false));
    }
}
