package org.sshstack.crypto.mac;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Wycheproof hmac_sha256_test.json and hmac_sha512_test.json (174 cases each) through {@link PacketMac}: a valid
 * case's tag equals the computed MAC (its prefix, for truncated tags); an invalid one does not. Keys of any length
 * are used, as HMAC allows.
 */
class WycheproofHmacTest {

    @ParameterizedTest
    @CsvSource({"hmac_sha256_test.json, HMAC_SHA2_256", "hmac_sha512_test.json, HMAC_SHA2_512"})
    void everyVector(String file, MacAlgorithm algorithm) throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            root = new ObjectMapper().readTree(in);
        }
        int valid = 0;
        int invalid = 0;
        int truncated = 0;
        for (JsonNode group : root.get("testGroups")) {
            int tagBytes = group.get("tagSize").asInt() / 8;
            for (JsonNode test : group.get("tests")) {
                byte[] key = HexFormat.of().parseHex(test.get("key").asText());
                byte[] msg = HexFormat.of().parseHex(test.get("msg").asText());
                byte[] tag = HexFormat.of().parseHex(test.get("tag").asText());
                PacketMac mac = PacketMac.withAnyKey(algorithm, key);
                byte[] out = new byte[mac.length()];
                mac.computeRaw(msg, 0, msg.length, out, 0);
                boolean matches = tag.length == tagBytes && ConstantTime.equals(out, 0, tag, 0, tagBytes);
                String id = "tcId " + test.get("tcId").asInt();
                if (test.get("result").asText().equals("valid")) {
                    valid++;
                    assertThat(matches).as(id).isTrue();
                } else {
                    invalid++;
                    assertThat(matches).as(id).isFalse();
                }
                if (tagBytes < mac.length()) {
                    truncated++;
                }
            }
        }
        assertThat(valid + invalid).isEqualTo(root.get("numberOfTests").asInt()).isEqualTo(174);
        assertThat(invalid).isEqualTo(108);
        assertThat(truncated).isEqualTo(87);
    }
}
