package org.sshstack.keys.knownhosts;

/** The verdict of a known_hosts lookup for a host and a presented key. */
public enum HostKeyStatus {
    /** A line for the host holds the presented key, or (for a certificate) a {@code @cert-authority} CA key. */
    MATCH,
    /** Lines for the host hold other keys of the same type, and none holds the presented key: the key changed. */
    MISMATCH,
    /** The presented key, its certified key or its CA is {@code @revoked} for the host: never accept. */
    REVOKED,
    /** No line for the host holds a key of this type (other types may be known: see the lookup's other keys). */
    UNKNOWN
}
