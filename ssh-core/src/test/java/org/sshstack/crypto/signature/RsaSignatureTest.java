package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** RSA specifics: agreement with the JCA, exact-length signatures, OpenSSH's left-padding rule, modulus bounds. */
class RsaSignatureTest {

    private static final byte[] DATA = "exchange hash".getBytes(StandardCharsets.UTF_8);
    private static KeyPair rsa2048;

    @BeforeAll
    static void generate() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        rsa2048 = gen.generateKeyPair();
    }

    @ParameterizedTest
    @CsvSource({"rsa-sha2-256, SHA256withRSA", "rsa-sha2-512, SHA512withRSA", "ssh-rsa, SHA1withRSA"})
    void agreesWithTheJcaBothWays(String name, String jcaName) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        byte[] ours = signatureBytes(algorithm.sign(rsa2048.getPrivate(), DATA, new SecureRandom()));
        assertThat(ours).hasSize(256);

        Signature jca = Signature.getInstance(jcaName);
        jca.initVerify(rsa2048.getPublic());
        jca.update(DATA);
        assertThat(jca.verify(ours)).isTrue();

        jca.initSign(rsa2048.getPrivate());
        jca.update(DATA);
        byte[] theirs = jca.sign();
        assertThat(theirs).isEqualTo(ours); // PKCS#1 v1.5 is deterministic
        assertThat(algorithm.verify(rsa2048.getPublic(), DATA, blob(name, theirs))).isTrue();
    }

    @Test
    void acceptsALeadingZeroStrippedSignatureAndRejectsALongerOne() throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require("rsa-sha2-512");
        byte[] message = null;
        byte[] signature = null;
        for (int i = 0; signature == null || signature[0] != 0; i++) {
            message = ("message " + i).getBytes(StandardCharsets.UTF_8);
            signature = signatureBytes(algorithm.sign(rsa2048.getPrivate(), message, new SecureRandom()));
        }
        assertThat(signature).hasSize(256);
        byte[] stripped = Arrays.copyOfRange(signature, 1, signature.length);
        assertThat(algorithm.verify(rsa2048.getPublic(), message, blob("rsa-sha2-512", stripped))).isTrue();

        byte[] longer = new byte[257];
        System.arraycopy(signature, 0, longer, 1, 256);
        byte[] finalMessage = message;
        assertThatThrownBy(() -> algorithm.verify(rsa2048.getPublic(), finalMessage, blob("rsa-sha2-512", longer)))
                .isInstanceOf(SshProtocolException.class);
        assertThat(algorithm.verify(rsa2048.getPublic(), message, blob("rsa-sha2-512", new byte[0]))).isFalse();
    }

    @Test
    void signatureEqualToOrAboveTheModulusIsRejected() throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require("rsa-sha2-256");
        BigInteger n = ((RSAPublicKey) rsa2048.getPublic()).getModulus();
        for (BigInteger value : new BigInteger[] {n, n.add(BigInteger.ONE), BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE)}) {
            byte[] raw = value.toByteArray();
            byte[] fixed = Arrays.copyOfRange(raw, raw.length - 256, raw.length);
            assertThat(algorithm.verify(rsa2048.getPublic(), DATA, blob("rsa-sha2-256", fixed))).isFalse();
        }
    }

    @Test
    void modulusBoundsAre2048To16384BitsCheckedBeforeAnyArithmetic() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair rsa2048 = gen.generateKeyPair();
        gen.initialize(1024, new SecureRandom());
        KeyPair rsa1024 = gen.generateKeyPair();
        SignatureAlgorithm algorithm = SignatureAlgorithms.require("rsa-sha2-512");

        byte[] ok = algorithm.sign(rsa2048.getPrivate(), DATA, new SecureRandom());
        assertThat(algorithm.verify(rsa2048.getPublic(), DATA, ok)).isTrue();

        assertThatThrownBy(() -> algorithm.sign(rsa1024.getPrivate(), DATA, new SecureRandom()))
                .isInstanceOf(UnsuitableKeyException.class).hasMessageContaining("1024");
        assertThatThrownBy(() -> algorithm.verify(rsa1024.getPublic(), DATA, blob("rsa-sha2-512", new byte[128])))
                .isInstanceOf(UnsuitableKeyException.class);
        RSAPublicKey huge = fakeKey(BigInteger.ONE.shiftLeft(16392).subtract(BigInteger.ONE));
        assertThatThrownBy(() -> algorithm.verify(huge, DATA, blob("rsa-sha2-512", new byte[1])))
                .isInstanceOf(UnsuitableKeyException.class).hasMessageContaining("16392");
    }

    private static RSAPublicKey fakeKey(BigInteger modulus) {
        return new RSAPublicKey() {
            private static final long serialVersionUID = 1L;

            @Override
            public BigInteger getPublicExponent() {
                return BigInteger.valueOf(65537);
            }

            @Override
            public BigInteger getModulus() {
                return modulus;
            }

            @Override
            public String getAlgorithm() {
                return "RSA";
            }

            @Override
            public String getFormat() {
                return null;
            }

            @Override
            public byte[] getEncoded() {
                return null;
            }
        };
    }

    static byte[] signatureBytes(byte[] blob) throws Exception {
        SshReader reader = new SshReader(blob);
        reader.readString();
        byte[] signature = reader.readString();
        reader.expectEnd();
        return signature;
    }

    static byte[] blob(String name, byte[] signature) {
        return new SshWriter().writeString(name).writeString(signature).toByteArray();
    }
}
