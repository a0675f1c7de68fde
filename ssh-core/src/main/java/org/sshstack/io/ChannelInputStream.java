package org.sshstack.io;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A blocking {@link InputStream} over a channel's stdout or stderr; reads obey the {@link ChannelIo}'s timeout
 * ({@link ChannelTimeoutException}). Closing the stream does not close the channel.
 */
public final class ChannelInputStream extends InputStream {

    private final ChannelIo io;
    private final boolean stderr;
    private final byte[] one = new byte[1];

    /**
     * @param io the channel
     * @param stderr true for the extended data stream (stderr), false for ordinary data
     */
    public ChannelInputStream(ChannelIo io, boolean stderr) {
        this.io = Objects.requireNonNull(io, "io");
        this.stderr = stderr;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return io.read(stderr, b, off, len);
    }
}
