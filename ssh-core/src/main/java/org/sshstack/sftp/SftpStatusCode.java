package org.sshstack.sftp;

/** The SSH_FXP_STATUS error codes of filexfer-02 §7, plus a catch-all for codes of later drafts. */
public enum SftpStatusCode {
    /** SSH_FX_OK: success. */
    OK(0),
    /** SSH_FX_EOF: end of file, or no more directory entries. */
    EOF(1),
    /** SSH_FX_NO_SUCH_FILE: the file does not exist. */
    NO_SUCH_FILE(2),
    /** SSH_FX_PERMISSION_DENIED: not allowed. */
    PERMISSION_DENIED(3),
    /** SSH_FX_FAILURE: any other failure. */
    FAILURE(4),
    /** SSH_FX_BAD_MESSAGE: a badly formatted packet or protocol incompatibility. */
    BAD_MESSAGE(5),
    /** SSH_FX_NO_CONNECTION: a pseudo-error, no connection (client side only). */
    NO_CONNECTION(6),
    /** SSH_FX_CONNECTION_LOST: a pseudo-error, the connection was lost (client side only). */
    CONNECTION_LOST(7),
    /** SSH_FX_OP_UNSUPPORTED: the server does not support the operation. */
    OP_UNSUPPORTED(8),
    /** A code not defined by version 3 (later drafts define more). */
    OTHER(-1);

    private final int code;

    SftpStatusCode(int code) {
        this.code = code;
    }

    /** @return the wire value (-1 for {@link #OTHER}) */
    public int code() {
        return code;
    }

    /**
     * @param code a wire value
     * @return the matching constant, {@link #OTHER} for codes version 3 does not define
     */
    public static SftpStatusCode of(int code) {
        for (SftpStatusCode value : values()) {
            if (value.code == code && value != OTHER) {
                return value;
            }
        }
        return OTHER;
    }
}
