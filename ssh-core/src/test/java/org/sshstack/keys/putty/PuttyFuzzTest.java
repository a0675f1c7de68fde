package org.sshstack.keys.putty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.testing.TestKeys;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated PPK texts fail only with the project's exceptions (Argon2 cost kept low). */
class PuttyFuzzTest {

    private static final char[] PASS = "vector pass".toCharArray();
    private static final int SEEDS = 500;
    private static final List<String> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void samples() throws Exception {
        SecureRandom random = TestKeys.seeded(2); // deterministic: the samples are the same every run
        for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.ECDSA_NISTP256, KeyType.RSA}) {
            var pair = TestKeys.generate(type);
            SAMPLES.add(PuttyKeys.writeV3(pair, null, random));
            SAMPLES.add(PuttyKeys.writeV3(pair, PASS, random, 16, 1));
        }
        SAMPLES.add(PuttyVectorTest.resource("ed25519_v2_pw.ppk"));
        SAMPLES.add(PuttyVectorTest.resource("ecdsa384_v2.ppk"));
        SAMPLES.add(PuttyKeysTest.PUTTYGEN_V3);
    }

    @Test
    void mutatedTexts() {
        int loaded = 0;
        for (String sample : SAMPLES) {
            byte[] bytes = sample.getBytes(StandardCharsets.UTF_8);
            for (long seed = 0; seed < SEEDS; seed++) {
                String text = new String(Mutations.mutate(bytes, seed), StandardCharsets.UTF_8);
                try {
                    PuttyKeys.read(text, PASS);
                    loaded++;
                } catch (SshException expected) {
                    // the only acceptable failure
                }
            }
        }
        assertThat(loaded).isGreaterThan(0);
    }

    @Test
    void mutatedBlobsWithValidMacs() throws Exception {
        // re-MAC mutated public and private blobs so the parsers behind the MAC check are reached
        var pair = TestKeys.generate(KeyType.ECDSA_NISTP384);
        byte[] publicBlob = pair.publicKey().blob();
        byte[] privateBlob = PpkPrivateBlob.encode(pair);
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] pub = seed % 2 == 0 ? Mutations.mutate(publicBlob, seed) : publicBlob;
            byte[] priv = seed % 2 == 1 ? Mutations.mutate(privateBlob, seed) : privateBlob;
            PpkFile draft = new PpkFile(3, pair.publicKey().typeName(), "none", "c", pub, null, priv, new byte[0]);
            byte[] mac = PpkCrypto.mac(3, new byte[0], draft, priv);
            String text = new PpkFile(3, draft.algorithm(), "none", "c", pub, null, priv, mac).format();
            try {
                PuttyKeys.read(text, null);
            } catch (SshException expected) {
                // the only acceptable failure
            }
        }
    }
}
