package org.sshstack;

/** Malformed or illegal input from a peer or a file: a length past the data, a bad encoding, a cap exceeded. */
public class SshProtocolException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the input */
    public SshProtocolException(String message) {
        super(DisconnectReason.PROTOCOL_ERROR, message);
    }

    /**
     * @param message what was wrong with the input
     * @param cause the underlying failure
     */
    public SshProtocolException(String message, Throwable cause) {
        super(DisconnectReason.PROTOCOL_ERROR, message, cause);
    }
}
