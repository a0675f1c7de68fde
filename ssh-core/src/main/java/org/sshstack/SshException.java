package org.sshstack;

import java.io.IOException;

/** The root of every checked failure sshstack reports; carries the disconnect reason it maps to. */
public class SshException extends IOException {

    private static final long serialVersionUID = 1L;

    private final DisconnectReason reason;

    /**
     * @param reason the disconnect reason this failure maps to
     * @param message what happened and, where it helps, what to do
     */
    public SshException(DisconnectReason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * @param reason the disconnect reason this failure maps to
     * @param message what happened and, where it helps, what to do
     * @param cause the underlying failure
     */
    public SshException(DisconnectReason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** @return the disconnect reason this failure maps to */
    public DisconnectReason reason() {
        return reason;
    }
}
