package org.sshstack.io;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A blocking {@link OutputStream} into a channel (ordinary data, or stderr on the server side): a write blocks while
 * the channel's bounded buffer is full (zero window), within the {@link ChannelIo}'s timeout. Nothing is buffered
 * here, so {@link #flush()} does nothing; {@link #close()} sends EOF for ordinary data (stderr: nothing).
 */
public final class ChannelOutputStream extends OutputStream {

    private final ChannelIo io;
    private final boolean stderr;

    /**
     * @param io the channel
     * @param stderr true to write extended data (stderr), false for ordinary data
     */
    public ChannelOutputStream(ChannelIo io, boolean stderr) {
        this.io = Objects.requireNonNull(io, "io");
        this.stderr = stderr;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        io.write(stderr, b, off, len);
    }

    @Override
    public void close() throws IOException {
        if (!stderr) {
            io.sendEof();
        }
    }
}
