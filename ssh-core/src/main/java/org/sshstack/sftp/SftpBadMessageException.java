package org.sshstack.sftp;

/** SSH_FX_BAD_MESSAGE: a badly formatted packet or a protocol mismatch (filexfer-02 §7). */
public class SftpBadMessageException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpBadMessageException(String message, String languageTag) {
        super(SftpStatusCode.BAD_MESSAGE.code(), message, languageTag);
    }
}
