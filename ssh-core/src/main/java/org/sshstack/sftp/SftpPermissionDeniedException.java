package org.sshstack.sftp;

/** SSH_FX_PERMISSION_DENIED: the server refused the operation (filexfer-02 §7). */
public class SftpPermissionDeniedException extends SftpException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message the peer's (or this side's) message
     * @param languageTag the language tag, possibly empty
     */
    public SftpPermissionDeniedException(String message, String languageTag) {
        super(SftpStatusCode.PERMISSION_DENIED.code(), message, languageTag);
    }
}
