package org.sshstack.client;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.time.Duration;
import org.sshstack.SshException;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelTimeoutException;

/**
 * Collects stdout and stderr of one command on one thread, whichever arrives first, until both ended, within one
 * overall deadline and a bound on the bytes kept.
 */
final class ExecCollector {

    private final ChannelIo io;
    private final long maxOutput;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final byte[] buffer = new byte[32 * 1024];

    ExecCollector(ChannelIo io, long maxOutput) {
        this.io = io;
        this.maxOutput = maxOutput;
    }

    /** Reads both streams to their end, then waits for the exit status. */
    ExecResult collect(Duration timeout) throws SshException, InterruptedIOException {
        long end = System.nanoTime() + timeout.toNanos();
        boolean[] ended = new boolean[2];
        while (!ended[0] || !ended[1]) {
            io.setTimeout(left(end, timeout));
            boolean progressed = io.attempt(e -> step(ended), "command output");
            if (!progressed) {
                drainAfterEnd(ended); // the connection ended: keep what is still buffered in the channel
                break;
            }
            if (out.size() + (long) err.size() > maxOutput) {
                throw new ExecOutputTooLargeException(maxOutput);
            }
        }
        io.setTimeout(left(end, timeout));
        int status = (int) io.awaitExitStatus().orElse(-1);
        return new ExecResult(out.toByteArray(), err.toByteArray(), status);
    }

    /** After the connection ended, takes every byte still buffered on both streams (bounded by the output cap). */
    private void drainAfterEnd(boolean[] ended) throws SshException {
        while (io.driver().call(e -> step(ended))) {
            if (out.size() + (long) err.size() > maxOutput) {
                throw new ExecOutputTooLargeException(maxOutput);
            }
        }
    }

    /** One engine call: drains whatever is buffered on either stream; true if anything moved. */
    private boolean step(boolean[] ended) throws SshException {
        boolean moved = false;
        for (int s = 0; s < 2; s++) {
            if (ended[s]) {
                continue;
            }
            int n = s == 0 ? io.channel().read(buffer, 0, buffer.length)
                    : io.channel().readStderr(buffer, 0, buffer.length);
            if (n < 0) {
                ended[s] = true;
                moved = true;
            } else if (n > 0) {
                (s == 0 ? out : err).write(buffer, 0, n);
                moved = true;
            }
        }
        return moved;
    }

    private static Duration left(long end, Duration timeout) throws ChannelTimeoutException {
        long nanos = end - System.nanoTime();
        if (nanos <= 0) {
            throw new ChannelTimeoutException("command did not finish within " + timeout);
        }
        return Duration.ofNanos(nanos);
    }
}
