package org.sshstack.keys;

/** The hash of a key fingerprint, as {@code ssh-keygen -E} selects it. */
public enum FingerprintHash {
    /** {@code SHA256:} and unpadded base64 (ssh-keygen's default). */
    SHA256,
    /** {@code MD5:} and colon-separated hex pairs (legacy). */
    MD5
}
