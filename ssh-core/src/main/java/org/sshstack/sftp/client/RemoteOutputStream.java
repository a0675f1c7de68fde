package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;
import org.sshstack.sftp.SftpHandle;

/**
 * A remote file as an {@link OutputStream}, with pipelined write-behind: small writes are gathered into one
 * chunk, large ones go out directly. {@link #flush()} waits for every outstanding WRITE; closing it flushes and
 * closes the handle.
 */
final class RemoteOutputStream extends OutputStream {

    private final SftpClient client;
    private final PipelinedWriter writer;
    private final SftpHandle handle;
    private final byte[] buffer;
    private int buffered;
    private boolean closed;

    RemoteOutputStream(SftpClient client, PipelinedWriter writer, SftpHandle handle, int chunk) {
        this.client = client;
        this.writer = writer;
        this.handle = handle;
        this.buffer = new byte[chunk];
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            throw new IOException("stream closed");
        }
        if (buffered == 0 && length >= buffer.length) {
            writer.write(data, offset, length);
            return;
        }
        int done = 0;
        while (done < length) {
            int n = Math.min(buffer.length - buffered, length - done);
            System.arraycopy(data, offset + done, buffer, buffered, n);
            buffered += n;
            done += n;
            if (buffered == buffer.length) {
                drain();
            }
        }
    }

    private void drain() throws IOException {
        if (buffered > 0) {
            writer.write(buffer, 0, buffered); // the packet copies the bytes, so the buffer is free again
            buffered = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        writer.flush();
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            flush();
        } finally {
            client.close(handle);
        }
    }
}
