package org.sshstack.auth;

/** How one authentication attempt ended (RFC 4252 §5.1). */
public enum AuthOutcome {
    /** USERAUTH_SUCCESS: the user is authenticated. */
    SUCCESS,
    /** USERAUTH_FAILURE with partial success: this step passed, more are needed. */
    PARTIAL,
    /** USERAUTH_FAILURE: the attempt failed. */
    FAILURE
}
