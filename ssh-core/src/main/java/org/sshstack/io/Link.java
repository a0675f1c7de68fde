package org.sshstack.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** The byte pipe under a {@link BlockingDriver}: a socket (with read timeouts) or a pair of streams (without). */
abstract class Link {

    /** What {@link #read} returns when the read timeout elapsed with no data. */
    static final int TIMED_OUT = -2;

    /** @return whether {@link #read} honours a timeout (otherwise timers need their own thread) */
    abstract boolean hasReadTimeout();

    /**
     * @param buffer the destination
     * @param timeoutMillis at least 1; ignored when {@link #hasReadTimeout()} is false
     * @return bytes read, -1 at end of stream, or {@link #TIMED_OUT}
     */
    abstract int read(byte[] buffer, int timeoutMillis) throws IOException;

    /** Writes all bytes and flushes. */
    abstract void write(byte[] data, int offset, int length) throws IOException;

    /** Closes both directions, unblocking a blocked read or write; idempotent, never throws. */
    abstract void shutdown();

    /** A TCP socket; {@code TCP_NODELAY} must have been set before the first byte (DESIGN.md §9). */
    static final class SocketLink extends Link {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        SocketLink(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            this.out = socket.getOutputStream();
        }

        @Override
        boolean hasReadTimeout() {
            return true;
        }

        @Override
        int read(byte[] buffer, int timeoutMillis) throws IOException {
            socket.setSoTimeout(Math.max(1, timeoutMillis));
            try {
                return in.read(buffer);
            } catch (SocketTimeoutException e) {
                return TIMED_OUT;
            }
        }

        @Override
        void write(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
        }

        @Override
        void shutdown() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing is best effort
            }
        }
    }

    /** A pair of streams; closing them must unblock a blocked read (true for socket and process streams). */
    static final class StreamLink extends Link {
        private final InputStream in;
        private final OutputStream out;

        StreamLink(InputStream in, OutputStream out) {
            this.in = in;
            this.out = out;
        }

        @Override
        boolean hasReadTimeout() {
            return false;
        }

        @Override
        int read(byte[] buffer, int timeoutMillis) throws IOException {
            return in.read(buffer);
        }

        @Override
        void write(byte[] data, int offset, int length) throws IOException {
            out.write(data, offset, length);
            out.flush();
        }

        @Override
        void shutdown() {
            closeQuietly(out);
            closeQuietly(in);
        }

        private static void closeQuietly(AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
