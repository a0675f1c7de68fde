package org.sshstack.keys.knownhosts;

/** The optional marker at the start of a known_hosts line (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT). */
public enum HostKeyMarker {
    /** A plain host key line. */
    NONE(""),
    /** {@code @cert-authority}: the key is a CA trusted to sign host certificates for the listed hosts. */
    CERT_AUTHORITY("@cert-authority"),
    /** {@code @revoked}: the key must never be accepted, neither as a host key nor as a CA. */
    REVOKED("@revoked");

    private final String text;

    HostKeyMarker(String text) {
        this.text = text;
    }

    /** @return the marker as written in the file, empty for {@link #NONE} */
    public String text() {
        return text;
    }
}
