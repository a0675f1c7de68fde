package org.sshstack.sftp.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.function.LongSupplier;
import org.sshstack.event.SshEventListener;
import org.sshstack.sftp.SftpFramer;
import org.sshstack.sftp.SymlinkArgumentOrder;

/**
 * Settings of an {@link SftpClient}: the bound of every blocking call, the pipelining window, the reply packet
 * cap, the reply reader's thread factory, the event listener and the clock. Immutable; start from
 * {@link #defaults()}.
 *
 * @param timeout the most time any blocking call waits for its reply
 * @param maxInFlight the most requests outstanding at once (bounds memory; OpenSSH uses 64); transfers in chunks
 *     larger than {@link #PORTABLE_CHUNK} keep fewer, so the bytes in flight stay within
 *     {@code maxInFlight × PORTABLE_CHUNK}
 * @param chunkSize the largest READ/WRITE length: lowered to the server's limits@openssh.com values, or to
 *     {@link #PORTABLE_CHUNK} when the server announces none
 * @param maxPacket the largest reply packet accepted
 * @param threadFactory makes the one reply reader thread
 * @param listener receives an {@link org.sshstack.event.SftpOperationCompleted} per operation
 * @param nanoTime the clock that times operations
 * @param symlinkOrder the order of SYMLINK's paths ({@code ClientSession.sftp} sets it from the server's version)
 */
public record SftpClientOptions(Duration timeout, int maxInFlight, int chunkSize, int maxPacket,
        ThreadFactory threadFactory, SshEventListener listener, LongSupplier nanoTime,
        SymlinkArgumentOrder symlinkOrder) {

    /** Default bound of every blocking call: 30 s. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default requests in flight: 64, as OpenSSH. */
    public static final int DEFAULT_IN_FLIGHT = 64;
    /**
     * The READ/WRITE length every server takes (filexfer-02 §3: servers must accept 34000-byte packets): the most
     * used with a server that announces no limits@openssh.com, as OpenSSH's sftp does.
     */
    public static final int PORTABLE_CHUNK = 32 * 1024;
    /**
     * Default READ/WRITE length: 255 KiB, lowered to the server's limits (OpenSSH's sftp-server allows exactly this),
     * else to {@link #PORTABLE_CHUNK}. Eight times fewer requests than 32 KiB ones move the same bytes, with the same
     * bytes in flight.
     */
    public static final int DEFAULT_CHUNK = 255 * 1024;

    /** Checks the values. */
    public SftpClientOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(threadFactory, "threadFactory");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(nanoTime, "nanoTime");
        Objects.requireNonNull(symlinkOrder, "symlinkOrder");
        if (timeout.isNegative() || timeout.isZero() || maxInFlight < 1 || chunkSize < 1
                || chunkSize > maxPacket - 1024) {
            throw new IllegalArgumentException("invalid SFTP client options");
        }
    }

    /**
     * @return 30 s timeout, 255 KiB chunks (8 in flight) where the server's limits allow, else 64 × 32 KiB in
     *     flight, the codec's packet cap, daemon threads, no listener, OpenSSH's SYMLINK order
     */
    public static SftpClientOptions defaults() {
        return new SftpClientOptions(DEFAULT_TIMEOUT, DEFAULT_IN_FLIGHT, DEFAULT_CHUNK,
                SftpFramer.DEFAULT_MAX_PACKET, SftpClientOptions::daemon, SshEventListener.NONE, System::nanoTime,
                SymlinkArgumentOrder.OPENSSH);
    }

    private static Thread daemon(Runnable task) {
        Thread t = new Thread(task, "sshstack-sftp-reader");
        t.setDaemon(true);
        return t;
    }

    /** @return a copy with this timeout */
    public SftpClientOptions withTimeout(Duration value) {
        return new SftpClientOptions(value, maxInFlight, chunkSize, maxPacket, threadFactory, listener, nanoTime,
                symlinkOrder);
    }

    /** @return a copy with this many requests in flight */
    public SftpClientOptions withMaxInFlight(int value) {
        return new SftpClientOptions(timeout, value, chunkSize, maxPacket, threadFactory, listener, nanoTime,
                symlinkOrder);
    }

    /** @return a copy with this READ/WRITE length */
    public SftpClientOptions withChunkSize(int value) {
        return new SftpClientOptions(timeout, maxInFlight, value, maxPacket, threadFactory, listener, nanoTime,
                symlinkOrder);
    }

    /** @return a copy with this thread factory for the reply reader */
    public SftpClientOptions withThreadFactory(ThreadFactory value) {
        return new SftpClientOptions(timeout, maxInFlight, chunkSize, maxPacket, value, listener, nanoTime,
                symlinkOrder);
    }

    /** @return a copy with this event listener */
    public SftpClientOptions withListener(SshEventListener value) {
        return new SftpClientOptions(timeout, maxInFlight, chunkSize, maxPacket, threadFactory, value, nanoTime,
                symlinkOrder);
    }

    /** @return a copy with this nanosecond clock */
    public SftpClientOptions withNanoTime(LongSupplier value) {
        return new SftpClientOptions(timeout, maxInFlight, chunkSize, maxPacket, threadFactory, listener, value,
                symlinkOrder);
    }

    /** @return a copy with this SYMLINK path order */
    public SftpClientOptions withSymlinkOrder(SymlinkArgumentOrder value) {
        return new SftpClientOptions(timeout, maxInFlight, chunkSize, maxPacket, threadFactory, listener, nanoTime,
                value);
    }
}
