package org.sshstack.transport.kex;

import java.util.Objects;
import javax.security.auth.Destroyable;
import org.sshstack.transport.Role;

/**
 * The keys a key exchange yields for both directions (RFC 4253 §7.2).
 *
 * @param clientToServer IV "A", key "C", MAC key "E"
 * @param serverToClient IV "B", key "D", MAC key "F"
 */
public record DerivedKeys(DirectionKeys clientToServer, DirectionKeys serverToClient) implements Destroyable {

    /** Requires both directions. */
    public DerivedKeys {
        Objects.requireNonNull(clientToServer, "clientToServer");
        Objects.requireNonNull(serverToClient, "serverToClient");
    }

    /**
     * @param role a side
     * @return the keys of the direction that side sends in
     */
    public DirectionKeys sentBy(Role role) {
        return role == Role.CLIENT ? clientToServer : serverToClient;
    }

    /**
     * @param role a side
     * @return the keys of the direction that side receives in
     */
    public DirectionKeys receivedBy(Role role) {
        return role == Role.CLIENT ? serverToClient : clientToServer;
    }

    /** Wipes both directions. */
    @Override
    public void destroy() {
        clientToServer.destroy();
        serverToClient.destroy();
    }

    /** @return whether both directions are wiped */
    @Override
    public boolean isDestroyed() {
        return clientToServer.isDestroyed() && serverToClient.isDestroyed();
    }
}
