package org.sshstack.sftp;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * An SFTP request failed: carries the status code, the server's message and its language tag (filexfer-02 §7).
 * Subclasses name the common codes, so callers can catch, say, {@link SftpNoSuchFileException} alone.
 */
public class SftpException extends SshException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String serverMessage;
    private final String languageTag;

    /**
     * @param statusCode the wire status code
     * @param serverMessage the peer's message (may be empty)
     * @param languageTag the peer's language tag (may be empty)
     */
    public SftpException(int statusCode, String serverMessage, String languageTag) {
        super(DisconnectReason.BY_APPLICATION, describe(statusCode, serverMessage));
        this.statusCode = statusCode;
        this.serverMessage = serverMessage == null ? "" : serverMessage;
        this.languageTag = languageTag == null ? "" : languageTag;
    }

    /**
     * @param status a STATUS reply that is not OK
     * @return the exception of the subclass matching its code
     */
    public static SftpException of(SftpResponse.Status status) {
        return of(status.code(), status.message(), status.languageTag());
    }

    /**
     * @param code the wire status code
     * @param message the peer's message
     * @param language the peer's language tag
     * @return the exception of the subclass matching the code (plain {@code SftpException} for other codes)
     */
    public static SftpException of(int code, String message, String language) {
        return switch (SftpStatusCode.of(code)) {
            case EOF -> new SftpEofException(message, language);
            case NO_SUCH_FILE -> new SftpNoSuchFileException(message, language);
            case PERMISSION_DENIED -> new SftpPermissionDeniedException(message, language);
            case FAILURE -> new SftpFailureException(message, language);
            case BAD_MESSAGE -> new SftpBadMessageException(message, language);
            case NO_CONNECTION -> new SftpNoConnectionException(message, language);
            case CONNECTION_LOST -> new SftpConnectionLostException(message, language);
            case OP_UNSUPPORTED -> new SftpOpUnsupportedException(message, language);
            default -> new SftpException(code, message, language);
        };
    }

    /** @return the wire status code */
    public int statusCode() {
        return statusCode;
    }

    /** @return the status code as a constant ({@link SftpStatusCode#OTHER} for codes beyond version 3) */
    public SftpStatusCode status() {
        return SftpStatusCode.of(statusCode);
    }

    /** @return the peer's message, possibly empty */
    public String serverMessage() {
        return serverMessage;
    }

    /** @return the peer's language tag, possibly empty */
    public String languageTag() {
        return languageTag;
    }

    private static String describe(int code, String message) {
        String name = SftpStatusCode.of(code) == SftpStatusCode.OTHER ? "status " + code
                : SftpStatusCode.of(code).name();
        return message == null || message.isEmpty() ? name : name + ": " + message;
    }
}
