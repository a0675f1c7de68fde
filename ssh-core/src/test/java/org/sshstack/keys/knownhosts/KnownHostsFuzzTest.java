package org.sshstack.keys.knownhosts;

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
                + KnownHostsWriter.line("h", 2222, KnownHostsTest.key("rsa_2.pub"), new java.security.SecureRandom())
                + "\n[h]:22 ssh-unknown AAAA\n";
        SshPublicKey key = KnownHostsTest.key("ed25519_1.pub");
        byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
        for (long seed = 0; seed < 3000; seed++) {
            String text = new String(Mutations.mutate(bytes, seed), StandardCharsets.UTF_8);
            try {
                KnownHosts.parse(text, true).lookup("alpha", 22, key);
                KnownHosts.parse(text).lookup("h", 2222, key);
            } catch (SshException expected) {
                // the only acceptable failure
            }
        }
    }
}
