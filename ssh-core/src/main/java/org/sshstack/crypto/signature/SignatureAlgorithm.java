package org.sshstack.crypto.signature;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import org.sshstack.SshException;

/**
 * One SSH signature algorithm, named as on the wire. Implementations are immutable and thread-safe.
 *
 * <p>Error contract of {@link #verify}: {@code false} for a well-formed signature that does not verify (including
 * values out of range, such as an ECDSA {@code r} of zero or an Ed25519 {@code S >= L});
 * {@link org.sshstack.SshProtocolException} for a blob that is malformed (truncated, trailing bytes, non-canonical
 * mpint, wrong length) or whose name is not {@link #name()}; {@link UnsuitableKeyException} for a key that does not
 * fit the algorithm (wrong type or curve, RSA modulus outside the accepted range).
 */
public interface SignatureAlgorithm {

    /** @return the wire name, e.g. {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code rsa-sha2-512} */
    String name();

    /** @return the key type this algorithm signs with: {@code ssh-ed25519}, {@code ecdsa-sha2-nistp256}, {@code ssh-rsa} */
    String keyTypeName();

    /** @return true for algorithms that are opt-in only because they are weak ({@code ssh-rsa}: SHA-1) */
    boolean legacy();

    /**
     * Signs data and returns the SSH signature blob {@code string name || string signature} (RFC 4253 §6.6).
     *
     * @param key the private key; must fit {@link #keyTypeName()}
     * @param data the data to sign
     * @param random randomness where the algorithm uses any (ECDSA and Ed25519 are deterministic and ignore it)
     * @return the signature blob
     * @throws SshException if the key does not fit or the signature could not be produced
     */
    byte[] sign(PrivateKey key, byte[] data, SecureRandom random) throws SshException;

    /**
     * Verifies an SSH signature blob over data.
     *
     * @param key the public key; must fit {@link #keyTypeName()}
     * @param data the data that was signed
     * @param signatureBlob {@code string name || string signature}
     * @return true only for a valid signature
     * @throws SshException for a malformed blob, a blob of another algorithm, or an unsuitable key (see the class comment)
     */
    boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) throws SshException;
}
