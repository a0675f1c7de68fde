package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.sshstack.sftp.SftpHandle;

/** A remote file as an {@link InputStream}, with pipelined read-ahead. Closing it closes the handle. */
final class RemoteInputStream extends InputStream {

    private final SftpClient client;
    private final PipelinedReader reader;
    private final SftpHandle handle;
    private boolean closed;

    RemoteInputStream(SftpClient client, PipelinedReader reader, SftpHandle handle) {
        this.client = client;
        this.reader = reader;
        this.handle = handle;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        return length == 0 ? 0 : reader.read(buffer, offset, length);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            client.close(handle);
        }
    }
}
