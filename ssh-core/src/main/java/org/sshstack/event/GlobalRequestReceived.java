package org.sshstack.event;

import java.util.Objects;

/**
 * The peer sent a global request (RFC 4254 §4), e.g. {@code tcpip-forward}, {@code keepalive@openssh.com} or
 * {@code hostkeys-00@openssh.com}, and it was decided.
 *
 * @param role {@code client} or {@code server}: which side received it
 * @param name the request name (as the peer sent it: decide tag use with care, it is peer-chosen)
 * @param wantReply whether the peer asked for a reply
 * @param accepted whether it was accepted (REQUEST_SUCCESS when a reply was wanted)
 */
public record GlobalRequestReceived(String role, String name, boolean wantReply, boolean accepted) {

    /** Requires every field. */
    public GlobalRequestReceived {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(name, "name");
    }
}
