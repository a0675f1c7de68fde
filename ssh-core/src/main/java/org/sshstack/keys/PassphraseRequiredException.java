package org.sshstack.keys;

/** An encrypted key file read without a passphrase. */
public class PassphraseRequiredException extends KeyFileException {

    private static final long serialVersionUID = 1L;

    /** @param message which file or format */
    public PassphraseRequiredException(String message) {
        super(message);
    }
}
