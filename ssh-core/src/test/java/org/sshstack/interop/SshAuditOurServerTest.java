package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.Role;

/**
 * ssh-audit 2.5.0 against our server with default settings (SECURITY.md §4.3): no {@code [fail]} line, and every
 * {@code [warn]} line is one listed here with the reason it is expected.
 */
class SshAuditOurServerTest {

    private static final org.slf4j.Logger REPORT = org.slf4j.LoggerFactory.getLogger(SshAuditOurServerTest.class);

    /** algorithm -> why ssh-audit 2.5.0 warns about it although it is what SECURITY.md §6.1 asks for. */
    private static final Map<String, String> EXPECTED_WARNINGS = Map.of(
            "kex-strict-s-v00@openssh.com",
            "the strict-kex marker (Terrapin countermeasure) postdates ssh-audit 2.5.0: 'unknown algorithm'",
            "mlkem768x25519-sha256",
            "OpenSSH 9.9's ML-KEM hybrid postdates ssh-audit 2.5.0: 'unknown algorithm'",
            "sntrup761x25519-sha512",
            "the RFC name of the sntrup hybrid (OpenSSH 9.9) postdates ssh-audit 2.5.0: 'unknown algorithm'",
            "sntrup761x25519-sha512@openssh.com",
            "ssh-audit 2.5.0 calls the post-quantum hybrid 'experimental'");

    @Test
    void defaultServerHasNoFailAndOnlyExpectedWarnings(@TempDir Path dir) throws Exception {
        PeerTools.require("ssh-audit");
        try (OurServer server = OurServer.start(dir, AlgorithmPreferences.defaults(Role.SERVER))) {
            SshAudit.Report report = SshAudit.audit(server.port());
            REPORT.info("{}", "ssh-audit against sshstack (default server settings):\n" + report.output());
            assertThat(report.output()).contains("(gen) banner: SSH-2.0-sshstack");
            assertThat(report.withLevel("fail")).as(report.output()).isEmpty();
            assertThat(report.withLevel("warn")).as(report.output())
                    .allSatisfy(f -> assertThat(EXPECTED_WARNINGS).containsKey(f.algorithm()));
            assertThat(report.exitCode()).as(report.output()).isIn(0, 2);
        }
    }
}
