package org.sshstack.sftp;

/** SSH_FX_CONNECTION_LOST: the connection to the server was lost (filexfer-02 §7). */
public class SftpConnectionLostException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpConnectionLostException(String message, String languageTag) {
        super(SftpStatusCode.CONNECTION_LOST.code(), message, languageTag);
    }
}
