package org.sshstack.keys.pem;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;

/** Fresh JCA key pairs wrapped as {@link SshKeyPair}s, and OpenSSH public-line helpers, for the key-file tests. */
public final class TestKeys {

    private TestKeys() {
    }

    /**
     * @param type ED25519, ECDSA_* or RSA (2048 bits) or DSA
     * @return a new pair with comment "test"
     */
    public static SshKeyPair generate(KeyType type) throws Exception {
        KeyPairGenerator generator;
        switch (type) {
            case ED25519 -> generator = KeyPairGenerator.getInstance("Ed25519");
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> {
                generator = KeyPairGenerator.getInstance("EC");
                String curve = type.curveName().orElseThrow().replace("nistp", "secp") + "r1";
                generator.initialize(new ECGenParameterSpec(curve));
            }
            case RSA -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
            }
            case DSA -> {
                generator = KeyPairGenerator.getInstance("DSA");
                generator.initialize(1024);
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
