package org.sshstack.keys.knownhosts;

/** The verdict of a known_hosts lookup for a host and a presented key. */
public enum HostKeyStatus {
    /**
     * A line for the host holds the presented key, or (for a certificate) a {@code @cert-authority} line holds its CA
     * key and the certificate verified for the host at the lookup's time.
     */
    MATCH,
    /** Lines for the host hold other keys of the same type, and none holds the presented key: the key changed. */
    MISMATCH,
    /** The presented key, its certified key or its CA is {@code @revoked} for the host: never accept. */
    REVOKED,
    /**
     * A {@code @cert-authority} line for the host trusts the presented certificate's CA, but the certificate failed
     * verification (signature, validity, principal, HOST type, critical options): never accept. The lookup's
     * {@link HostKeyLookup#certificateFailure()} says which check failed.
     */
    CERTIFICATE_INVALID,
    /** No line for the host holds a key of this type (other types may be known: see the lookup's other keys). */
    UNKNOWN
}
