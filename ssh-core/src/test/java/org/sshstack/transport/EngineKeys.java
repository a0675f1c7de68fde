package org.sshstack.transport;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.EnumMap;
import java.util.Map;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.openssh.OpenSshPublicKeyFile;
import org.sshstack.transport.kex.ServerHostKey;

/** Test support: one host key per family, generated once per JVM, and a certificate host key from the corpus. */
final class EngineKeys {

    private static final Map<KeyType, KeyPair> KEYS = new EnumMap<>(KeyType.class);

    private EngineKeys() {
    }

    static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static KeyPair pair(KeyType type) {
        return KEYS.computeIfAbsent(type, t -> switch (t) {
            case ED25519 -> generate("Ed25519", null);
            case ECDSA_NISTP256 -> generate("EC", "secp256r1");
            case ECDSA_NISTP384 -> generate("EC", "secp384r1");
            case ECDSA_NISTP521 -> generate("EC", "secp521r1");
            case RSA -> generate("RSA", null);
            default -> throw new AssertionError(t);
        });
    }

    private static KeyPair generate(String algorithm, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else if (algorithm.equals("RSA")) {
                generator.initialize(2048);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    static ServerHostKey hostKey(KeyType type) {
        KeyPair pair = pair(type);
        try {
            return new ServerHostKey(new StandardPublicKey(type, pair.getPublic()),
                    JcaSshSigner.of(pair.getPrivate(), seeded(7)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The corpus ed25519 key with its certificate, as a certificate host key. */
    static ServerHostKey certificateHostKey(Path tempDir) throws Exception {
        Path key = tempDir.resolve("ed25519_1");
        try (InputStream in = EngineKeys.class.getResourceAsStream("engine/ed25519_1")) {
            Files.write(key, in.readAllBytes());
        }
        SshKeyPair pair = KeyFiles.readPrivateKey(key, null);
        String certText;
        try (InputStream in = EngineKeys.class.getResourceAsStream("engine/ed25519_1-cert.pub")) {
            certText = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
        return new ServerHostKey(OpenSshPublicKeyFile.read(certText).key(),
                JcaSshSigner.of(pair.privateKey(), seeded(8)));
    }
}
