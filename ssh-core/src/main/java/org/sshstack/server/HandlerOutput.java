package org.sshstack.server;

import java.io.IOException;
import java.io.OutputStream;
import org.sshstack.io.ChannelIo;
import org.sshstack.io.ChannelOutputStream;
import org.sshstack.io.ChannelTimeoutException;

/**
 * A command handler's stdout or stderr: a channel stream whose writes wait for the client's window at most the
 * server's write timeout (the {@link ChannelIo}'s). When that elapses the client has read nothing for that long: the
 * write throws {@link ChannelTimeoutException} and the channel is closed at once (unsent data dropped), so a client
 * that stops reading cannot hold an executor thread forever.
 */
final class HandlerOutput extends OutputStream {

    private final ChannelIo io;
    private final ChannelOutputStream out;

    /**
     * @param io the channel, with the write timeout set
     * @param stderr true for extended data (stderr)
     */
    HandlerOutput(ChannelIo io, boolean stderr) {
        this.io = io;
        this.out = new ChannelOutputStream(io, stderr);
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        try {
            out.write(b, off, len);
        } catch (ChannelTimeoutException e) {
            io.abort();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
