package org.sshstack.auth;

import java.util.List;
import java.util.Objects;
import org.sshstack.keys.SshPublicKey;

/**
 * The outcome of a completed server-side authentication, for the session layer.
 *
 * @param username the authenticated user
 * @param methods the methods of the chain, in order (one entry without partial success)
 * @param publicKeys the keys (or certificates) that signed, in order: authorization must use these, never a key
 *     that was only queried (SECURITY.md A5)
 * @param restrictions force-command and permissions merged across the steps (see {@link AuthRestrictions})
 */
public record ServerAuthResult(String username, List<String> methods, List<SshPublicKey> publicKeys,
        AuthRestrictions restrictions) {

    /** Copies the lists. */
    public ServerAuthResult {
        Objects.requireNonNull(username, "username");
        methods = List.copyOf(methods);
        publicKeys = List.copyOf(publicKeys);
        Objects.requireNonNull(restrictions, "restrictions");
    }
}
