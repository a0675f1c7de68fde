package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * Interop with OpenSSH through its file signatures (PROTOCOL.sshsig), which carry a plain SSH signature blob:
 * we verify what {@code ssh-keygen -Y sign} makes, and {@code ssh-keygen -Y verify} accepts what we make.
 */
class OpenSshSignatureInteropTest {

    private static final String NAMESPACE = "file";
    private static final byte[] MESSAGE = "a message signed across implementations\n".getBytes(StandardCharsets.UTF_8);

    @ParameterizedTest
    @CsvSource({"ed25519, 0", "ecdsa, 256", "ecdsa, 384", "ecdsa, 521", "rsa, 3072"})
    void weVerifyOpenSshSignatures(String type, int bits, @TempDir Path dir) throws Exception {
        Path key = dir.resolve("key");
        if (bits == 0) {
            PeerTools.run("ssh-keygen", "-q", "-t", type, "-N", "", "-f", key.toString()).assertSuccess();
        } else {
            PeerTools.run("ssh-keygen", "-q", "-t", type, "-b", Integer.toString(bits), "-N", "", "-f", key.toString())
                    .assertSuccess();
        }
        Path message = dir.resolve("msg");
        Files.write(message, MESSAGE);
        PeerTools.run("ssh-keygen", "-Y", "sign", "-f", key.toString(), "-n", NAMESPACE, message.toString())
                .assertSuccess();

        SshReader sig = new SshReader(dearmor(Files.readString(dir.resolve("msg.sig"))));
        assertThat(new String(sig.readBytes(6), StandardCharsets.US_ASCII)).isEqualTo("SSHSIG");
        assertThat(sig.readUint32()).isEqualTo(1);
        StandardPublicKey publicKey = (StandardPublicKey) PublicKeyCodec.decode(sig.readString());
        String namespace = sig.readUtf8();
        byte[] reserved = sig.readString();
        String hash = sig.readAscii();
        byte[] signatureBlob = sig.readString();
        sig.expectEnd();

        String algorithmName = new SshReader(signatureBlob).readAscii();
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(algorithmName);
        assertThat(algorithm.keyTypeName()).isEqualTo(publicKey.typeName());
        assertThat(algorithm.verify(publicKey.javaKey(), signedData(namespace, reserved, hash, MESSAGE), signatureBlob))
                .isTrue();
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        assertThat(algorithm.verify(publicKey.javaKey(), signedData(namespace, reserved, hash, other), signatureBlob))
                .isFalse();
    }

    @ParameterizedTest
    @CsvSource({"ssh-ed25519, ED25519, ", "ecdsa-sha2-nistp256, ECDSA_NISTP256, secp256r1",
        "ecdsa-sha2-nistp384, ECDSA_NISTP384, secp384r1", "ecdsa-sha2-nistp521, ECDSA_NISTP521, secp521r1",
        "rsa-sha2-256, RSA, ", "rsa-sha2-512, RSA, "})
    void openSshVerifiesOurSignatures(String algorithmName, KeyType keyType, String curve, @TempDir Path dir)
            throws Exception {
        KeyPair pair = generate(keyType, curve);
        byte[] publicBlob = new StandardPublicKey(keyType, pair.getPublic()).blob();
        SshSigner signer = JcaSshSigner.of(pair.getPrivate(), new SecureRandom());
        byte[] signatureBlob = signer.sign(algorithmName, signedData(NAMESPACE, new byte[0], "sha512", MESSAGE));

        byte[] sshsig = new SshWriter().writeBytes("SSHSIG".getBytes(StandardCharsets.US_ASCII)).writeUint32(1)
                .writeString(publicBlob).writeString(NAMESPACE).writeString(new byte[0]).writeString("sha512")
                .writeString(signatureBlob).toByteArray();
        Path sigFile = dir.resolve("msg.sig");
        Files.writeString(sigFile, "-----BEGIN SSH SIGNATURE-----\n"
                + Base64.getMimeEncoder(76, new byte[] {'\n'}).encodeToString(sshsig) + "\n-----END SSH SIGNATURE-----\n");
        Path allowed = dir.resolve("allowed_signers");
        Files.writeString(allowed, "tester@example " + keyType.wireName() + " "
                + Base64.getEncoder().encodeToString(publicBlob) + "\n");

        PeerTools.runWithInput(MESSAGE, "ssh-keygen", "-Y", "verify", "-f", allowed.toString(), "-I", "tester@example",
                "-n", NAMESPACE, "-s", sigFile.toString()).assertSuccess();
        byte[] other = MESSAGE.clone();
        other[0] ^= 1;
        assertThat(PeerTools.runWithInput(other, "ssh-keygen", "-Y", "verify", "-f", allowed.toString(), "-I",
                "tester@example", "-n", NAMESPACE, "-s", sigFile.toString()).exitCode()).isNotZero();
    }

    private static KeyPair generate(KeyType keyType, String curve) throws Exception {
        if (keyType == KeyType.ED25519) {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        }
        KeyPairGenerator gen = KeyPairGenerator.getInstance(keyType == KeyType.RSA ? "RSA" : "EC");
        if (keyType == KeyType.RSA) {
            gen.initialize(3072, new SecureRandom());
        } else {
            gen.initialize(new ECGenParameterSpec(curve));
        }
        return gen.generateKeyPair();
    }

    /** PROTOCOL.sshsig §3: "SSHSIG" || string namespace || string reserved || string hash_algorithm || string H(message). */
    private static byte[] signedData(String namespace, byte[] reserved, String hash, byte[] message) throws Exception {
        assertThat(hash).isEqualTo("sha512");
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(message);
        return new SshWriter().writeBytes("SSHSIG".getBytes(StandardCharsets.US_ASCII)).writeString(namespace)
                .writeString(reserved).writeString(hash).writeString(digest).toByteArray();
    }

    private static byte[] dearmor(String armored) {
        String body = armored.replace("-----BEGIN SSH SIGNATURE-----", "").replace("-----END SSH SIGNATURE-----", "");
        return Base64.getMimeDecoder().decode(body.strip());
    }
}
