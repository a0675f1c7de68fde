package org.sshstack.sftp.server;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Path;
import java.util.Iterator;

/** What one SFTP handle stands for: an open file or an open directory listing (filexfer-02 §6.3, §6.7). */
sealed interface OpenHandle extends Closeable {

    /** @return the real path the handle was opened on */
    Path path();

    /**
     * An open file.
     *
     * @param path the real path
     * @param channel the open channel (positioned per request)
     * @param append whether every write goes to the end (SSH_FXF_APPEND)
     * @param readable whether reads are allowed
     * @param writable whether writes are allowed
     */
    record File(Path path, SeekableByteChannel channel, boolean append, boolean readable, boolean writable)
            implements OpenHandle {

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }

    /**
     * An open directory.
     *
     * @param path the real path
     * @param stream the open stream
     * @param entries its iterator, consumed batch by batch by READDIR
     */
    record Directory(Path path, DirectoryStream<Path> stream, Iterator<Path> entries) implements OpenHandle {

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
