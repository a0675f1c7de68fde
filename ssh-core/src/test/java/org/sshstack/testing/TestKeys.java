package org.sshstack.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;

/**
 * Deterministic JCA key pairs wrapped as {@link SshKeyPair}s, and OpenSSH public-line helpers, for the key-file tests.
 * Keys come from a seeded {@code SHA1PRNG} so that fuzz tests built on them are reproducible.
 */
public final class TestKeys {

    private TestKeys() {
    }

    /**
     * @param type ED25519, ECDSA_* or RSA (2048 bits) or DSA (1024 bits)
     * @return the pair for seed 1, with comment "test"
     */
    public static SshKeyPair generate(KeyType type) throws Exception {
        return generate(type, 1);
    }

    /**
     * @param seed the seed of the deterministic generator
     * @return a {@code SHA1PRNG} seeded before first use, so its output depends only on the seed
     */
    public static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param type ED25519, ECDSA_* or RSA (2048 bits) or DSA (1024 bits)
     * @param seed the generator seed: the same seed gives the same key
     * @return the pair, with comment "test"
     */
    public static SshKeyPair generate(KeyType type, long seed) throws Exception {
        SecureRandom random = seeded(seed * 31 + type.ordinal());
        KeyPairGenerator generator;
        switch (type) {
            case ED25519 -> {
                generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(255, random);
            }
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> {
                generator = KeyPairGenerator.getInstance("EC");
                String curve = type.curveName().orElseThrow().replace("nistp", "secp") + "r1";
                generator.initialize(new ECGenParameterSpec(curve), random);
            }
            case RSA -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048, random);
            }
            case DSA -> {
                generator = KeyPairGenerator.getInstance("DSA");
                generator.initialize(1024, random);
            }
            default -> throw new IllegalArgumentException(type.toString());
        }
        KeyPair pair = generator.generateKeyPair();
        return new SshKeyPair(new StandardPublicKey(type, pair.getPublic()), pair.getPrivate(), "test");
    }

    /**
     * @param key a public key
     * @return its base64 blob, as in an OpenSSH public key line
     */
    public static String base64(SshPublicKey key) {
        return Base64.getEncoder().encodeToString(key.blob());
    }

    /**
     * @param line an OpenSSH public key line {@code type base64 [comment]}
     * @return the base64 field
     */
    public static String base64Field(String line) {
        return line.strip().split("\\s+")[1];
    }
}
