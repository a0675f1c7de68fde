/**
 * OpenSSH known_hosts files (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT"): parsing with plain, wildcard, negated and hashed
 * host patterns, the {@code @cert-authority} and {@code @revoked} markers, host-key lookup and appending entries.
 */
package org.sshstack.keys.knownhosts;
