package org.sshstack.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sshstack.crypto.signature.SignatureAlgorithm;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/**
 * Maps between the "publickey" request's algorithm name and the signature algorithm (RFC 8332 §3, RFC 8308 §3.1,
 * PROTOCOL.certkeys): picks the client's algorithm and checks the server's.
 */
public final class PublicKeyAlgorithms {

    /** Suffix of OpenSSH certificate algorithm names. */
    public static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    private PublicKeyAlgorithms() {
    }

    /**
     * A chosen pair of names.
     *
     * @param requestAlgorithm the name sent in the request, e.g. {@code rsa-sha2-512-cert-v01@openssh.com}
     * @param signatureAlgorithm the name inside the signature blob, e.g. {@code rsa-sha2-512}
     */
    public record Choice(String requestAlgorithm, String signatureAlgorithm) {
    }

    /**
     * Picks the algorithm a client uses for a key. Non-RSA keys have exactly one. For RSA (RFC 8332 §3.3): the first
     * of the signer's algorithms (rsa-sha2-512, rsa-sha2-256, then ssh-rsa only if {@code allowSshRsa}) that the
     * server lists in {@code server-sig-algs}; without that extension, {@code rsa-sha2-256}, never ssh-rsa.
     *
     * @param key the presented key or certificate
     * @param signerAlgorithms the algorithms the signer supports, preferred first
     * @param serverSigAlgs the server's {@code server-sig-algs} (RFC 8308 §3.1), or null when it sent none
     * @param allowSshRsa true to allow the SHA-1 algorithm {@code ssh-rsa}
     * @return the choice, or empty when no algorithm fits both sides
     */
    public static Optional<Choice> choose(SshPublicKey key, List<String> signerAlgorithms, List<String> serverSigAlgs,
            boolean allowSshRsa) {
        boolean cert = key instanceof OpenSshCertificate;
        KeyType type = key.keyType();
        if (type != KeyType.RSA) {
            String name = type.wireName();
            return signerAlgorithms.contains(name) || signerAlgorithms.isEmpty()
                    ? Optional.of(new Choice(cert ? type.certificateName() : name, name)) : Optional.empty();
        }
        List<String> candidates = new ArrayList<>(signerAlgorithms);
        candidates.remove("ssh-rsa");
        if (allowSshRsa) {
            candidates.add("ssh-rsa");
        }
        Optional<String> picked = serverSigAlgs == null
                ? candidates.stream().filter("rsa-sha2-256"::equals).findFirst()
                : candidates.stream().filter(serverSigAlgs::contains).findFirst();
        return picked.map(sig -> new Choice(cert ? sig + CERT_SUFFIX : sig, sig));
    }

    /**
     * Checks a request's algorithm name against the key it names (server side) and returns the signature
     * algorithm to verify with.
     *
     * @param requestAlgorithm the algorithm name from the request
     * @param key the decoded key or certificate blob
     * @param allowSshRsa true to accept the SHA-1 algorithm {@code ssh-rsa} (also as {@code ssh-rsa-cert-v01})
     * @return the signature algorithm, or empty when the name does not fit the key or is not allowed
     */
    public static Optional<SignatureAlgorithm> forRequest(String requestAlgorithm, SshPublicKey key,
            boolean allowSshRsa) {
        boolean cert = key instanceof OpenSshCertificate;
        if (cert != requestAlgorithm.endsWith(CERT_SUFFIX)) {
            return Optional.empty();
        }
        String signatureName = cert
                ? requestAlgorithm.substring(0, requestAlgorithm.length() - CERT_SUFFIX.length())
                : requestAlgorithm;
        return SignatureAlgorithms.byName(signatureName)
                .filter(a -> a.keyTypeName().equals(key.keyType().wireName()))
                .filter(a -> !a.legacy() || allowSshRsa);
    }
}
