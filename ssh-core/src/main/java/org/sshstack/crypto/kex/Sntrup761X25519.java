package org.sshstack.crypto.kex;

/**
 * sntrup761x25519-sha512 and sntrup761x25519-sha512@openssh.com: sntrup761 with X25519 and SHA-512, laid out
 * like the ML-KEM hybrid (OpenSSH kexsntrup761x25519.c; draft-ietf-sshm-ntruprime-ssh, not in our spec set).
 * Q_C is 1158 + 32 bytes, Q_S 1039 + 32 bytes; K = SHA-512(K_PQ || K_CL) as a string.
 */
public final class Sntrup761X25519 extends HybridKex {

    /** A stateless instance. */
    public Sntrup761X25519() {
        super(new Sntrup761(), new Curve25519(), Curve25519.KEY_LENGTH, "SHA-512");
    }

    /** @return the method name */
    @Override
    public String toString() {
        return "sntrup761x25519-sha512";
    }
}
