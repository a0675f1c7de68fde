package org.sshstack.keys;

/** A well-formed key file in a format, key type, cipher or KDF that sshstack does not support. */
public class UnsupportedKeyException extends KeyFileException {

    private static final long serialVersionUID = 1L;

    /** @param message what is not supported */
    public UnsupportedKeyException(String message) {
        super(message);
    }
}
