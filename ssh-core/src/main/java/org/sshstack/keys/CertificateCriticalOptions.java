package org.sshstack.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.CertificateException.Check;

/** Types the critical options of a user certificate (PROTOCOL.certkeys "Critical options"), rejecting unknown ones. */
final class CertificateCriticalOptions {

    private CertificateCriticalOptions() {
    }

    static VerifiedCertificate userResult(OpenSshCertificate certificate, SshPublicKey authority, String principal,
            String id) throws CertificateException {
        Optional<String> forceCommand = Optional.empty();
        List<String> sourceAddresses = List.of();
        boolean verifyRequired = false;
        for (CertificateOption option : certificate.criticalOptions()) {
            try {
                switch (option.name()) {
                    case "force-command" -> forceCommand = Optional.of(option.stringValue());
                    case "source-address" -> sourceAddresses = sourceAddresses(option.stringValue(), id);
                    case "verify-required" -> verifyRequired = flag(option, id);
                    default -> throw new CertificateException(Check.CRITICAL_OPTION, false,
                            "unknown critical option " + option.name() + id);
                }
            } catch (SshProtocolException e) {
                throw new CertificateException(Check.CRITICAL_OPTION, false, "malformed critical option "
                        + option.name() + id);
            }
        }
        return new VerifiedCertificate(certificate, authority, principal, forceCommand, sourceAddresses,
                verifyRequired, CertificatePermissions.of(certificate.extensions()));
    }

    private static boolean flag(CertificateOption option, String id) throws CertificateException {
        if (!option.isFlag()) {
            throw new CertificateException(Check.CRITICAL_OPTION, false, option.name() + " must carry no data" + id);
        }
        return true;
    }

    private static List<String> sourceAddresses(String value, String id) throws CertificateException {
        List<String> out = new ArrayList<>();
        for (String entry : value.split(",", -1)) {
            if (!AddressMatcher.isValidCidr(entry)) {
                throw new CertificateException(Check.CRITICAL_OPTION, false, "invalid source-address entry "
                        + entry + id);
            }
            out.add(entry);
        }
        return out;
    }
}
