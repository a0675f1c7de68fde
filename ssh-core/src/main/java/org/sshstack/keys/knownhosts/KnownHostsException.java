package org.sshstack.keys.knownhosts;

import org.sshstack.keys.KeyFileException;

/** A malformed known_hosts line or an unreadable known_hosts file; carries the 1-based line number (0 for the file). */
public class KnownHostsException extends KeyFileException {

    private static final long serialVersionUID = 1L;

    private final int lineNumber;

    /**
     * @param lineNumber the 1-based line, or 0 when the whole file is at fault
     * @param message what is wrong
     */
    public KnownHostsException(int lineNumber, String message) {
        super(lineNumber > 0 ? "known_hosts line " + lineNumber + ": " + message : "known_hosts: " + message);
        this.lineNumber = lineNumber;
    }

    /** @return the 1-based line number, or 0 when the whole file is at fault */
    public int lineNumber() {
        return lineNumber;
    }
}
