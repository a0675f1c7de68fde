package org.sshstack.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.ProtocolEngine;

/**
 * A fake engine for driver tests: answers each received line "x" with "echo:x", "FAIL" with "BYE" and an
 * exception, "CLOSE" with "BYE" and closing; {@link #onTimer} queues "tick:now". Not thread-safe, like a real one.
 */
final class LineEngine implements ProtocolEngine {

    private final StringBuilder partial = new StringBuilder();
    private final ByteArrayOutputStream queued = new ByteArrayOutputStream();
    private byte[] pending = new byte[0];
    private int pendingOffset;
    final List<Long> timerCalls = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    long deadline = Long.MAX_VALUE;
    boolean closed;
    boolean sawEnd;
    boolean holding;
    boolean keepDue;
    int capacity = Integer.MAX_VALUE;

    LineEngine(String greeting) {
        if (greeting != null) {
            queue(greeting + "\n");
        }
    }

    @Override
    public void receive(byte[] data, int offset, int length) throws SshException {
        partial.append(new String(data, offset, length, StandardCharsets.UTF_8));
        int nl;
        while ((nl = partial.indexOf("\n")) >= 0) {
            String line = partial.substring(0, nl);
            partial.delete(0, nl + 1);
            lines.add(line);
            if (line.equals("FAIL")) {
                queue("BYE\n");
                closed = true;
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "FAIL received");
            } else if (line.equals("CLOSE")) {
                queue("BYE\n");
                closed = true;
            } else {
                queue("echo:" + line + "\n");
            }
        }
    }

    @Override
    public void receiveEnd() {
        sawEnd = true;
        closed = true;
    }

    /** Queues a line unless held back or over capacity, like a bounded engine queue. */
    boolean offer(String line) {
        if (holding || pendingOutbound() + line.length() + 1 > capacity) {
            return false;
        }
        queue(line + "\n");
        return true;
    }

    void queue(String s) {
        queued.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int pendingOutbound() {
        return pending.length - pendingOffset + queued.size();
    }

    @Override
    public int drainOutbound(byte[] target, int offset, int length) {
        if (pendingOffset == pending.length) {
            pending = queued.toByteArray();
            pendingOffset = 0;
            queued.reset();
        }
        int n = Math.min(length, pending.length - pendingOffset);
        System.arraycopy(pending, pendingOffset, target, offset, n);
        pendingOffset += n;
        return n;
    }

    @Override
    public long nextDeadlineNanos() {
        return deadline;
    }

    @Override
    public void onTimer(long nowNanos) throws SshException {
        timerCalls.add(nowNanos);
        if (!keepDue && nowNanos - deadline >= 0) {
            queue("tick:" + nowNanos + "\n");
            deadline = Long.MAX_VALUE;
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }
}
