package org.sshstack.crypto.signature;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Objects;
import org.sshstack.SshException;

/** An {@link SshSigner} over an in-memory JCA private key. Immutable; toString never shows the key. */
public final class JcaSshSigner implements SshSigner {

    private final PrivateKey key;
    private final String keyTypeName;
    private final SecureRandom random;

    private JcaSshSigner(PrivateKey key, String keyTypeName, SecureRandom random) {
        this.key = key;
        this.keyTypeName = keyTypeName;
        this.random = random;
    }

    /**
     * @param key an RSA, NIST P-256/384/521 EC, or Ed25519 private key
     * @param random randomness for algorithms that use it (RSA blinding)
     * @return a signer for the key
     * @throws UnsuitableKeyException if the key type is not supported
     */
    public static JcaSshSigner of(PrivateKey key, SecureRandom random) throws UnsuitableKeyException {
        Objects.requireNonNull(random, "random");
        return new JcaSshSigner(key, keyTypeOf(key), random);
    }

    /**
     * @param key a private key
     * @return the SSH key type name it signs as
     * @throws UnsuitableKeyException if the key type is not supported
     */
    public static String keyTypeOf(PrivateKey key) throws UnsuitableKeyException {
        if (key instanceof RSAPrivateKey) {
            return "ssh-rsa";
        }
        if (key instanceof ECPrivateKey ec) {
            for (EcdsaCurve curve : EcdsaCurve.values()) {
                if (curve.matches(ec.getParams())) {
                    return curve.algorithmName();
                }
            }
            throw new UnsuitableKeyException("EC key is not on nistp256, nistp384 or nistp521");
        }
        if (key instanceof EdECPrivateKey ed && "Ed25519".equalsIgnoreCase(ed.getParams().getName())
                || key != null && "Ed25519".equalsIgnoreCase(key.getAlgorithm())) {
            return Ed25519SignatureAlgorithm.NAME;
        }
        throw new UnsuitableKeyException("no SSH signature algorithm for " + Ed25519SignatureAlgorithm.describe(key));
    }

    @Override
    public String keyTypeName() {
        return keyTypeName;
    }

    @Override
    public byte[] sign(String algorithmName, byte[] data) throws SshException {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(algorithmName);
        if (!algorithm.keyTypeName().equals(keyTypeName)) {
            throw new UnsuitableKeyException(algorithmName + " cannot sign with a " + keyTypeName + " key");
        }
        return algorithm.sign(key, data, random);
    }

    @Override
    public String toString() {
        return "JcaSshSigner[" + keyTypeName + "]";
    }
}
