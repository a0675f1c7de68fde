package org.sshstack.event;

import java.util.Objects;

/**
 * The peer's identification string arrived (RFC 4253 §4.2).
 *
 * @param peerVersion the identification string without CR LF, as the peer sent it (printable ASCII only)
 */
public record VersionReceived(String peerVersion) {

    /** Requires the version. */
    public VersionReceived {
        Objects.requireNonNull(peerVersion, "peerVersion");
    }
}
