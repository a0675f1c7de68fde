package org.sshstack.crypto.kex;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A key exchange that cannot go on: a bad peer value, a wrong length or a degenerate shared secret. */
public class KeyExchangeException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what was wrong with the peer's value (never secret material) */
    public KeyExchangeException(String message) {
        super(DisconnectReason.KEY_EXCHANGE_FAILED, message);
    }

    /**
     * @param message what was wrong with the peer's value (never secret material)
     * @param cause the underlying failure
     */
    public KeyExchangeException(String message, Throwable cause) {
        super(DisconnectReason.KEY_EXCHANGE_FAILED, message, cause);
    }
}
