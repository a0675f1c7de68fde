package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;

/**
 * Proves the {@link SshAudit} fixture runs against a real sshd and parses its notes; asserts the report's
 * structure, not sshd's policy. Also checks that closing a server fixture ends its process tree.
 */
class SshAuditSmokeTest {

    @Test
    void auditsOpenSshServerAndParsesFindings(@TempDir Path dir) throws Exception {
        PeerTools.require("ssh-audit");
        PeerProcess process;
        // an ECDSA host key makes ssh-audit 2.5.0 report at least one [fail] note
        try (OpenSshServer server = OpenSshServer.start(dir, OpenSshServer.options().hostKeyTypes("ed25519", "ecdsa"))) {
            process = server.process();
            SshAudit.Report report = SshAudit.audit(server.port());

            assertThat(report.exitCode()).as(report.output()).isIn(2, 3);
            assertThat(report.output()).contains("(gen) banner: SSH-2.0-OpenSSH_9");
            assertThat(report.findings()).isNotEmpty().allSatisfy(f -> {
                assertThat(f.level()).isIn("fail", "warn");
                assertThat(f.category()).isIn("kex", "key", "enc", "mac");
                assertThat(f.algorithm()).isNotBlank().doesNotContain(" ");
                assertThat(f.note()).isNotBlank();
            });
            assertThat(report.withLevel("fail")).isNotEmpty();
            assertThat(report.findings()).anySatisfy(f -> assertThat(f.algorithm())
                    .isEqualTo("kex-strict-s-v00@openssh.com"));
            assertThat(server.log()).contains("Connection from 127.0.0.1");
        }
        assertThat(process.isAlive()).isFalse();
        assertThat(ProcessHandle.of(process.pid())).isEmpty();
    }
}
