package org.sshstack.transport.kex;

import java.security.PublicKey;
import org.sshstack.SshException;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.signature.SignatureAlgorithm;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.wire.SshReader;

/**
 * Maps a negotiated host key algorithm to the signature algorithm that signs H and checks that a host key fits it
 * (RFC 4253 §7.1, RFC 8332 §3, PROTOCOL.certkeys): {@code rsa-sha2-512} and {@code rsa-sha2-512-cert-v01@openssh.com}
 * both sign with rsa-sha2-512 over an {@code ssh-rsa} key, a certificate algorithm needs a certificate K_S whose
 * certified key is of the signing key type, a plain algorithm a plain key.
 */
public final class HostKeyAlgorithms {

    /** The suffix of the OpenSSH certificate algorithm names. */
    public static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private HostKeyAlgorithms() {
    }

    /**
     * @param hostKeyAlgorithm a negotiated host key algorithm
     * @return true for the certificate forms
     */
    public static boolean isCertificate(String hostKeyAlgorithm) {
        return hostKeyAlgorithm.endsWith(CERT_SUFFIX);
    }

    /**
     * @param hostKeyAlgorithm a negotiated host key algorithm, e.g. {@code rsa-sha2-256-cert-v01@openssh.com}
     * @return the signature algorithm, e.g. {@code rsa-sha2-256}
     * @throws KeyExchangeException if no implemented signature algorithm matches
     */
    public static SignatureAlgorithm signatureAlgorithm(String hostKeyAlgorithm) throws KeyExchangeException {
        String name = isCertificate(hostKeyAlgorithm)
                ? hostKeyAlgorithm.substring(0, hostKeyAlgorithm.length() - CERT_SUFFIX.length())
                : hostKeyAlgorithm;
        return SignatureAlgorithms.byName(name).orElseThrow(() -> new KeyExchangeException(
                "host key algorithm " + hostKeyAlgorithm + " is not supported"));
    }

    /**
     * @param hostKeyAlgorithm the negotiated host key algorithm
     * @param hostKey a host key
     * @return the JCA key that verifies signatures for it (the certified key of a certificate)
     * @throws KeyExchangeException if the key's type or form does not fit the algorithm
     */
    public static PublicKey verificationKey(String hostKeyAlgorithm, SshPublicKey hostKey)
            throws KeyExchangeException {
        SignatureAlgorithm algorithm = signatureAlgorithm(hostKeyAlgorithm);
        SshPublicKey plain = hostKey;
        if (isCertificate(hostKeyAlgorithm)) {
            if (!(hostKey instanceof OpenSshCertificate certificate)) {
                throw new KeyExchangeException("host key algorithm " + hostKeyAlgorithm
                        + " needs a certificate, the server sent a " + hostKey.typeName() + " key");
            }
            plain = certificate.certifiedKey();
        }
        if (!(plain instanceof StandardPublicKey standard) || !standard.typeName().equals(algorithm.keyTypeName())) {
            throw new KeyExchangeException("host key of type " + hostKey.typeName() + " does not fit host key algorithm "
                    + hostKeyAlgorithm);
        }
        return standard.javaKey();
    }

    /**
     * Checks that a signature blob names the expected algorithm before it is verified (RFC 4253 §6.6).
     *
     * @param expected the signature algorithm of the negotiated host key algorithm
     * @param signatureBlob {@code string name || string signature}
     * @throws SshException if the blob is malformed or names another algorithm
     */
    static void checkSignatureName(String expected, byte[] signatureBlob) throws SshException {
        String name = new SshReader(signatureBlob).readAscii();
        if (!name.equals(expected)) {
            String shown = name.length() > 64 ? name.substring(0, 64) + "..." : name;
            throw new KeyExchangeException("server signed H with " + shown
                    + ", the negotiated host key algorithm needs " + expected);
        }
    }
}
