package org.sshstack.keys.pem;

import org.sshstack.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated PEM texts and DER bodies fail only with the project's exceptions. */
class PemFuzzTest {

    private static final char[] PASS = "fuzz".toCharArray();
    private static final int SEEDS = 400;

    /** A valid sample: the label to wrap mutated DER in, and the DER. */
    private record Sample(String label, byte[] der) {
    }

    private static final List<Sample> SAMPLES = new ArrayList<>();

    @BeforeAll
    static void samples() throws Exception {
        SecureRandom random = TestKeys.seeded(1); // deterministic: the samples are the same every run
        for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.ECDSA_NISTP256, KeyType.RSA}) {
            SshKeyPair pair = TestKeys.generate(type);
            SAMPLES.add(sample(PemKeys.writePkcs8(pair, null, random)));
            SAMPLES.add(sample(PemKeys.writePkcs8(pair, PASS, random, 1000)));
        }
        SAMPLES.add(sample(PemCorpusTest.resource("ecdsa_1")));
        SAMPLES.add(sample(PemCorpusTest.resource("rsa_1")));
    }

    private static Sample sample(String text) throws Exception {
        PemBlock block = PemBlock.parse(text);
        return new Sample(block.label(), block.body());
    }

    @Test
    void mutatedDerBodies() {
        int parsed = 0;
        for (Sample sample : SAMPLES) {
            for (long seed = 0; seed < SEEDS; seed++) {
                byte[] der = Mutations.mutate(sample.der(), seed);
                parsed += tryRead(PemKeysTest.pem(sample.label(), der));
                parsed += tryReadPublic(PemKeysTest.pem("PUBLIC KEY", der));
            }
        }
        assertThat(parsed).isGreaterThan(0);
    }

    @Test
    void mutatedPemTexts() throws Exception {
        List<String> texts = List.of(PemCorpusTest.resource("ecdsa_1_pw"), PemCorpusTest.resource("rsa_1_pw"),
                PemCorpusTest.resource("ecdsa_2"));
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            for (long seed = 0; seed < SEEDS; seed++) {
                tryRead(new String(Mutations.mutate(bytes, seed), StandardCharsets.UTF_8));
            }
        }
    }

    private static int tryRead(String text) {
        try {
            PemKeys.read(text, PASS);
            return 1;
        } catch (SshException expected) {
            return 0;
        }
    }

    private static int tryReadPublic(String text) {
        try {
            PemKeys.readPublic(text);
            return 1;
        } catch (SshException expected) {
            return 0;
        }
    }
}
