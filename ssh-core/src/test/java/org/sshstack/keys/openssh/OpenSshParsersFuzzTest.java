package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.Mutations;

/**
 * Fuzz-style regression tests: mutated forms of valid files (fixed seeds) fed to the openssh-key-v1 reader, the
 * one-line public key reader and the RFC 4716 reader must parse or fail with the project's own exceptions only.
 */
class OpenSshParsersFuzzTest {

    private static final char[] PASSPHRASE = "fuzz".toCharArray();
    private static final int SEEDS = 300;

    /** A low round cap keeps mutated round counts cheap (and exercises the cap). */
    private final OpenSshPrivateKeyReader reader = new OpenSshPrivateKeyReader(4);

    @FunctionalInterface
    private interface Parser {
        void parse(byte[] input) throws SshException;
    }

    @Test
    void privateKeyReaderFailsOnlyWithProjectExceptions() throws Exception {
        List<byte[]> samples = new ArrayList<>();
        for (String name : List.of("ed25519_1", "ecdsa_n", "rsa_n", "ecdsa_sk1", "ed25519_sk1")) {
            samples.add(OpenSshArmor.decode(Corpus.text(name)));
        }
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42);
        SshKeyPair ed = KeyGenerator.ed25519("fuzz", random);
        SshKeyPair ec = KeyGenerator.ecdsa(KeyType.ECDSA_NISTP384, "fuzz", random);
        for (String cipher : List.of("aes256-ctr", "aes256-gcm@openssh.com", "aes256-cbc")) {
            samples.add(new OpenSshPrivateKeyWriter(cipher, 1).encode(OpenSshPrivateKey.of(ed), PASSPHRASE, random));
        }
        samples.add(new OpenSshPrivateKeyWriter("aes256-ctr", 1).encode(OpenSshPrivateKey.of(ec), PASSPHRASE, random));
        int parsed = 0;
        for (byte[] sample : samples) {
            assertThat(reader.decode(sample, PASSPHRASE)).isNotNull();
            parsed += fuzz(sample, input -> reader.decode(input, PASSPHRASE));
        }
        byte[] armored = Corpus.text("ed25519_1").getBytes(StandardCharsets.US_ASCII);
        parsed += fuzz(armored, input -> reader.read(new String(input, StandardCharsets.ISO_8859_1), null));
        assertThat(parsed).isPositive();
    }

    @Test
    void publicKeyLineReaderFailsOnlyWithProjectExceptions() {
        for (String name : List.of("ed25519_1.pub", "ecdsa_1.pub", "rsa_1.pub", "ecdsa_sk1.pub",
                "ed25519_sk1-cert.pub")) {
            byte[] sample = Corpus.text(name).getBytes(StandardCharsets.UTF_8);
            fuzz(sample, input -> OpenSshPublicKeyFile.read(new String(input, StandardCharsets.UTF_8)));
            byte[] blob = java.util.Base64.getDecoder().decode(Corpus.text(name).split(" ")[1]);
            fuzz(blob, input -> OpenSshPublicKeyFile.parseLine(Corpus.text(name).split(" ")[0] + " "
                    + java.util.Base64.getEncoder().encodeToString(input)));
        }
    }

    @Test
    void rfc4716ReaderFailsOnlyWithProjectExceptions() throws Exception {
        for (String name : List.of("ed25519_1.pub", "rsa_2.pub", "ecdsa_sk2.pub")) {
            OpenSshPublicKeyFile.Entry entry = OpenSshPublicKeyFile.read(Corpus.text(name));
            String text = Rfc4716PublicKeyFile.format(entry.key(), entry.comment() + " with a much longer tail so "
                    + "that the comment header needs a continuation line");
            fuzz(text.getBytes(StandardCharsets.UTF_8),
                    input -> Rfc4716PublicKeyFile.read(new String(input, StandardCharsets.UTF_8)));
        }
    }

    private static int fuzz(byte[] valid, Parser parser) {
        int parsed = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] input = Mutations.mutate(valid, seed);
            try {
                parser.parse(input);
                parsed++;
            } catch (SshException expected) {
                assertThat(expected.getMessage()).isNotNull();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " escaped with " + e, e);
            }
        }
        return parsed;
    }
}
