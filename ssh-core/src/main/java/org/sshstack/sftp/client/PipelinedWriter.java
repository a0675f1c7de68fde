package org.sshstack.sftp.client;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import org.sshstack.SshException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;

/**
 * Writes a remote file sequentially with many WRITE requests in flight (write-behind). Each WRITE packet is built
 * straight from the caller's buffer (one copy); statuses are checked as they arrive and all of them by
 * {@link #flush}. Not thread-safe.
 */
final class PipelinedWriter {

    private final SftpConnection connection;
    private final SftpHandle handle;
    private final int chunk;
    private final int window;
    private final ArrayDeque<CompletableFuture<SftpResponse>> queue = new ArrayDeque<>();
    private long position;

    /**
     * @param connection the connection
     * @param handle a file handle open for writing
     * @param offset where the first byte goes
     * @param chunk the largest WRITE length
     */
    PipelinedWriter(SftpConnection connection, SftpHandle handle, long offset, int chunk) {
        this.connection = connection;
        this.handle = handle;
        this.chunk = chunk;
        this.window = connection.window(chunk);
        this.position = offset;
    }

    /** @return the file offset the next byte goes to */
    long position() {
        return position;
    }

    /** Queues WRITE requests for the bytes; waits only when the window is full. */
    void write(byte[] buffer, int offset, int length) throws SshException, InterruptedIOException {
        int done = 0;
        while (done < length) {
            int n = Math.min(chunk, length - done);
            reap();
            if (queue.size() >= window) {
                Replies.ok(connection.await(queue.poll()));
            }
            long at = position;
            int from = offset + done;
            queue.add(connection.send(id -> SftpRequest.Write.encode(id, handle, at, buffer, from, n)));
            position += n;
            done += n;
        }
    }

    /** Waits for every outstanding WRITE and checks its status. */
    void flush() throws SshException, InterruptedIOException {
        while (!queue.isEmpty()) {
            Replies.ok(connection.await(queue.poll()));
        }
    }

    private void reap() throws SshException, InterruptedIOException {
        while (!queue.isEmpty() && queue.peek().isDone()) {
            Replies.ok(connection.await(queue.poll()));
        }
    }
}
