package org.sshstack.keys.authorizedkeys;

/**
 * What a key may do after its options are applied left to right: everything is allowed unless {@code restrict} or a
 * {@code no-*} option denies it, and a later re-enabling option ({@code pty}, {@code port-forwarding}...) allows it
 * again (sshd(8) "restrict").
 *
 * @param portForwarding TCP forwarding ({@code port-forwarding} / {@code no-port-forwarding})
 * @param agentForwarding agent forwarding ({@code agent-forwarding} / {@code no-agent-forwarding})
 * @param x11Forwarding X11 forwarding ({@code X11-forwarding} / {@code no-X11-forwarding})
 * @param pty PTY allocation ({@code pty} / {@code no-pty})
 * @param userRc running ~/.ssh/rc ({@code user-rc} / {@code no-user-rc})
 */
public record KeyPermissions(boolean portForwarding, boolean agentForwarding, boolean x11Forwarding, boolean pty,
        boolean userRc) {

    /** Everything allowed: a key line without options. */
    public static final KeyPermissions UNRESTRICTED = new KeyPermissions(true, true, true, true, true);

    /** Everything denied: what {@code restrict} starts from. */
    public static final KeyPermissions RESTRICTED = new KeyPermissions(false, false, false, false, false);
}
