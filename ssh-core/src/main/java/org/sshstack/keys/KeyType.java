package org.sshstack.keys;

import java.util.Optional;

/** The key families SSH names on the wire (RFC 4253 §6.6, RFC 5656, RFC 8709, PROTOCOL.u2f), with their certificate names. */
public enum KeyType {
    ED25519("ssh-ed25519", "ssh-ed25519-cert-v01@openssh.com", null),
    ECDSA_NISTP256("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp256-cert-v01@openssh.com", "nistp256"),
    ECDSA_NISTP384("ecdsa-sha2-nistp384", "ecdsa-sha2-nistp384-cert-v01@openssh.com", "nistp384"),
    ECDSA_NISTP521("ecdsa-sha2-nistp521", "ecdsa-sha2-nistp521-cert-v01@openssh.com", "nistp521"),
    RSA("ssh-rsa", "ssh-rsa-cert-v01@openssh.com", null),
    /** Legacy DSA: read so that old files and OpenSSH's corpus load; never offered by default. */
    DSA("ssh-dss", "ssh-dss-cert-v01@openssh.com", null),
    SK_ED25519("sk-ssh-ed25519@openssh.com", "sk-ssh-ed25519-cert-v01@openssh.com", null),
    SK_ECDSA_NISTP256("sk-ecdsa-sha2-nistp256@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com", "nistp256");

    private final String wireName;
    private final String certificateName;
    private final String curveName;

    KeyType(String wireName, String certificateName, String curveName) {
        this.wireName = wireName;
        this.certificateName = certificateName;
        this.curveName = curveName;
    }

    /** @return the plain key's name on the wire, e.g. {@code ssh-ed25519} */
    public String wireName() {
        return wireName;
    }

    /** @return the name of the certificate form, e.g. {@code ssh-ed25519-cert-v01@openssh.com} */
    public String certificateName() {
        return certificateName;
    }

    /** @return the SSH curve identifier ({@code nistp256}...) for ECDSA families, else empty */
    public Optional<String> curveName() {
        return Optional.ofNullable(curveName);
    }

    /** @return true for FIDO security-key types (PROTOCOL.u2f) */
    public boolean isSecurityKey() {
        return this == SK_ED25519 || this == SK_ECDSA_NISTP256;
    }

    /**
     * @param name a plain key name as on the wire
     * @return its type, or empty if unknown
     */
    public static Optional<KeyType> fromWireName(String name) {
        for (KeyType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /**
     * @param name a certificate key name as on the wire
     * @return the type of key it certifies, or empty if unknown
     */
    public static Optional<KeyType> fromCertificateName(String name) {
        for (KeyType type : values()) {
            if (type.certificateName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
