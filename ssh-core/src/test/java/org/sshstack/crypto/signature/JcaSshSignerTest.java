package org.sshstack.crypto.signature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The JCA-backed {@link SshSigner}: key type detection, algorithm checks, and no key material in messages. */
class JcaSshSignerTest {

    private static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);

    @Test
    void refusesAnAlgorithmOfAnotherKeyType() throws Exception {
        KeyPair ed = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        SshSigner signer = JcaSshSigner.of(ed.getPrivate(), new SecureRandom());
        assertThat(signer.keyTypeName()).isEqualTo("ssh-ed25519");
        assertThat(signer.algorithmNames()).containsExactly("ssh-ed25519");
        assertThatThrownBy(() -> signer.sign("rsa-sha2-256", DATA)).isInstanceOf(UnsuitableKeyException.class);
        assertThatThrownBy(() -> signer.sign("ssh-dss", DATA)).isInstanceOf(UnsupportedSignatureAlgorithmException.class);
    }

    @Test
    void rsaSignerOffersSha2OnlyButCanSignLegacyWhenAsked() throws Exception {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
        gen.initialize(2048, new SecureRandom());
        KeyPair rsa = gen.generateKeyPair();
        SshSigner signer = JcaSshSigner.of(rsa.getPrivate(), new SecureRandom());
        assertThat(signer.keyTypeName()).isEqualTo("ssh-rsa");
        assertThat(signer.algorithmNames()).containsExactly("rsa-sha2-512", "rsa-sha2-256");
        byte[] legacy = signer.sign("ssh-rsa", DATA);
        assertThat(SignatureAlgorithms.require("ssh-rsa").verify(rsa.getPublic(), DATA, legacy)).isTrue();
    }

    @Test
    void unsupportedKeyTypesAreRefused() throws Exception {
        KeyPair ed448 = KeyPairGenerator.getInstance("Ed448").generateKeyPair();
        assertThatThrownBy(() -> JcaSshSigner.of(ed448.getPrivate(), new SecureRandom()))
                .isInstanceOf(UnsuitableKeyException.class);
        assertThatThrownBy(() -> SignatureAlgorithms.require("ssh-ed25519").sign(ed448.getPrivate(), DATA, new SecureRandom()))
                .isInstanceOf(UnsuitableKeyException.class);
    }

    @Test
    void unknownNamesAreReportedPrintably() {
        assertThatThrownBy(() -> SignatureAlgorithms.require("evil\r\nname"))
                .isInstanceOfSatisfying(UnsupportedSignatureAlgorithmException.class, e -> {
                    assertThat(e.algorithmName()).isEqualTo("evil\r\nname");
                    assertThat(e.getMessage()).doesNotContain("\r", "\n").contains("evil??name");
                });
    }
}
