package org.sshstack.crypto.cipher;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** An incoming packet failed MAC or AEAD tag verification (RFC 4253 §11.1: SSH_DISCONNECT_MAC_ERROR). */
public class MacMismatchException extends SshException {

    private static final long serialVersionUID = 1L;

    /** @param message what failed (algorithm and sequence number; never key material) */
    public MacMismatchException(String message) {
        super(DisconnectReason.MAC_ERROR, message);
    }
}
