package org.sshstack.keys.pem;

import org.sshstack.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.WrongPassphraseException;

/** OpenSSH's PEM corpus (see corpus/SOURCE.txt): every key loads and matches its .pub and .fp files. */
class PemCorpusTest {

    private static final char[] PASSPHRASE = "mekmitasdigoat".toCharArray();

    static String resource(String name) throws IOException {
        try (InputStream in = PemCorpusTest.class.getResourceAsStream("corpus/" + name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_1", "rsa_2", "ecdsa_1", "ecdsa_2"})
    void plainKeyMatchesPublicAndFingerprint(String name) throws Exception {
        SshKeyPair pair = PemKeys.read(resource(name), null);
        assertMatches(pair, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_1", "ecdsa_1"})
    void encryptedKeyMatchesPublicAndFingerprint(String name) throws Exception {
        SshKeyPair pair = PemKeys.read(resource(name + "_pw"), PASSPHRASE);
        assertMatches(pair, name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_1_pw", "ecdsa_1_pw"})
    void encryptedKeyNeedsTheRightPassphrase(String name) throws Exception {
        String text = resource(name);
        assertThatThrownBy(() -> PemKeys.read(text, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> PemKeys.read(text, "mekmitasdigoaT".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageNotContaining("mekmitasdigoa");
        // as in openssh-key-v1 and PPK: an empty passphrase on an encrypted file means none was given
        assertThatThrownBy(() -> PemKeys.read(text, new char[0])).isInstanceOf(PassphraseRequiredException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rsa_1", "ecdsa_1"})
    void plainKeyIgnoresAPassphrase(String name) throws Exception {
        assertMatches(PemKeys.read(resource(name), PASSPHRASE), name);
    }

    private static void assertMatches(SshKeyPair pair, String name) throws IOException {
        assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(TestKeys.base64Field(resource(name + ".pub")));
        assertThat(Fingerprints.sha256(pair.publicKey())).isEqualTo(resource(name + ".fp").strip());
        assertThat(pair.privateKey()).isNotNull();
        assertThat(pair.comment()).isEmpty();
        assertThat(pair.toString()).doesNotContain(pair.privateKey().toString());
    }
}
