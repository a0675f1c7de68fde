package org.sshstack.sftp;

/** SSH_FX_OP_UNSUPPORTED: the operation (or extension) is not supported by the server (filexfer-02 §7). */
public class SftpOpUnsupportedException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpOpUnsupportedException(String message, String languageTag) {
        super(SftpStatusCode.OP_UNSUPPORTED.code(), message, languageTag);
    }
}
