package org.sshstack.auth;

/** What a {@link ServerAuthHandler} decides about one credential (paramiko's {@code AUTH_*} constants). */
public enum AuthStatus {
    /** The credential authenticates the user completely. */
    SUCCESSFUL,
    /** The credential is right but more methods are required (RFC 4252 §5.1 partial success). */
    PARTIALLY_SUCCESSFUL,
    /** The credential is refused. */
    FAILED,
    /** Only for passwords: the password is right but expired; the client is asked for a new one (RFC 4252 §8). */
    PASSWORD_CHANGE_REQUIRED
}
