package org.sshstack.auth;

/**
 * Receives authentication attempts as they finish; the session layer bridges it to {@code org.sshstack.event}.
 * Called on the engine's thread: implementations must be quick and must not throw.
 */
@FunctionalInterface
public interface AuthListener {

    /** A listener that ignores everything. */
    AuthListener NONE = event -> { };

    /** @param event the attempt that finished */
    void onAttempt(AuthEvent event);
}
