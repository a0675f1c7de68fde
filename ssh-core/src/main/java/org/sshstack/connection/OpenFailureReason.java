package org.sshstack.connection;

/** The reason codes of SSH_MSG_CHANNEL_OPEN_FAILURE (RFC 4254 §5.1). */
public enum OpenFailureReason {
    /** SSH_OPEN_ADMINISTRATIVELY_PROHIBITED. */
    ADMINISTRATIVELY_PROHIBITED(1),
    /** SSH_OPEN_CONNECT_FAILED. */
    CONNECT_FAILED(2),
    /** SSH_OPEN_UNKNOWN_CHANNEL_TYPE. */
    UNKNOWN_CHANNEL_TYPE(3),
    /** SSH_OPEN_RESOURCE_SHORTAGE. */
    RESOURCE_SHORTAGE(4);

    private final int code;

    OpenFailureReason(int code) {
        this.code = code;
    }

    /** @return the numeric code sent on the wire */
    public int code() {
        return code;
    }

    /**
     * @param code a wire code
     * @return its reason, or null for a code RFC 4254 does not define
     */
    public static OpenFailureReason fromCode(int code) {
        for (OpenFailureReason reason : values()) {
            if (reason.code == code) {
                return reason;
            }
        }
        return null;
    }
}
