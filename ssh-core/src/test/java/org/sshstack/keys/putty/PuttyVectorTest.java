package org.sshstack.keys.putty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.testing.TestKeys;

/** Fixed puttygen files (see SOURCE.txt): v2 and v3, every Argon2 flavour, load with the right public key and comment. */
class PuttyVectorTest {

    static String resource(String name) throws IOException {
        try (InputStream in = PuttyVectorTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @CsvSource({"ed25519_v2_pw,v2-ed25519,true", "ecdsa384_v2,v2-ecdsa384,false",
        "rsa_v3_pw_argon2i,v3-rsa-argon2i,true", "ecdsa521_v3_pw_argon2d,v3-ecdsa521-argon2d,true"})
    void vectorLoads(String name, String comment, boolean encrypted) throws Exception {
        String text = resource(name + ".ppk");
        SshKeyPair pair = PuttyKeys.read(text, encrypted ? "vector pass".toCharArray() : null);
        assertThat(pair.comment()).isEqualTo(comment);
        assertThat(TestKeys.base64(pair.publicKey())).isEqualTo(TestKeys.base64Field(resource(name + ".pub")));
        if (encrypted) {
            assertThatThrownBy(() -> PuttyKeys.read(text, "vector pasS".toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class);
        }
    }
}
