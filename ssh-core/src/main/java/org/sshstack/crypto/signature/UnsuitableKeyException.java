package org.sshstack.crypto.signature;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A key that does not fit a signature algorithm: wrong type or curve, or an RSA modulus outside the accepted range. */
public class UnsuitableKeyException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong with the key (never key material) */
    public UnsuitableKeyException(String message) {
        super(DisconnectReason.PROTOCOL_ERROR, message);
    }

    /**
     * @param message what is wrong with the key (never key material)
     * @param cause the underlying failure
     */
    public UnsuitableKeyException(String message, Throwable cause) {
        super(DisconnectReason.PROTOCOL_ERROR, message, cause);
    }
}
