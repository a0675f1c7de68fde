package org.sshstack.sftp.server;

/**
 * How the SFTP server treats symbolic links met while resolving a client's path (SECURITY.md D1).
 * Whatever the policy, a link never leads outside the root: an absolute target is read relative to the root
 * (chroot semantics) and a {@code ..} that climbs above the root is refused.
 */
public enum SymlinkPolicy {

    /** Links are followed while they stay inside the root (the default). */
    FOLLOW_INSIDE,

    /** No link is ever followed: a path that passes through one is refused (lstat and readlink still work). */
    FOLLOW_NONE
}
