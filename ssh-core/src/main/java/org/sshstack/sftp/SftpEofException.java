package org.sshstack.sftp;

/** SSH_FX_EOF: the end of a file or of a directory listing was reached (filexfer-02 §7). */
public class SftpEofException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpEofException(String message, String languageTag) {
        super(SftpStatusCode.EOF.code(), message, languageTag);
    }
}
