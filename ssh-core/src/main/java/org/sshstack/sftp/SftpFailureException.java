package org.sshstack.sftp;

/** SSH_FX_FAILURE: the operation failed for another reason (filexfer-02 §7). */
public class SftpFailureException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpFailureException(String message, String languageTag) {
        super(SftpStatusCode.FAILURE.code(), message, languageTag);
    }
}
