package org.sshstack.keys.authorizedkeys;

/**
 * A {@code permitopen="host:port"} destination or a {@code permitlisten="[host:]port"} listener.
 *
 * @param host the host name or address (IPv6 without brackets); {@code *} for a bare permitlisten port
 * @param port the port, or {@link #ANY_PORT} for {@code *}
 */
public record ForwardTarget(String host, int port) {

    /** The port value written as {@code *}: any port. */
    public static final int ANY_PORT = -1;

    /** @return true when any port is allowed */
    public boolean anyPort() {
        return port == ANY_PORT;
    }
}
