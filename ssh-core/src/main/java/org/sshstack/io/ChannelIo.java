package org.sshstack.io;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.OptionalLong;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.session.SessionEngine;

/**
 * Blocking operations on one {@link ConnectionChannel} run by a {@link BlockingDriver}: every channel call happens
 * under the driver's engine lock, and every wait is the driver's condition wait (woken after each engine call and
 * drained write), bounded by the channel's timeout. No busy loops, no sleeps.
 *
 * <p>Thread-safety: any thread may call any method; stdout and stderr may be read by two threads at once.
 */
public final class ChannelIo {

    /** The wait used for "no timeout": long enough to mean forever, short enough not to overflow nanoTime. */
    static final Duration FOREVER = Duration.ofDays(365 * 100L);

    private final BlockingDriver<? extends SessionEngine> driver;
    private final ConnectionChannel channel;
    private final ArrayDeque<Boolean> replies = new ArrayDeque<>(); // guarded by the engine lock
    private volatile Duration timeout = FOREVER;

    /**
     * @param driver the driver running the channel's engine
     * @param channel the channel (opening or open)
     */
    public ChannelIo(BlockingDriver<? extends SessionEngine> driver, ConnectionChannel channel) {
        this.driver = Objects.requireNonNull(driver, "driver");
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    /** @return the channel; touch it only through {@link #driver()}'s engine calls */
    public ConnectionChannel channel() {
        return channel;
    }

    /** @return the driver */
    public BlockingDriver<? extends SessionEngine> driver() {
        return driver;
    }

    /** @param value the bound on each blocking call; null for none */
    public void setTimeout(Duration value) {
        timeout = value == null ? FOREVER : value;
    }

    /** @return the bound on each blocking call ({@link #FOREVER}-like when none) */
    public Duration timeout() {
        return timeout;
    }

    /**
     * @param stderr which stream
     * @return bytes buffered there, readable without blocking
     */
    public int available(boolean stderr) {
        return driver.withEngine(e -> stderr ? channel.availableStderr() : channel.available());
    }

    /** @return true once the channel is closed or refused, or the connection ended */
    public boolean isClosed() {
        return driver.withEngine(e -> e.isClosed() || channel.state() == ConnectionChannel.State.CLOSED
                || channel.state() == ConnectionChannel.State.REFUSED);
    }

    /** Records a reply to one of our want-reply requests; called under the engine lock. */
    void replyReceived(boolean success) {
        replies.add(success);
    }

    /**
     * Waits until the peer confirmed or refused the open.
     *
     * @throws SshException if refused, the connection ended, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public void awaitOpen() throws SshException, InterruptedIOException {
        waitFor(e -> channel.state() != ConnectionChannel.State.OPENING, "the channel to open");
        if (driver.withEngine(e -> channel.state()) != ConnectionChannel.State.OPEN) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "the peer refused the channel");
        }
    }

    /**
     * Reads at least one byte of stdout or stderr, blocking until some is there, EOF, or the timeout.
     *
     * @param stderr which stream
     * @param target where to copy
     * @param offset where to start
     * @param length the most bytes to read
     * @return bytes read, or -1 at EOF (also when the connection ended with nothing buffered)
     * @throws SshException on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public int read(boolean stderr, byte[] target, int offset, int length) throws SshException,
            InterruptedIOException {
        Objects.checkFromIndexSize(offset, length, target.length);
        if (length == 0) {
            return 0;
        }
        int[] got = new int[1];
        EngineAction<SessionEngine, Boolean> offer = e -> {
            got[0] = stderr ? channel.readStderr(target, offset, length) : channel.read(target, offset, length);
            return got[0] != 0;
        };
        if (!attempt(offer, "data")) {
            driver.call(offer); // the connection ended: hand out what is still buffered
            return got[0] == 0 ? -1 : got[0];
        }
        return got[0];
    }

    /**
     * Writes all bytes, blocking while the channel's bounded outbound buffer is full (zero window).
     *
     * @param stderr true for extended data (server side stderr)
     * @param data the source
     * @param offset where to start
     * @param length how many bytes
     * @throws SshException if the channel no longer accepts data, on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public void write(boolean stderr, byte[] data, int offset, int length) throws SshException,
            InterruptedIOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        int[] at = {offset};
        int end = offset + length;
        while (at[0] < end) {
            boolean[] refused = new boolean[1];
            attemptOrFail(e -> {
                int n = stderr ? channel.writeStderr(data, at[0], end - at[0]) : channel.write(data, at[0],
                        end - at[0]);
                refused[0] = n < 0;
                at[0] += Math.max(0, n);
                return n != 0;
            }, "window space");
            if (refused[0]) {
                throw new SshException(DisconnectReason.BY_APPLICATION, "the channel is closed for writing");
            }
        }
    }

    /**
     * Sends a channel request; with {@code wantReply}, waits for the peer's answer.
     *
     * @param request the request
     * @param wantReply whether to ask for and await the answer
     * @return true if sent (and, with a reply wanted, accepted)
     * @throws SshException on timeout or a connection failure
     * @throws InterruptedIOException if interrupted
     */
    public boolean request(SessionRequest request, boolean wantReply) throws SshException, InterruptedIOException {
        boolean sent = driver.call(e -> {
            replies.clear();
            return channel.sendRequest(request, wantReply);
        });
        if (!sent || !wantReply) {
            return sent;
        }
        try {
            waitFor(e -> !replies.isEmpty() || channel.state() != ConnectionChannel.State.OPEN, "a reply to "
                    + request.type());
        } catch (ChannelTimeoutException e) {
            throw e;
        } catch (SshException e) {
            // the connection ended: a reply that arrived before the end still counts (RFC 4254 §5.4)
            Boolean early = driver.withEngine(en -> replies.poll());
            if (early == null) {
                throw e;
            }
            return early;
        }
        Boolean reply = driver.withEngine(e -> replies.poll());
        return reply != null && reply;
    }

    /**
     * Waits for the peer's exit-status (or the channel's close).
     *
     * @return the status, or empty if the channel closed without one (exit-signal, or the connection ended)
     * @throws SshException on timeout
     * @throws InterruptedIOException if interrupted
     */
    public OptionalLong awaitExitStatus() throws SshException, InterruptedIOException {
        try {
            waitFor(e -> channel.exitStatus().isPresent() || channel.exitSignal().isPresent()
                    || channel.state() == ConnectionChannel.State.CLOSED, "the exit status");
        } catch (ChannelTimeoutException e) {
            throw e;
        } catch (SshException e) {
            // the connection ended: report what arrived before
        }
        return exitStatusNow();
    }

    /** @return the exit status if it already arrived */
    public OptionalLong exitStatusNow() {
        return driver.withEngine(e -> channel.exitStatus());
    }

    /** @return true once the exit status, an exit signal or the close arrived (or the connection ended) */
    public boolean exitStatusReady() {
        return driver.withEngine(e -> e.isClosed() || channel.exitStatus().isPresent()
                || channel.exitSignal().isPresent() || channel.state() == ConnectionChannel.State.CLOSED);
    }

    /**
     * Sends EOF after the buffered data.
     *
     * @throws SshException if the connection failed
     */
    public void sendEof() throws SshException {
        driver.call(e -> {
            channel.sendEof();
            return null;
        });
    }

    /** Closes the channel gracefully (CLOSE after buffered data); never blocks for the peer. */
    public void close() {
        try {
            driver.call(e -> {
                channel.close();
                return null;
            });
        } catch (SshException e) {
            // the connection is over: the channel is gone with it
        }
    }

    /** Closes the channel now, dropping unsent data. */
    public void abort() {
        try {
            driver.call(e -> {
                channel.abort();
                return null;
            });
        } catch (SshException e) {
            // the connection is over: the channel is gone with it
        }
    }

    /**
     * Offers an action until it succeeds.
     *
     * @param action returns true when done
     * @param what what is awaited, for messages
     * @return true when done, false when the connection ended first
     * @throws ChannelTimeoutException on timeout
     * @throws SshException if the action failed
     * @throws InterruptedIOException if interrupted
     */
    public boolean attempt(EngineAction<SessionEngine, Boolean> action, String what) throws SshException,
            InterruptedIOException {
        Duration bound = timeout;
        try {
            if (!driver.send(action, bound)) {
                throw new ChannelTimeoutException("timed out after " + bound + " waiting for " + what);
            }
            return true;
        } catch (ChannelTimeoutException e) {
            throw e;
        } catch (SshException e) {
            return false; // the connection ended or failed: the driver's failure() tells why
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted waiting for " + what);
        }
    }

    private void attemptOrFail(EngineAction<SessionEngine, Boolean> action, String what) throws SshException,
            InterruptedIOException {
        if (!attempt(action, what)) {
            throw closed();
        }
    }

    private void waitFor(EngineAction<SessionEngine, Boolean> condition, String what) throws SshException,
            InterruptedIOException {
        attemptOrFail(condition, what);
    }

    private SshException closed() {
        return new SshException(DisconnectReason.CONNECTION_LOST, "the connection is closed",
                driver.failure().orElse(null));
    }
}
