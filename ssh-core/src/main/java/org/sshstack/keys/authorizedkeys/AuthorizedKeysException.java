package org.sshstack.keys.authorizedkeys;

import org.sshstack.keys.KeyFileException;

/** A malformed authorized_keys line (OpenSSH rejects the line) or an unreadable file; carries the line number. */
public class AuthorizedKeysException extends KeyFileException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param lineNumber the 1-based line, or 0 when the whole file is at fault
     * @param message what is wrong
     */
    public AuthorizedKeysException(int lineNumber, String message) {
        super(lineNumber > 0 ? "authorized_keys line " + lineNumber + ": " + message : "authorized_keys: " + message);
        this.lineNumber = lineNumber;
    }

    /** @return the 1-based line number, or 0 when the whole file is at fault */
    public int lineNumber() {
        return lineNumber;
    }
}
