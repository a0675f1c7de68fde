package org.sshstack.keys;

import java.util.ArrayList;
import java.util.List;

/**
 * The extensions of a user certificate, typed (PROTOCOL.certkeys "Extensions"). Absent extensions deny.
 *
 * @param x11Forwarding {@code permit-X11-forwarding}
 * @param agentForwarding {@code permit-agent-forwarding}
 * @param portForwarding {@code permit-port-forwarding}
 * @param pty {@code permit-pty}
 * @param userRc {@code permit-user-rc}
 * @param noTouchRequired {@code no-touch-required}: FIDO signatures need not assert user presence
 * @param unknown names of extensions sshstack does not know (ignored, as the protocol allows)
 */
public record CertificatePermissions(boolean x11Forwarding, boolean agentForwarding, boolean portForwarding,
        boolean pty, boolean userRc, boolean noTouchRequired, List<String> unknown) {

    /** Copies the list. */
    public CertificatePermissions {
        unknown = List.copyOf(unknown);
    }

    /**
     * @param extensions a certificate's extensions
     * @return their typed view
     */
    public static CertificatePermissions of(List<CertificateOption> extensions) {
        boolean[] flags = new boolean[6];
        List<String> unknown = new ArrayList<>();
        for (CertificateOption extension : extensions) {
            int index = switch (extension.name()) {
                case "permit-X11-forwarding" -> 0;
                case "permit-agent-forwarding" -> 1;
                case "permit-port-forwarding" -> 2;
                case "permit-pty" -> 3;
                case "permit-user-rc" -> 4;
                case "no-touch-required" -> 5;
                default -> -1;
            };
            if (index < 0) {
                unknown.add(extension.name());
            } else {
                flags[index] = true;
            }
        }
        return new CertificatePermissions(flags[0], flags[1], flags[2], flags[3], flags[4], flags[5], unknown);
    }

    /** @return no permission at all (host certificates, and user certificates without extensions) */
    public static CertificatePermissions none() {
        return new CertificatePermissions(false, false, false, false, false, false, List.of());
    }
}
