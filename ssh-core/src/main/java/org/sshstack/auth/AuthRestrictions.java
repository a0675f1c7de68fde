package org.sshstack.auth;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sshstack.keys.CertificatePermissions;
import org.sshstack.keys.VerifiedCertificate;

/**
 * What an authenticated session may do, as the authentication steps restricted it: a forced command and the
 * certificate permissions. The session layer must enforce them.
 *
 * <p>Merge rule across partial-success steps (SECURITY.md A8): restrictions only accumulate, never relax. A forced
 * command from any step holds; two different forced commands are a conflict that fails the authentication (as
 * OpenSSH does). Permissions are intersected; a step without a certificate does not restrict them.
 *
 * @param forceCommand the command to run instead of the client's, if any
 * @param permissions the certificate permissions, or empty when no certificate restricted them
 */
public record AuthRestrictions(Optional<String> forceCommand, Optional<CertificatePermissions> permissions) {

    /** Requires the fields. */
    public AuthRestrictions {
        Objects.requireNonNull(forceCommand, "forceCommand");
        Objects.requireNonNull(permissions, "permissions");
    }

    /** @return no restriction (passwords, plain keys, keyboard-interactive) */
    public static AuthRestrictions unrestricted() {
        return new AuthRestrictions(Optional.empty(), Optional.empty());
    }

    /** @param certificate a verified user certificate @return its force-command and permissions */
    public static AuthRestrictions of(VerifiedCertificate certificate) {
        return new AuthRestrictions(certificate.forceCommand(), Optional.of(certificate.permissions()));
    }

    /**
     * @param other the restrictions of a later step
     * @return both applied, or empty on conflicting forced commands
     */
    public Optional<AuthRestrictions> merge(AuthRestrictions other) {
        if (forceCommand.isPresent() && other.forceCommand.isPresent()
                && !forceCommand.get().equals(other.forceCommand.get())) {
            return Optional.empty();
        }
        Optional<String> command = forceCommand.isPresent() ? forceCommand : other.forceCommand;
        Optional<CertificatePermissions> merged = permissions.isEmpty() ? other.permissions
                : other.permissions.isEmpty() ? permissions
                : Optional.of(intersect(permissions.get(), other.permissions.get()));
        return Optional.of(new AuthRestrictions(command, merged));
    }

    private static CertificatePermissions intersect(CertificatePermissions a, CertificatePermissions b) {
        return new CertificatePermissions(a.x11Forwarding() && b.x11Forwarding(),
                a.agentForwarding() && b.agentForwarding(), a.portForwarding() && b.portForwarding(),
                a.pty() && b.pty(), a.userRc() && b.userRc(), a.noTouchRequired() && b.noTouchRequired(), List.of());
    }
}
