package org.sshstack.keys;

/** An encrypted key file whose passphrase is wrong (the decrypted check bytes or MAC did not match). */
public class WrongPassphraseException extends KeyFileException {

    private static final long serialVersionUID = 1L;

    /** @param message which file or format, never the passphrase */
    public WrongPassphraseException(String message) {
        super(message);
    }
}
