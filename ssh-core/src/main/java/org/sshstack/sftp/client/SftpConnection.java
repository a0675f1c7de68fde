package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntFunction;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.sftp.SftpConnectionLostException;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpFramer;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpNoConnectionException;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpResponseDecoder;

/**
 * The request/reply core of the client: numbers requests, writes them under a lock, and matches replies by id on
 * one reader thread, in whatever order they come. A semaphore bounds the requests outstanding, so memory stays
 * bounded however fast callers send. Thread-safe.
 */
final class SftpConnection {

    /** DATA's fixed part: type byte, request id, data length. */
    private static final int DATA_HEAD = 9;

    private final InputStream in;
    private final OutputStream out;
    private final SftpClientOptions options;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Semaphore permits;
    private final Map<Integer, CompletableFuture<SftpResponse>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<SftpHello> hello = new CompletableFuture<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile SshException failure;

    SftpConnection(InputStream in, OutputStream out, SftpClientOptions options) {
        this.in = in;
        this.out = out;
        this.options = options;
        this.permits = new Semaphore(options.maxInFlight());
    }

    /**
     * Sends INIT, starts the reader thread and waits for VERSION (filexfer-02 §4).
     *
     * @return the server's VERSION
     */
    SftpHello start() throws SshException, InterruptedIOException {
        write(SftpHello.init().encode());
        options.threadFactory().newThread(this::readLoop).start();
        SftpHello version = awaitFuture(hello);
        if (version.version() != SftpHello.VERSION_3) {
            throw new SshProtocolException("server speaks SFTP version " + version.version() + ", not 3");
        }
        return version;
    }

    /**
     * @param chunk the READ or WRITE length of a transfer
     * @return the most of its requests outstanding at once: {@code maxInFlight}, fewer for chunks above
     *     {@link SftpClientOptions#PORTABLE_CHUNK} so the bytes in flight (and the DATA replies held) stay within
     *     {@code maxInFlight × PORTABLE_CHUNK}
     */
    int window(int chunk) {
        long budget = (long) options.maxInFlight() * SftpClientOptions.PORTABLE_CHUNK;
        return (int) Math.min(options.maxInFlight(), Math.max(1, budget / Math.max(1, chunk)));
    }

    /**
     * Sends one request, waiting (bounded) for a free slot.
     *
     * @param packet builds the packet for the request id it is given
     * @return completes with the reply
     */
    CompletableFuture<SftpResponse> send(IntFunction<byte[]> packet) throws SshException, InterruptedIOException {
        checkUsable();
        acquirePermit();
        int id = ids.getAndIncrement();
        CompletableFuture<SftpResponse> reply = new CompletableFuture<>();
        pending.put(id, reply);
        SshException failed = failure;
        if (failed != null) {
            release(id);
            throw lost(failed);
        }
        try {
            byte[] bytes = packet.apply(id);
            write(bytes);
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            release(id); // not sent (or the connection failed): the slot must not stay taken
            throw e;
        }
        return reply;
    }

    /** Sends one request and waits for its reply. */
    SftpResponse call(IntFunction<byte[]> packet) throws SshException, InterruptedIOException {
        return await(send(packet));
    }

    /** Waits, bounded by the timeout, for a reply. */
    SftpResponse await(CompletableFuture<SftpResponse> reply) throws SshException, InterruptedIOException {
        return awaitFuture(reply);
    }

    private <T> T awaitFuture(CompletableFuture<T> future) throws SshException, InterruptedIOException {
        try {
            return future.get(options.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            throw new ChannelTimeoutException("no SFTP reply within " + options.timeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an SFTP reply");
        } catch (ExecutionException e) {
            throw lost(e.getCause() instanceof SshException s ? s : new SshProtocolException("SFTP failure", e));
        }
    }

    private void acquirePermit() throws SshException, InterruptedIOException {
        try {
            if (!permits.tryAcquire(options.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChannelTimeoutException("no free SFTP request slot within " + options.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an SFTP request slot");
        }
    }

    private void write(byte[] packet) throws SshException, InterruptedIOException {
        try {
            if (!writeLock.tryLock(options.timeout().toNanos(), TimeUnit.NANOSECONDS)) {
                throw new ChannelTimeoutException("SFTP writer busy for " + options.timeout());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting to write an SFTP request");
        }
        try {
            out.write(packet);
            out.flush();
        } catch (SshException e) {
            fail(e);
            throw e;
        } catch (IOException e) {
            if (closed.get()) { // the write raced close(): the caller closed the client, nothing was lost
                throw new SftpNoConnectionException("the SFTP client was closed", "");
            }
            SftpConnectionLostException lost = new SftpConnectionLostException("SFTP write failed: " + e, "");
            fail(lost);
            throw lost;
        } finally {
            writeLock.unlock();
        }
    }

    private void readLoop() {
        try {
            int length = readLength();
            byte[] first = length < 0 ? null : readRest(new byte[length], 0);
            if (first == null || first[0] != SftpPacketType.VERSION) {
                throw new SshProtocolException("the server did not answer INIT with VERSION");
            }
            hello.complete(SftpHello.decode(first));
            for (SftpResponse reply = readReply(); reply != null; reply = readReply()) {
                dispatch(reply);
            }
            fail(new SftpConnectionLostException("the server closed the SFTP stream", ""));
        } catch (SshException e) {
            fail(e);
        } catch (IOException | RuntimeException e) {
            fail(new SftpConnectionLostException("SFTP read failed: " + e, ""));
        }
    }

    /**
     * Reads the next reply. A DATA reply's bytes are read straight into their own array, with no copy out of a
     * packet buffer (DESIGN.md §9); every other reply goes through {@link SftpResponseDecoder}.
     *
     * @return the reply, or null at a clean end of stream
     */
    private SftpResponse readReply() throws IOException {
        int length = readLength();
        if (length < 0) {
            return null;
        }
        byte[] head = readRest(new byte[Math.min(length, DATA_HEAD)], 0);
        // filexfer-02 §7: DATA is byte type, uint32 id, string data; the string must end the packet
        if (head.length == DATA_HEAD && head[0] == SftpPacketType.DATA && uint32(head, 5) == length - DATA_HEAD) {
            return new SftpResponse.Data((int) uint32(head, 1), readRest(new byte[length - DATA_HEAD], 0));
        }
        byte[] body = Arrays.copyOf(head, length);
        return SftpResponseDecoder.decode(readRest(body, head.length));
    }

    /** @return the next packet length (checked against the cap), or -1 at a clean end of stream */
    private int readLength() throws IOException {
        byte[] header = new byte[4];
        int got = readFully(header, 0);
        if (got == 0) {
            return -1;
        }
        if (got < 4) {
            throw new SftpConnectionLostException("SFTP stream ended inside a packet header", "");
        }
        return SftpFramer.checkLength(SftpFramer.readLength(header), options.maxPacket());
    }

    /** Fills {@code buffer} from {@code from} on; the stream must not end first. */
    private byte[] readRest(byte[] buffer, int from) throws IOException {
        if (readFully(buffer, from) < buffer.length - from) {
            throw new SftpConnectionLostException("SFTP stream ended inside a packet", "");
        }
        return buffer;
    }

    private static long uint32(byte[] b, int at) {
        return ((b[at] & 0xffL) << 24) | ((b[at + 1] & 0xffL) << 16) | ((b[at + 2] & 0xffL) << 8) | (b[at + 3] & 0xffL);
    }

    /**
     * Fills {@code buffer} from {@code from} on unless the stream ends. A read timeout of the underlying channel
     * stream only means the session is idle: reading resumes where it stopped, until the client is closed.
     *
     * @return how many bytes were read
     */
    private int readFully(byte[] buffer, int from) throws IOException {
        int filled = 0;
        while (from + filled < buffer.length) {
            int n;
            try {
                n = in.read(buffer, from + filled, buffer.length - from - filled);
            } catch (ChannelTimeoutException idle) {
                if (closed.get()) {
                    throw idle;
                }
                continue;
            }
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return filled;
    }

    private void dispatch(SftpResponse response) throws SshProtocolException {
        CompletableFuture<SftpResponse> reply = pending.remove(response.id());
        if (reply == null) {
            throw new SshProtocolException("SFTP reply to unknown request id " + response.id());
        }
        permits.release();
        reply.complete(response);
    }

    private void release(int id) {
        if (pending.remove(id) != null) {
            permits.release();
        }
    }

    private void fail(SshException cause) {
        if (failure == null) {
            failure = cause;
        }
        hello.completeExceptionally(cause);
        for (Integer id : pending.keySet()) {
            CompletableFuture<SftpResponse> reply = pending.remove(id);
            if (reply != null) {
                permits.release();
                reply.completeExceptionally(cause);
            }
        }
    }

    private void checkUsable() throws SshException {
        if (closed.get()) {
            throw new SftpNoConnectionException("the SFTP client is closed", "");
        }
        SshException failed = failure;
        if (failed != null) {
            throw lost(failed);
        }
    }

    private static SshException lost(SshException cause) {
        SshException copy = cause instanceof SshProtocolException ? new SshProtocolException(cause.getMessage(), cause)
                : cause instanceof SftpException sftp ? SftpException.of(sftp.statusCode(), sftp.serverMessage(), "")
                : new SftpConnectionLostException(cause.getMessage(), "");
        if (copy.getCause() == null) {
            copy.initCause(cause);
        }
        return copy;
    }

    /** Closes both streams (the server sees EOF) and fails what is still pending. Idempotent. */
    void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        fail(new SftpNoConnectionException("the SFTP client was closed", ""));
        closeQuietly(out);
        closeQuietly(in);
    }

    private static void closeQuietly(java.io.Closeable stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // closing: nothing left to report to
        }
    }
}
