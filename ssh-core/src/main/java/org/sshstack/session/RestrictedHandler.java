package org.sshstack.session;

import java.util.Optional;
import org.sshstack.auth.AuthRestrictions;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.ConnectionHandler;
import org.sshstack.connection.OpenDecision;
import org.sshstack.connection.OpenFailureReason;
import org.sshstack.connection.SessionRequest;
import org.sshstack.keys.CertificatePermissions;

/**
 * Enforces what authentication restricted (SECURITY.md A8, PROTOCOL.certkeys) in front of the application's
 * {@link ConnectionHandler}, so the application cannot forget it: a forced command replaces the client's
 * {@code exec}, {@code shell} and {@code subsystem} (as OpenSSH's ForceCommand does), and certificate permissions
 * that lack {@code permit-pty}, {@code permit-X11-forwarding}, {@code permit-agent-forwarding} or
 * {@code permit-port-forwarding} refuse the matching requests before the application sees them.
 */
final class RestrictedHandler implements ConnectionHandler {

    private final ConnectionHandler next;
    private final Optional<String> forceCommand;
    private final Optional<CertificatePermissions> permissions;

    RestrictedHandler(ConnectionHandler next, AuthRestrictions restrictions) {
        this.next = next;
        this.forceCommand = restrictions.forceCommand();
        this.permissions = restrictions.permissions();
    }

    @Override
    public OpenDecision onChannelOpen(ConnectionChannel channel, byte[] typeData) {
        String type = channel.type();
        if ((type.equals("direct-tcpip") || type.equals("direct-streamlocal@openssh.com"))
                && !permitted(CertificatePermissions::portForwarding)) {
            return OpenDecision.refuse(OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "port forwarding not permitted");
        }
        return next.onChannelOpen(channel, typeData);
    }

    @Override
    public boolean onChannelRequest(ConnectionChannel channel, SessionRequest request) {
        if (request instanceof SessionRequest.PtyRequest && !permitted(CertificatePermissions::pty)) {
            return false; // PROTOCOL.certkeys: permit-pty absent
        }
        if (request instanceof SessionRequest.X11Request && !permitted(CertificatePermissions::x11Forwarding)) {
            return false;
        }
        if (request.type().equals("auth-agent-req@openssh.com")
                && !permitted(CertificatePermissions::agentForwarding)) {
            return false;
        }
        boolean runs = request instanceof SessionRequest.Exec || request instanceof SessionRequest.Shell
                || request instanceof SessionRequest.Subsystem;
        if (runs && forceCommand.isPresent()) {
            return next.onChannelRequest(channel, new SessionRequest.Exec(forceCommand.get()));
        }
        return next.onChannelRequest(channel, request);
    }

    @Override
    public boolean onGlobalRequest(String requestName, byte[] data) {
        if ((requestName.equals("tcpip-forward") || requestName.equals("streamlocal-forward@openssh.com"))
                && !permitted(CertificatePermissions::portForwarding)) {
            return false;
        }
        return next.onGlobalRequest(requestName, data);
    }

    private boolean permitted(java.util.function.Predicate<CertificatePermissions> permission) {
        return permissions.isEmpty() || permission.test(permissions.get());
    }
}
