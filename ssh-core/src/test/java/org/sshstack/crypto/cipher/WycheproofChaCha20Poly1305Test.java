package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof chacha20_poly1305_test.json (RFC 8439 AEAD, 96-bit nonce) through {@link Rfc8439Aead}, i.e. through
 * the project's ChaCha20 and Poly1305: every valid case must seal to the given ct || tag and open; every invalid one
 * must be rejected.
 */
class WycheproofChaCha20Poly1305Test {

    @Test
    void everyVector() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("chacha20_poly1305_test.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int valid = 0;
        int invalid = 0;
        for (JsonNode group : root.get("testGroups")) {
            for (JsonNode test : group.get("tests")) {
                String id = "tcId " + test.get("tcId").asInt();
                byte[] key = Hex.bytes(test.get("key").asText());
                byte[] iv = Hex.bytes(test.get("iv").asText());
                byte[] aad = Hex.bytes(test.get("aad").asText());
                byte[] msg = Hex.bytes(test.get("msg").asText());
                byte[] sealed = Hex.bytes(test.get("ct").asText() + test.get("tag").asText());
                byte[] opened = Rfc8439Aead.open(key, iv, aad, sealed);
                if (test.get("result").asText().equals("valid")) {
                    valid++;
                    assertThat(Rfc8439Aead.seal(key, iv, aad, msg)).as(id).isEqualTo(sealed);
                    assertThat(opened).as(id).isEqualTo(msg);
                } else {
                    invalid++;
                    assertThat(opened).as(id).isNull();
                }
            }
        }
        assertThat(valid + invalid).isEqualTo(root.get("numberOfTests").asInt());
        assertThat(valid).isEqualTo(256);
        assertThat(invalid).isEqualTo(69);
    }
}
