package org.sshstack.sftp;

/** SSH_FX_NO_SUCH_FILE: the path does not exist (filexfer-02 §7). */
public class SftpNoSuchFileException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpNoSuchFileException(String message, String languageTag) {
        super(SftpStatusCode.NO_SUCH_FILE.code(), message, languageTag);
    }
}
