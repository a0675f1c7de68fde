package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Unit test of {@link SshAudit#parse} on a fixed excerpt of ssh-audit 2.5.0 output (no tool needed). */
class SshAuditParseTest {

    private static final String SAMPLE = """
            # key exchange algorithms
            (kex) sntrup761x25519-sha512                -- [warn] unknown algorithm
            (kex) curve25519-sha256                     -- [info] available since OpenSSH 7.4
            (kex) ecdh-sha2-nistp256                    -- [fail] using weak elliptic curves
                                                        `- [info] available since OpenSSH 5.7
            (kex) diffie-hellman-group-exchange-sha256 (2048-bit) -- [info] available since OpenSSH 4.4

            # host-key algorithms
            (key) rsa-sha2-512 (3072-bit)               -- [warn] made up for the test
            (mac) hmac-sha1                             -- [warn] using encrypt-and-MAC mode
                                                        `- [warn] using weak hashing algorithm
                                                        `- [info] available since OpenSSH 2.1.0

            # algorithm recommendations (for OpenSSH 9.2)
            (rec) -ecdh-sha2-nistp256                   -- kex algorithm to remove
            """;

    @Test
    void keepsFailAndWarnNotesWithTheirAlgorithm() {
        assertThat(SshAudit.parse(SAMPLE)).containsExactly(
                new SshAudit.Finding("kex", "sntrup761x25519-sha512", "warn", "unknown algorithm"),
                new SshAudit.Finding("kex", "ecdh-sha2-nistp256", "fail", "using weak elliptic curves"),
                new SshAudit.Finding("key", "rsa-sha2-512", "warn", "made up for the test"),
                new SshAudit.Finding("mac", "hmac-sha1", "warn", "using encrypt-and-MAC mode"),
                new SshAudit.Finding("mac", "hmac-sha1", "warn", "using weak hashing algorithm"));
    }

    @Test
    void emptyOutputHasNoFindings() {
        assertThat(SshAudit.parse("")).isEmpty();
    }
}
