package org.sshstack.keys;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A key or trust file that is corrupt or cannot be read; the message never contains key material. */
public class KeyFileException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the file */
    public KeyFileException(String message) {
        super(DisconnectReason.BY_APPLICATION, message);
    }

    /**
     * @param message what is wrong with the file
     * @param cause the underlying failure
     */
    public KeyFileException(String message, Throwable cause) {
        super(DisconnectReason.BY_APPLICATION, message, cause);
    }
}
