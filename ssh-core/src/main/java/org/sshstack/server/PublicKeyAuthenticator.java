package org.sshstack.server;

import java.util.List;
import org.sshstack.keys.SshPublicKey;

/**
 * Decides whether a public key may log in as a user (RFC 4252 §7); asked both for the client's query and, after
 * the signature was verified, for the decision. Called on the connection's thread: answer quickly, no side effects.
 */
@FunctionalInterface
public interface PublicKeyAuthenticator {

    /**
     * @param user the user name
     * @param key the plain public key
     * @return true to accept
     */
    boolean authorize(String user, SshPublicKey key);

    /**
     * @param keys the keys allowed for every user
     * @return an authenticator accepting exactly those keys (compared by their blob)
     */
    static PublicKeyAuthenticator authorizedKeys(List<SshPublicKey> keys) {
        List<SshPublicKey> copy = List.copyOf(keys);
        return (user, key) -> copy.stream().anyMatch(k -> java.util.Arrays.equals(k.blob(), key.blob()));
    }
}
