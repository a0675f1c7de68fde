package org.sshstack.client;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A one-call exec produced more output than the client's limit; the channel was closed, the connection stays. */
public final class ExecOutputTooLargeException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param limit the limit in bytes (stdout plus stderr) */
    public ExecOutputTooLargeException(long limit) {
        super(DisconnectReason.BY_APPLICATION, "command output exceeded " + limit + " bytes");
    }
}
