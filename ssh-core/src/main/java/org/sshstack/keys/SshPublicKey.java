package org.sshstack.keys;

/**
 * A public key as SSH names and encodes it: a plain key, a FIDO security key, or an OpenSSH certificate.
 * Equality is by encoded blob.
 */
public sealed interface SshPublicKey permits StandardPublicKey, SecurityKeyPublicKey, OpenSshCertificate {

    /** @return the key family (for a certificate: the family of the certified key) */
    KeyType keyType();

    /** @return the name on the wire: {@code ssh-ed25519}, or a certificate name */
    String typeName();

    /** @return the public key blob (RFC 4253 §6.6), a fresh copy */
    byte[] blob();
}
