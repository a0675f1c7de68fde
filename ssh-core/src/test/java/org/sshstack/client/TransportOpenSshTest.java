package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.interop.OpenSshServer;
import org.sshstack.keys.KeyFiles;

/**
 * Live interop: a client {@link Transport} against OpenSSH sshd (public-key login as the current user, exec). Skipped
 * on a laptop without sshd, failing under CI=true (PeerTools, through the fixture).
 */
class TransportOpenSshTest {

    private static final Duration T = Duration.ofSeconds(60);

    @Test
    void transportClientAgainstSshd(@TempDir Path dir) throws Exception {
        Path authorized = dir.resolve("authorized_keys");
        KeyFiles.writePublicKey(authorized, LoopbackServer.USER_KEY.publicKey(), "test");
        try (OpenSshServer sshd = OpenSshServer.start(dir.resolve("sshd"),
                OpenSshServer.options().authorizedKeysFile(authorized));
                Transport t = Transport.open("127.0.0.1:" + sshd.port(), T)) {
            t.setTimeout(T);
            t.startClient();
            assertThat(t.getRemoteServerKey()).isNotNull();
            String user = System.getProperty("user.name");
            assertThat(t.authPublicKey(user, LoopbackServer.USER_KEY)).isEmpty();
            assertThat(t.isAuthenticated()).isTrue();
            try (Channel ch = t.openSession()) {
                ch.setTimeout(T);
                ch.execCommand("echo hi");
                assertThat(new String(ch.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
                assertThat(ch.recvExitStatus()).isZero();
            }
            t.renegotiateKeys();
            assertThat(t.isActive()).isTrue();
        }
    }
}
