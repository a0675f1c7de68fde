package org.sshstack.sftp;

/**
 * The order of the two paths of SSH_FXP_SYMLINK, which depends on the peer's implementation.
 *
 * <p>filexfer-02 §6.10 sends the link path first, then the target. OpenSSH's sftp-server reversed them by mistake
 * and the reversal became the de-facto standard: OpenSSH, paramiko and most others send the target first
 * (PROTOCOL §4.1). AsyncSSH follows the draft unless the peer's version string names OpenSSH or paramiko (its
 * sftp.py, {@code _nonstandard_symlink_impls}), so with us it uses the draft order.
 */
public enum SymlinkArgumentOrder {

    /** OpenSSH's order (PROTOCOL §4.1): targetpath, then linkpath. */
    OPENSSH,

    /** The draft's order (filexfer-02 §6.10): linkpath, then targetpath. */
    DRAFT;

    /** The software name in AsyncSSH's identification string, e.g. "SSH-2.0-AsyncSSH_2.10.1". */
    private static final String ASYNCSSH = "AsyncSSH";

    /**
     * @param versionString the peer's SSH identification string (RFC 4253 §4.2), "" when unknown
     * @return {@link #DRAFT} for AsyncSSH, else {@link #OPENSSH}
     */
    public static SymlinkArgumentOrder forPeer(String versionString) {
        return versionString != null && versionString.contains(ASYNCSSH) ? DRAFT : OPENSSH;
    }

    /**
     * @param target what the link points to
     * @param link the link path
     * @return the path sent first in this order
     */
    public String first(String target, String link) {
        return this == OPENSSH ? target : link;
    }

    /**
     * @param target what the link points to
     * @param link the link path
     * @return the path sent second in this order
     */
    public String second(String target, String link) {
        return first(link, target);
    }

    /**
     * @param first the first path on the wire
     * @param second the second path on the wire
     * @return the link's target, read in this order
     */
    public String target(String first, String second) {
        return first(first, second);
    }

    /**
     * @param first the first path on the wire
     * @param second the second path on the wire
     * @return the link path, read in this order
     */
    public String link(String first, String second) {
        return second(first, second);
    }
}
