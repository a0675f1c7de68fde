package org.sshstack.sftp.client;

import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;

/**
 * Reads a remote file sequentially with many READ requests in flight (read-ahead, as OpenSSH: 64 × 32 KiB, or
 * 8 × 255 KiB where the server's limits@openssh.com allow). Replies are consumed in offset order; a short read
 * re-requests the rest at the head of the queue, so data is never reordered. DATA bytes are handed out without a
 * further copy. Not thread-safe.
 */
final class PipelinedReader {

    /** An outstanding READ. */
    private record Pending(long offset, int length, CompletableFuture<SftpResponse> reply) {
    }

    private final SftpConnection connection;
    private final SftpHandle handle;
    private final int chunk;
    private final int window;
    private final long knownSize;
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private long nextRequest;
    private long position;
    private boolean eof;
    private byte[] current = new byte[0];
    private int used;

    /**
     * @param connection the connection
     * @param handle a file handle open for reading
     * @param offset where to start
     * @param chunk the READ length
     * @param knownSize the file size if known (no requests are sent far past it), else -1
     */
    PipelinedReader(SftpConnection connection, SftpHandle handle, long offset, int chunk, long knownSize) {
        this.connection = connection;
        this.handle = handle;
        this.chunk = chunk;
        this.window = connection.window(chunk);
        this.knownSize = knownSize;
        this.nextRequest = offset;
        this.position = offset;
    }

    /** @return the file offset of the next byte {@link #read} returns */
    long position() {
        return position;
    }

    /**
     * @param buffer the destination
     * @param offset where to store
     * @param length the most bytes
     * @return how many bytes were read, -1 at end of file
     */
    int read(byte[] buffer, int offset, int length) throws SshException, InterruptedIOException {
        while (used == current.length) {
            if (!fill()) {
                return -1;
            }
        }
        int n = Math.min(length, current.length - used);
        System.arraycopy(current, used, buffer, offset, n);
        used += n;
        position += n;
        return n;
    }

    /** @return the next reply's data without copying, or null at end of file (for whole-file transfers) */
    byte[] nextBlock() throws SshException, InterruptedIOException {
        if (used < current.length || fill()) {
            byte[] block = used == 0 ? current : Arrays.copyOfRange(current, used, current.length);
            position += block.length;
            used = current.length;
            return block;
        }
        return null;
    }

    private boolean fill() throws SshException, InterruptedIOException {
        topUp();
        Pending head = queue.poll();
        if (head == null) {
            return false;
        }
        byte[] data = Replies.dataOrEof(connection.await(head.reply()));
        if (data == null) {
            eof = true;
            queue.clear(); // later offsets are past the end too; their replies just free their slots
            return false;
        }
        if (data.length == 0 || data.length > head.length()) {
            throw new SshProtocolException("SFTP DATA of " + data.length + " bytes for a READ of " + head.length());
        }
        if (data.length < head.length()) {
            long rest = head.offset() + data.length;
            queue.addFirst(request(rest, head.length() - data.length)); // filexfer-02 §6.4: short reads happen
        }
        current = data;
        used = 0;
        return true;
    }

    private void topUp() throws SshException, InterruptedIOException {
        while (!eof && queue.size() < window && (knownSize < 0 || nextRequest <= knownSize)) {
            queue.add(request(nextRequest, chunk));
            nextRequest += chunk;
        }
    }

    private Pending request(long at, int length) throws SshException, InterruptedIOException {
        return new Pending(at, length, connection.send(id -> new SftpRequest.Read(id, handle, at, length).encode()));
    }
}
