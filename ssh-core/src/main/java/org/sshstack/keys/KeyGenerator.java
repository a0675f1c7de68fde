package org.sshstack.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Objects;
import org.sshstack.SshProtocolException;

/**
 * Generates new key pairs (ed25519, ECDSA on nistp256/384/521, RSA of at least 2048 bits) with the JDK's
 * providers and randomness from the caller, as {@code ssh-keygen -t} does. Stateless and thread-safe.
 */
public final class KeyGenerator {

    /** Smallest RSA size generated: 2048 bits (NIST SP 800-131A; OpenSSH's RequiredRSASize is 1024, we ask more). */
    public static final int MIN_RSA_BITS = 2048;

    /** Largest RSA size generated, the wire cap. */
    public static final int MAX_RSA_BITS = 16384;

    /** Default RSA size, as ssh-keygen: 3072 bits. */
    public static final int DEFAULT_RSA_BITS = 3072;

    private KeyGenerator() {
    }

    /**
     * @param comment the comment for the pair
     * @param random the randomness
     * @return a new ed25519 key pair
     */
    public static SshKeyPair ed25519(String comment, SecureRandom random) {
        KeyPair pair = generate("Ed25519", new NamedParameterSpec("Ed25519"), random);
        try {
            byte[] raw = PublicKeyCodec.rawEd25519(pair.getPublic());
            return new SshKeyPair(new StandardPublicKey(KeyType.ED25519, PublicKeyCodec.ed25519(raw)),
                    pair.getPrivate(), comment);
        } catch (SshProtocolException e) {
            throw new IllegalStateException("the JDK generated an invalid Ed25519 key", e);
        }
    }

    /**
     * @param type {@link KeyType#ECDSA_NISTP256}, {@link KeyType#ECDSA_NISTP384} or {@link KeyType#ECDSA_NISTP521}
     * @param comment the comment for the pair
     * @param random the randomness
     * @return a new ECDSA key pair
     */
    public static SshKeyPair ecdsa(KeyType type, String comment, SecureRandom random) {
        String curve = switch (type) {
            case ECDSA_NISTP256 -> "secp256r1";
            case ECDSA_NISTP384 -> "secp384r1";
            case ECDSA_NISTP521 -> "secp521r1";
            default -> throw new IllegalArgumentException(type + " is not an ECDSA type");
        };
        KeyPair pair = generate("EC", new ECGenParameterSpec(curve), random);
        return new SshKeyPair(new StandardPublicKey(type, pair.getPublic()), pair.getPrivate(), comment);
    }

    /**
     * @param bits the modulus size, {@value #MIN_RSA_BITS}..{@value #MAX_RSA_BITS}
     * @param comment the comment for the pair
     * @param random the randomness
     * @return a new RSA key pair with public exponent 65537
     * @throws IllegalArgumentException if {@code bits} is out of range
     */
    public static SshKeyPair rsa(int bits, String comment, SecureRandom random) {
        if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
            throw new IllegalArgumentException("RSA keys must have " + MIN_RSA_BITS + " to " + MAX_RSA_BITS
                    + " bits, not " + bits);
        }
        KeyPair pair = generate("RSA", new RSAKeyGenParameterSpec(bits, BigInteger.valueOf(65537)), random);
        return new SshKeyPair(new StandardPublicKey(KeyType.RSA, pair.getPublic()), pair.getPrivate(), comment);
    }

    /**
     * @param type ED25519, one of the ECDSA types, or RSA (at {@link #DEFAULT_RSA_BITS})
     * @param comment the comment for the pair
     * @param random the randomness
     * @return a new key pair
     * @throws IllegalArgumentException for DSA and security-key types, which cannot be generated here
     */
    public static SshKeyPair generate(KeyType type, String comment, SecureRandom random) {
        return switch (type) {
            case ED25519 -> ed25519(comment, random);
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> ecdsa(type, comment, random);
            case RSA -> rsa(DEFAULT_RSA_BITS, comment, random);
            default -> throw new IllegalArgumentException("cannot generate " + type.wireName() + " keys");
        };
    }

    private static KeyPair generate(String algorithm, java.security.spec.AlgorithmParameterSpec spec,
            SecureRandom random) {
        Objects.requireNonNull(random, "random");
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            generator.initialize(spec, random);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " key generation is not available", e);
        }
    }
}
