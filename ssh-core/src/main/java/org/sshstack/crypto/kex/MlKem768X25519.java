package org.sshstack.crypto.kex;

/**
 * mlkem768x25519-sha256 (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.3.3): ML-KEM-768 with X25519 and SHA-256.
 * C_INIT is 1184 + 32 bytes, S_REPLY 1088 + 32 bytes; K = SHA-256(K_PQ || K_CL) as a string.
 */
public final class MlKem768X25519 extends HybridKex {

    /** A stateless instance. */
    public MlKem768X25519() {
        super(new MlKem768(), new Curve25519(), Curve25519.KEY_LENGTH, "SHA-256");
    }

    /** @return the method name */
    @Override
    public String toString() {
        return "mlkem768x25519-sha256";
    }
}
