package org.sshstack.sftp;

/** SSH_FX_NO_CONNECTION: there is no connection to the server (filexfer-02 §7). */
public class SftpNoConnectionException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpNoConnectionException(String message, String languageTag) {
        super(SftpStatusCode.NO_CONNECTION.code(), message, languageTag);
    }
}
