package org.sshstack;

/**
 * An authentication attempt failed: the server refused the credential (RFC 4252 §5.1 SSH_MSG_USERAUTH_FAILURE), or
 * the attempt was abandoned (a password change given up, a keyboard-interactive handler that declined).
 *
 * <p>The connection stays usable: the caller may try another method. The message never holds a password or key.
 */
public class AuthenticationException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed and, where it helps, what to try next */
    public AuthenticationException(String message) {
        super(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE, message);
    }

    /**
     * @param reason the disconnect reason this failure maps to, should the caller give up
     * @param message what failed and, where it helps, what to try next
     */
    public AuthenticationException(DisconnectReason reason, String message) {
        super(reason, message);
    }

    /**
     * @param message what failed
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE, message, cause);
    }
}
