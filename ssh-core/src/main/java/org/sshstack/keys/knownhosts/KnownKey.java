package org.sshstack.keys.knownhosts;

/**
 * A key a known_hosts line holds for a host, as reported in a lookup: where it is and how to recognise it.
 *
 * @param lineNumber the 1-based line number
 * @param keyTypeName the key type on that line
 * @param fingerprint the {@code SHA256:...} fingerprint of the key on that line
 */
public record KnownKey(int lineNumber, String keyTypeName, String fingerprint) {
}
