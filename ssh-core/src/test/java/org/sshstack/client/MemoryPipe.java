package org.sshstack.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Test support: a bounded in-memory byte pipe (a ring buffer) with a sink and a source, usable from any threads
 * (unlike java.io's piped streams, which break when a writing thread ends). Closing either end ends both: the
 * reader sees end of stream once the buffer is drained, a writer gets an IOException. Every wait is bounded.
 */
final class MemoryPipe {

    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final byte[] ring;
    private int head;
    private int count;
    private boolean closed;

    /** @param capacity the buffer size in bytes */
    MemoryPipe(int capacity) {
        ring = new byte[capacity];
    }

    /** @return the writing end */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] data, int offset, int length) throws IOException {
                put(data, offset, length);
            }

            @Override
            public void close() {
                shut();
            }
        };
    }

    /** @return the reading end */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return take(buffer, offset, length);
            }

            @Override
            public int available() {
                lock.lock();
                try {
                    return count;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void close() {
                shut();
            }
        };
    }

    private void put(byte[] data, int offset, int length) throws IOException {
        lock.lock();
        try {
            for (int done = 0; done < length; ) {
                while (count == ring.length && !closed) {
                    await();
                }
                if (closed) {
                    throw new IOException("pipe closed");
                }
                int tail = (head + count) % ring.length;
                int n = Math.min(length - done, Math.min(ring.length - count, ring.length - tail));
                System.arraycopy(data, offset + done, ring, tail, n);
                count += n;
                done += n;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private int take(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        lock.lock();
        try {
            while (count == 0 && !closed) {
                await();
            }
            if (count == 0) {
                return -1;
            }
            int n = Math.min(length, Math.min(count, ring.length - head));
            System.arraycopy(ring, head, buffer, offset, n);
            head = (head + n) % ring.length;
            count -= n;
            changed.signalAll();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void await() throws InterruptedIOException {
        try {
            if (changed.awaitNanos(WAIT_NANOS) <= 0) {
                throw new InterruptedIOException("memory pipe: no progress in 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
    }

    private void shut() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
