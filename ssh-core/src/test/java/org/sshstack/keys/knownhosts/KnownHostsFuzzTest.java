package org.sshstack.keys.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated known_hosts files parse (leniently or strictly) or fail only with SshException. */
class KnownHostsFuzzTest {

    @Test
    void mutatedFilesFailOnlyWithSshExceptions() throws Exception {
        String ed = KnownHostsTest.keyText("ed25519_1.pub");
        String valid = "# c\nalpha,!beta,*.x " + ed + " comment\n@cert-authority *.example.com " + ed + "\n"
                + "@revoked * " + KnownHostsTest.keyText("ecdsa_1.pub") + "\n"
                + KnownHostsWriter.line("h", 2222, KnownHostsTest.key("rsa_2.pub"), org.sshstack.testing.TestKeys.seeded(7))
                + "\n[h]:22 ssh-unknown AAAA\n";
        SshPublicKey key = KnownHostsTest.key("ed25519_1.pub");
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        int strictlyParsed = 0;
        int withEntries = 0;
        java.time.Instant now = java.time.Instant.parse("2030-01-01T00:00:00Z");
        for (long seed = 0; seed < 3000; seed++) {
            String text = new String(Mutations.mutate(bytes, seed), StandardCharsets.UTF_8);
            try {
                KnownHosts lenient = KnownHosts.parse(text, true);
                lenient.lookup("alpha", 22, key, now);
                if (lenient.entries().size() >= 3) {
                    withEntries++;
                }
                KnownHosts.parse(text).lookup("h", 2222, key, now);
                strictlyParsed++;
            } catch (SshException expected) {
                // the only acceptable failure
            }
        }
        // the mutations must leave much of the input meaningful, or the test exercises only the first check
        assertThat(withEntries).isGreaterThan(1500);
        assertThat(strictlyParsed).isGreaterThan(75); // 109 with these seeds: one byte anywhere breaks a strict parse
    }
}
