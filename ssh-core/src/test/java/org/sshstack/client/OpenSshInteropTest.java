package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.interop.OpenSshClient;
import org.sshstack.interop.OpenSshServer;
import org.sshstack.keys.KeyFiles;
import org.sshstack.testing.PeerTools;

/**
 * Live interop: our SshClient against OpenSSH sshd (public-key login as the current user), and OpenSSH ssh against
 * our SshServer. Skipped on a laptop without the tools, failing under CI=true (PeerTools).
 */
class OpenSshInteropTest {

    private static final Duration T = Duration.ofSeconds(60);

    @Test
    void ourClientAgainstSshd(@TempDir Path dir) throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        KeyFiles.writePublicKey(authorized, LoopbackServer.USER_KEY.publicKey(), "test");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"),
                OpenSshServer.options().authorizedKeysFile(authorized));
                ClientSession s = SshClient.builder().knownHosts(dir.resolve("known_hosts")).acceptNewHostKeys()
                        .identity(LoopbackServer.USER_KEY).build()
                        .connect("127.0.0.1", sshd.port(), System.getProperty("user.name"))) {
            ExecResult r = s.exec("echo hello; echo err 1>&2; exit 3", T);
            assertThat(r.stdoutText()).isEqualTo("hello\n");
            // the fixture's sshd logs at DEBUG3 and forwards some debug lines to the session's stderr
            assertThat(r.stderrText().lines()).contains("err").doesNotContain("hello");
            assertThat(r.exitStatus()).isEqualTo(3);
            try (Channel ch = s.execStreaming("cat")) {
                ch.setTimeout(T);
                byte[] input = LoopbackServer.pattern(200_000, 11);
                ch.sendall(input);
                ch.shutdownWrite();
                assertThat(ch.getInputStream().readAllBytes()).isEqualTo(input);
                assertThat(ch.recvExitStatus()).isZero();
            }
        }
    }

    @Test
    void opensshClientAgainstOurServer(@TempDir Path dir) throws Exception {
        PeerTools.require("ssh");
        Path key = dir.resolve("id_ed25519");
        KeyFiles.writePrivateKey(key, LoopbackServer.USER_KEY, null, new SecureRandom());
        try (LoopbackServer server = new LoopbackServer()) {
            OpenSshClient ssh = OpenSshClient.create(dir).identity(key);
            for (int code : new int[] {0, 1, 255}) {
                PeerTools.Result r = ssh.run(server.port(), "bob", "exit", Integer.toString(code));
                assertThat(r.exitCode()).as(r.stderr()).isEqualTo(code);
                assertThat(r.stdout()).isEqualTo("out " + code);
                assertThat(r.stderr()).contains("err " + code);
            }
            byte[] input = "line one\nline two\n".getBytes(StandardCharsets.UTF_8);
            PeerTools.Result cat = PeerTools.runIn(dir, Map.of(), T, input,
                    ssh.commandLine(server.port(), "bob", "cat").toArray(String[]::new));
            assertThat(cat.exitCode()).as(cat.stderr()).isZero();
            assertThat(cat.stdout()).isEqualTo("line one\nline two\n");
            assertThat(cat.stdout()).doesNotContain("err");
        }
    }
}
