package org.sshstack.transport;

import java.util.ArrayDeque;

/**
 * Payloads held back while a key exchange runs (RFC 4253 §7.1: after KEXINIT only transport and kex messages may be
 * sent until NEWKEYS), bounded in bytes so that a peer that never finishes the exchange cannot grow the heap
 * (SECURITY.md B5). Order is kept; nothing is dropped. Not thread-safe.
 */
final class PendingPayloads {

    private final ArrayDeque<byte[]> queue = new ArrayDeque<>();
    private final int maxBytes;
    private long bytes;

    PendingPayloads(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** @return false (and keeps nothing) when the payload does not fit */
    boolean offer(byte[] payload) {
        if (bytes + payload.length > maxBytes && !queue.isEmpty()) {
            return false;
        }
        if (payload.length > maxBytes) {
            return false;
        }
        queue.addLast(payload);
        bytes += payload.length;
        return true;
    }

    /** @return the oldest payload, or null */
    byte[] poll() {
        byte[] payload = queue.pollFirst();
        if (payload != null) {
            bytes -= payload.length;
        }
        return payload;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    long bytes() {
        return bytes;
    }

    void clear() {
        queue.clear();
        bytes = 0;
    }
}
