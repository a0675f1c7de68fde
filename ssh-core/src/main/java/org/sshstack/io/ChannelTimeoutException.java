package org.sshstack.io;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * A blocking channel operation (read, write, exit-status wait, exec) did not complete within its timeout. The
 * connection itself stays up; the channel may still be used or closed.
 */
public final class ChannelTimeoutException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what timed out, and after how long */
    public ChannelTimeoutException(String message) {
        super(DisconnectReason.BY_APPLICATION, message);
    }
}
