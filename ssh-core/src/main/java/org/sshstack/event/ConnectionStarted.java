package org.sshstack.event;

import java.util.Objects;

/**
 * A connection engine was created and queued its identification string.
 *
 * @param role "client" or "server"
 * @param localVersion our identification string
 */
public record ConnectionStarted(String role, String localVersion) {

    /** Requires both fields. */
    public ConnectionStarted {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(localVersion, "localVersion");
    }
}
