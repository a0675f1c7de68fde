package org.sshstack.event;

import java.time.Duration;
import java.util.Objects;

/**
 * An SFTP operation finished, on the client or the server side.
 *
 * @param operation the operation: a request name such as {@code open}, {@code read}, {@code stat}, an extension
 *     name, or a transfer ({@code get}, {@code put})
 * @param client true when the client reports it, false for the server
 * @param status {@code OK} or the status code name of the failure (e.g. {@code NO_SUCH_FILE})
 * @param duration how long it took
 * @param bytes the file bytes moved (0 for operations that move none)
 */
public record SftpOperationCompleted(String operation, boolean client, String status, Duration duration,
        long bytes) {

    /** Requires every field. */
    public SftpOperationCompleted {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(duration, "duration");
    }
}
