package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpResponse;

/**
 * An open remote directory read batch by batch with READDIR (filexfer-02 §6.7); "." and ".." are skipped. The
 * names come from the server and are not checked: see {@link SafeLocalNames} before using one locally. Close it
 * to release the handle. Not thread-safe.
 */
public final class DirectoryListing implements Iterator<SftpResponse.NameEntry>, AutoCloseable {

    /** The most READDIR replies in a row that hold only "." and "..": an honest server needs at most two. */
    static final int MAX_EMPTY_BATCHES = 8;

    private final SftpClient client;
    private final SftpHandle handle;
    private final ArrayDeque<SftpResponse.NameEntry> batch = new ArrayDeque<>();
    private boolean end;
    private boolean closed;

    DirectoryListing(SftpClient client, SftpHandle handle) {
        this.client = client;
        this.handle = handle;
    }

    /**
     * @return true while entries remain
     * @throws UncheckedIOException wrapping the {@link SshException} or {@link InterruptedIOException} of a READDIR
     */
    @Override
    public boolean hasNext() {
        try {
            int emptyBatches = 0;
            while (batch.isEmpty() && !end && !closed) {
                var names = client.readdir(handle);
                end = names.isEmpty();
                names.stream().filter(n -> !n.filename().equals(".") && !n.filename().equals(".."))
                        .forEach(batch::add);
                if (!end && batch.isEmpty() && ++emptyBatches > MAX_EMPTY_BATCHES) {
                    // a server that sends only dot entries and never EOF would keep this loop going forever
                    throw new SshProtocolException("SFTP server sends only . and .. without end of directory");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return !batch.isEmpty();
    }

    /** @return the next entry */
    @Override
    public SftpResponse.NameEntry next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more directory entries");
        }
        return batch.poll();
    }

    /** Closes the directory handle. Idempotent; a failure to close is ignored. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            client.close(handle);
        } catch (IOException e) {
            // the handle is gone with the connection or was already released
        }
    }

    /** @return the checked exception inside an iteration failure */
    static SshException unwrap(UncheckedIOException e) throws InterruptedIOException {
        if (e.getCause() instanceof InterruptedIOException i) {
            throw i;
        }
        if (e.getCause() instanceof SshException s) {
            return s;
        }
        return new org.sshstack.sftp.SftpConnectionLostException(e.getMessage(), "");
    }
}
