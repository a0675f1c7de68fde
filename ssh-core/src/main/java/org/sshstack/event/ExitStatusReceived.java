package org.sshstack.event;

import java.util.Objects;

/**
 * The peer reported how a command ended (RFC 4254 §6.10).
 *
 * @param role {@code client} or {@code server}: which side reports it
 * @param status the exit status (0..2^32-1), or -1 when the command ended by a signal
 * @param signal the signal name without "SIG" for exit-signal, empty for exit-status
 */
public record ExitStatusReceived(String role, long status, String signal) {

    /** Requires every field. */
    public ExitStatusReceived {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(signal, "signal");
    }
}
