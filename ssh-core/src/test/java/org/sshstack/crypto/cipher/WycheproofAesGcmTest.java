package org.sshstack.crypto.cipher;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Wycheproof aes_gcm_test.json through the primitive {@link AesGcm} uses: the JCA "AES/GCM/NoPadding" cipher, called
 * the same way (AAD first, then an in-place doFinal on a shared buffer). All 316 cases run: the 197 with a 12-byte IV
 * and 16-byte tag are the SSH-shaped ones (RFC 5647 §6); the other 119 (IV sizes 0-2056 bits) go through the same
 * primitive, where a 0-length IV must be refused.
 */
class WycheproofAesGcmTest {

    @Test
    void everyVector() throws Exception {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("aes_gcm_test.json")) {
            root = new ObjectMapper().readTree(in);
        }
        int sshShaped = 0;
        int other = 0;
        for (JsonNode group : root.get("testGroups")) {
            boolean ssh = group.get("ivSize").asInt() == 96 && group.get("tagSize").asInt() == 128;
            for (JsonNode test : group.get("tests")) {
                check(test);
                if (ssh) {
                    sshShaped++;
                } else {
                    other++;
                }
            }
        }
        assertThat(sshShaped + other).isEqualTo(root.get("numberOfTests").asInt());
        assertThat(sshShaped).isEqualTo(197);
        assertThat(other).isEqualTo(119);
    }

    private static void check(JsonNode test) {
        String id = "tcId " + test.get("tcId").asInt();
        byte[] key = Hex.bytes(test.get("key").asText());
        byte[] iv = Hex.bytes(test.get("iv").asText());
        byte[] aad = Hex.bytes(test.get("aad").asText());
        byte[] msg = Hex.bytes(test.get("msg").asText());
        byte[] sealed = Hex.bytes(test.get("ct").asText() + test.get("tag").asText());
        byte[] opened = open(key, iv, aad, sealed);
        if (test.get("result").asText().equals("valid")) {
            assertThat(seal(key, iv, aad, msg)).as(id).isEqualTo(sealed);
            assertThat(opened).as(id).isEqualTo(msg);
        } else {
            assertThat(opened).as(id).isNull();
        }
    }

    private static byte[] seal(byte[] key, byte[] iv, byte[] aad, byte[] msg) {
        try {
            Cipher cipher = init(Cipher.ENCRYPT_MODE, key, iv);
            byte[] buf = Arrays.copyOf(msg, msg.length + 16);
            cipher.updateAAD(aad);
            int n = cipher.doFinal(buf, 0, msg.length, buf, 0);
            return Arrays.copyOf(buf, n);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** @return the plaintext, or null when the primitive refuses the parameters or the tag */
    private static byte[] open(byte[] key, byte[] iv, byte[] aad, byte[] sealed) {
        try {
            Cipher cipher = init(Cipher.DECRYPT_MODE, key, iv);
            byte[] buf = sealed.clone();
            cipher.updateAAD(aad);
            int n = cipher.doFinal(buf, 0, buf.length, buf, 0);
            return Arrays.copyOf(buf, n);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Cipher init(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        return cipher;
    }
}
