package org.sshstack.keys.authorizedkeys;

import org.sshstack.keys.SshPublicKey;

/**
 * One key line of an authorized_keys file.
 *
 * @param lineNumber the 1-based line number
 * @param options its typed options ({@link AuthorizedKeyOptions#NONE} when the line has none)
 * @param key the public key (for a {@code cert-authority} line: the CA key)
 * @param comment the comment after the key, possibly empty
 */
public record AuthorizedKey(int lineNumber, AuthorizedKeyOptions options, SshPublicKey key, String comment) {
}
