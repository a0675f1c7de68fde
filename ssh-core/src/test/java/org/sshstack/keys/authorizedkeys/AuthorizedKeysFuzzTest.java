package org.sshstack.keys.authorizedkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated authorized_keys files parse or fail only with SshException. */
class AuthorizedKeysFuzzTest {

    @Test
    void mutatedFilesFailOnlyWithSshExceptions() throws Exception {
        byte[] valid = AuthorizedKeysTest.sample().getBytes(StandardCharsets.UTF_8);
        int withKeys = 0;
        int expectedKeys = AuthorizedKeys.parse(AuthorizedKeysTest.sample(), false, ZoneOffset.UTC).keys().size();
        for (long seed = 0; seed < 3000; seed++) {
            String text = new String(Mutations.mutate(valid, seed), StandardCharsets.UTF_8);
            try {
                AuthorizedKeys lenient = AuthorizedKeys.parse(text, true, ZoneOffset.UTC);
                if (lenient.keys().size() >= expectedKeys - 1) {
                    withKeys++;
                }
                for (AuthorizedKey key : lenient.keys()) {
                    FromPatterns.permits(key.options().from(), "host.example.com", "10.1.2.3");
                }
                if (seed % 10 == 0) {
                    AuthorizedKeys.parse(text, false, ZoneOffset.UTC);
                }
            } catch (SshException expected) {
                // the only acceptable failure
            }
        }
        // a meaningful share of mutants must keep (almost) every key, or only the first checks are exercised
        assertThat(withKeys).isGreaterThan(450); // 585 with these seeds
    }
}
