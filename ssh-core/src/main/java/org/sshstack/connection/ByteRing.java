package org.sshstack.connection;

/**
 * A bounded byte FIFO whose storage grows on demand (doubling) up to a fixed capacity; not thread-safe.
 *
 * <p>Idle channels hold no buffer memory; a busy one holds at most its capacity (DESIGN.md §3: bounded buffers).
 */
final class ByteRing {

    private static final int FIRST_ALLOCATION = 4096;
    private static final byte[] EMPTY = new byte[0];

    private final int capacity;
    private byte[] buffer = EMPTY;
    private int head;
    private int size;

    /** @param capacity the most bytes the ring ever holds */
    ByteRing(int capacity) {
        this.capacity = capacity;
    }

    int size() {
        return size;
    }

    int free() {
        return capacity - size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /**
     * @return how many of the {@code length} bytes were taken (less when the ring is nearly full)
     */
    int write(byte[] source, int offset, int length) {
        int n = Math.min(length, capacity - size);
        if (n <= 0) {
            return 0;
        }
        ensure(size + n);
        int tail = (head + size) % buffer.length;
        int first = Math.min(n, buffer.length - tail);
        System.arraycopy(source, offset, buffer, tail, first);
        System.arraycopy(source, offset + first, buffer, 0, n - first);
        size += n;
        return n;
    }

    /** @return how many bytes were copied out (0 when empty) */
    int read(byte[] target, int offset, int length) {
        int n = Math.min(length, size);
        if (n <= 0) {
            return 0;
        }
        int first = Math.min(n, buffer.length - head);
        System.arraycopy(buffer, head, target, offset, first);
        System.arraycopy(buffer, 0, target, offset + first, n - first);
        head = (head + n) % buffer.length;
        size -= n;
        if (size == 0) {
            head = 0;
        }
        return n;
    }

    /** Drops everything and releases the storage. */
    void clear() {
        buffer = EMPTY;
        head = 0;
        size = 0;
    }

    private void ensure(int needed) {
        if (needed <= buffer.length) {
            return;
        }
        int length = Math.max(buffer.length, FIRST_ALLOCATION);
        while (length < needed) {
            length = (int) Math.min((long) length * 2, capacity);
        }
        byte[] grown = new byte[Math.min(length, capacity)];
        int oldSize = size;
        read(grown, 0, oldSize);
        buffer = grown;
        head = 0;
        size = oldSize;
    }
}
