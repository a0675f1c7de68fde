package org.sshstack.transport;

import org.sshstack.keys.SshPublicKey;

/**
 * Decides whether a client trusts the server's host key (RFC 4253 §8: "the client MUST verify that the host key
 * really belongs to the server"). Called once per key exchange, after the server's signature of H has been checked
 * and before the client sends NEWKEYS.
 *
 * <p>Implementations: {@link KnownHostsVerifier} (strict, the default, or accept-new), {@link PinnedHostKeyVerifier}
 * and, for tests only, {@link InsecureAcceptAllHostKeys}.
 */
@FunctionalInterface
public interface HostKeyVerifier {

    /**
     * @param host the host name or address the client connected to
     * @param port the port
     * @param hostKey the key (or host certificate) the server presented
     * @throws HostKeyRejectedException if the key is not trusted, with a message a user can act on
     */
    void verify(String host, int port, SshPublicKey hostKey) throws HostKeyRejectedException;
}
