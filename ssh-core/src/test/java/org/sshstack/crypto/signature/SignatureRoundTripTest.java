package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/** Sign/verify round trips for every algorithm, through the registry and the JCA signer. */
class SignatureRoundTripTest {

    private static final byte[] DATA = "session id and userauth request".getBytes(StandardCharsets.UTF_8);

    static Stream<Arguments> algorithms() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator rsaGen = KeyPairGenerator.getInstance("RSA");
        rsaGen.initialize(2048, new SecureRandom());
        KeyPair rsa = rsaGen.generateKeyPair();
        return Stream.of(
                Arguments.of("ssh-ed25519", ed),
                Arguments.of("ecdsa-sha2-nistp256", ec("secp256r1")),
                Arguments.of("ecdsa-sha2-nistp384", ec("secp384r1")),
                Arguments.of("ecdsa-sha2-nistp521", ec("secp521r1")),
                Arguments.of("rsa-sha2-256", rsa),
                Arguments.of("rsa-sha2-512", rsa),
                Arguments.of("ssh-rsa", rsa));
    }

    static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec(curve));
        return gen.generateKeyPair();
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void signsAndVerifies(String name, KeyPair pair) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        byte[] blob = algorithm.sign(pair.getPrivate(), DATA, new SecureRandom());

        SshReader reader = new SshReader(blob);
        assertThat(reader.readAscii()).isEqualTo(name);
        reader.readString();
        assertThat(reader.hasRemaining()).isFalse();

        assertThat(algorithm.verify(pair.getPublic(), DATA, blob)).isTrue();
        byte[] other = DATA.clone();
        other[0] ^= 1;
        assertThat(algorithm.verify(pair.getPublic(), other, blob)).isFalse();
        assertThat(algorithm.legacy()).isEqualTo(name.equals("ssh-rsa"));
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void jcaSignerProducesVerifiableBlobs(String name, KeyPair pair) throws Exception {
        SshSigner signer = JcaSshSigner.of(pair.getPrivate(), new SecureRandom());
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        assertThat(signer.keyTypeName()).isEqualTo(algorithm.keyTypeName());
        assertThat(signer.algorithmNames()).contains(name.equals("ssh-rsa") ? "rsa-sha2-512" : name)
                .doesNotContain("ssh-rsa");
        assertThat(algorithm.verify(pair.getPublic(), DATA, signer.sign(name, DATA))).isTrue();
        assertThat(signer.toString()).doesNotContain(pair.getPrivate().toString());
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void blobOfAnotherAlgorithmIsMalformed(String name, KeyPair pair) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        byte[] blob = algorithm.sign(pair.getPrivate(), DATA, new SecureRandom());
        for (SignatureAlgorithm other : SignatureAlgorithms.forKeyType(algorithm.keyTypeName())) {
            if (!other.name().equals(name)) {
                assertThatThrownBy(() -> other.verify(pair.getPublic(), DATA, blob))
                        .isInstanceOf(SshProtocolException.class);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("algorithms")
    void wrongKeyTypeIsUnsuitable(String name, KeyPair pair) throws Exception {
        SignatureAlgorithm algorithm = SignatureAlgorithms.require(name);
        KeyPair wrong = name.equals("ssh-ed25519") ? ec("secp256r1") : KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertThatThrownBy(() -> algorithm.sign(wrong.getPrivate(), DATA, new SecureRandom()))
                .isInstanceOf(UnsuitableKeyException.class);
        byte[] blob = algorithm.sign(pair.getPrivate(), DATA, new SecureRandom());
        assertThatThrownBy(() -> algorithm.verify(wrong.getPublic(), DATA, blob))
                .isInstanceOf(UnsuitableKeyException.class);
    }

    @Test
    void ecdsaKeyOnAnotherCurveIsUnsuitable() throws Exception {
        KeyPair p384 = ec("secp384r1");
        SignatureAlgorithm p256 = SignatureAlgorithms.require("ecdsa-sha2-nistp256");
        assertThatThrownBy(() -> p256.sign(p384.getPrivate(), DATA, new SecureRandom()))
                .isInstanceOf(UnsuitableKeyException.class);
    }

    @Test
    void registryKnowsEveryNameAndRejectsUnknownOnes() {
        assertThat(SignatureAlgorithms.all()).extracting(SignatureAlgorithm::name).containsExactly(
                "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
                "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
        assertThat(SignatureAlgorithms.byName("ssh-dss")).isEmpty();
        assertThat(SignatureAlgorithms.byName(null)).isEmpty();
        assertThatThrownBy(() -> SignatureAlgorithms.require("ssh-dss"))
                .isInstanceOf(UnsupportedSignatureAlgorithmException.class)
                .hasMessageContaining("ssh-dss");
        assertThat(SignatureAlgorithms.forKeyType("ssh-rsa")).extracting(SignatureAlgorithm::name)
                .containsExactly("rsa-sha2-512", "rsa-sha2-256", "ssh-rsa");
    }
}
