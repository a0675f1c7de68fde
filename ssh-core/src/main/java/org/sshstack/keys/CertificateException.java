package org.sshstack.keys;

import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/** A certificate that is well-formed but must not be trusted for the requested use; {@link #check()} says why. */
public class CertificateException extends SshException {

    private static final long serialVersionUID = 1L;

    /** The verification step that failed. */
    public enum Check {
        /** A user certificate offered as a host certificate or the reverse. */
        TYPE,
        /** The signing CA key is not one of the trusted CA keys. */
        UNTRUSTED_CA,
        /** The signature algorithm is unknown, legacy without opt-in, or does not fit the CA key type. */
        SIGNATURE_ALGORITHM,
        /** The CA signature does not verify. */
        SIGNATURE,
        /** The current time is before {@code valid after}. */
        NOT_YET_VALID,
        /** The current time is at or after {@code valid before}. */
        EXPIRED,
        /** The certificate lists no principals (rejected: CVE-2024-7594). */
        NO_PRINCIPALS,
        /** The requested user or host name is not among the principals. */
        PRINCIPAL,
        /** An unknown critical option, a user option on a host certificate, or malformed option data. */
        CRITICAL_OPTION
    }

    private final Check check;

    /**
     * @param check the step that failed
     * @param hostCertificate true when verifying a host certificate (maps to HOST_KEY_NOT_VERIFIABLE)
     * @param message what failed, naming the certificate's key id
     */
    public CertificateException(Check check, boolean hostCertificate, String message) {
        super(hostCertificate ? DisconnectReason.HOST_KEY_NOT_VERIFIABLE : DisconnectReason.BY_APPLICATION,
                "certificate rejected (" + check.name().toLowerCase(java.util.Locale.ROOT) + "): " + message);
        this.check = check;
    }

    /** @return the verification step that failed */
    public Check check() {
        return check;
    }
}
