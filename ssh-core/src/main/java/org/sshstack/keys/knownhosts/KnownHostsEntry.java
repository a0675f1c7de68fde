package org.sshstack.keys.knownhosts;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.sshstack.keys.SshPublicKey;

/**
 * One key line of a known_hosts file.
 *
 * @param lineNumber the 1-based line number in the file
 * @param marker {@code @cert-authority}, {@code @revoked} or none
 * @param hosts the host field as written: a comma-separated pattern list, or one {@code |1|salt|hash} entry
 * @param keyTypeName the key type named on the line
 * @param key the key, or empty when the type is not one sshstack knows (such lines are kept but never match)
 * @param comment the rest of the line after the key, possibly empty
 */
public record KnownHostsEntry(int lineNumber, HostKeyMarker marker, String hosts, String keyTypeName,
        Optional<SshPublicKey> key, String comment) {

    /** Length of the HMAC-SHA1 salt and digest of a hashed host (OpenSSH hostfile.c). */
    static final int HASH_LENGTH = 20;

    /** Prefix of a hashed host field. */
    static final String HASH_MAGIC = "|1|";

    /** @return true if the host field is hashed ({@code |1|salt|hash}) */
    public boolean isHashed() {
        return hosts.startsWith("|");
    }

    /**
     * @param hostKeyName the name to look up, as {@link HostPatterns#hostKeyName} forms it
     * @return true if this line's host field matches it (hashed equality, or the pattern list with negation)
     */
    public boolean matchesHost(String hostKeyName) {
        if (isHashed()) {
            return matchesHashed(hostKeyName);
        }
        return HostPatterns.matchList(hosts, hostKeyName) == HostPatterns.ListMatch.MATCH;
    }

    private boolean matchesHashed(String hostKeyName) {
        String[] parts = hosts.startsWith(HASH_MAGIC) ? hosts.substring(HASH_MAGIC.length()).split("\\|", -1)
                : new String[0];
        try {
            if (parts.length != 2) {
                return false;
            }
            byte[] salt = java.util.Base64.getDecoder().decode(parts[0]);
            byte[] expected = java.util.Base64.getDecoder().decode(parts[1]);
            return salt.length > 0 && MessageDigest.isEqual(expected, hmacSha1(salt, hostKeyName));
        } catch (IllegalArgumentException e) {
            return false; // not produced by the parser, which validates hashed names
        }
    }

    /**
     * @param salt the HMAC key
     * @param hostKeyName the host name to hash
     * @return HMAC-SHA1(salt, host), as OpenSSH's {@code HashKnownHosts} writes it
     */
    static byte[] hmacSha1(byte[] salt, String hostKeyName) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(hostKeyName.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is required of every JDK", e);
        }
    }

    /**
     * @param other a presented key
     * @return true if this line holds exactly that key (same blob)
     */
    public boolean holds(SshPublicKey other) {
        return key.isPresent() && Arrays.equals(key.get().blob(), other.blob());
    }
}
