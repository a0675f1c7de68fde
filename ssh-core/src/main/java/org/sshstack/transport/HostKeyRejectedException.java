package org.sshstack.transport;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A client refused the server's host key; the connection ends with HOST_KEY_NOT_VERIFIABLE (RFC 4253 §11.1). */
public class HostKeyRejectedException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message why the key was refused, with fingerprints and known_hosts lines where known */
    public HostKeyRejectedException(String message) {
        super(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, message);
    }

    /**
     * @param message why the key was refused
     * @param cause the underlying failure (e.g. a certificate check)
     */
    public HostKeyRejectedException(String message, Throwable cause) {
        super(DisconnectReason.HOST_KEY_NOT_VERIFIABLE, message, cause);
    }
}
