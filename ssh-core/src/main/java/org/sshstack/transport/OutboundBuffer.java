package org.sshstack.transport;

import java.util.Arrays;

/**
 * A growable FIFO of wire bytes the engine has produced and the driver has not yet drained. One array, compacted
 * or grown on write; no allocation per packet once it has reached its working size. Not thread-safe.
 */
final class OutboundBuffer {

    private byte[] buf = new byte[4096];
    private int start;
    private int end;

    /** @return the bytes waiting */
    int size() {
        return end - start;
    }

    /** Appends bytes. */
    void write(byte[] src, int off, int len) {
        if (buf.length - end < len) {
            int held = end - start;
            if (buf.length - held >= len && held < buf.length / 2) {
                System.arraycopy(buf, start, buf, 0, held);
            } else {
                buf = Arrays.copyOfRange(buf, start, start + Math.max(held + len, 2 * buf.length));
            }
            start = 0;
            end = held;
        }
        System.arraycopy(src, off, buf, end, len);
        end += len;
    }

    /** Moves up to {@code len} bytes to {@code target}; returns how many. */
    int drain(byte[] target, int off, int len) {
        int n = Math.min(len, end - start);
        System.arraycopy(buf, start, target, off, n);
        start += n;
        if (start == end) {
            start = 0;
            end = 0;
        }
        return n;
    }
}
