package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;

/**
 * Pins the behaviour later auth/exec tests rely on, by running the Python client scripts against the Python
 * server scripts (crossed, so each pair negotiates across implementations): password "secret" for user "test",
 * exec echoes the command and exits with N for "exit N", wrong passwords fail with 255.
 */
class PythonPeersSelfTest {

    @Test
    void paramikoClientRunsACommandOnAsyncSshServer(@TempDir Path dir) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(dir)) {
            PeerTools.Result result = PythonClient.paramiko(dir).password(AsyncSshServer.USER, AsyncSshServer.PASSWORD)
                    .run(server.port(), "exit 3");

            assertThat(result.exitCode()).as(result.stderr()).isEqualTo(3);
            assertThat(result.stdout()).contains("exit 3\n");
            Map<String, String> algorithms = PythonClient.algorithms(result.stdout());
            assertThat(algorithms).containsKeys("kex", "hostkey", "cipher", "mac");
            assertThat(algorithms.get("kex")).isEqualTo("curve25519-sha256@libssh.org");
        }
    }

    @Test
    void asyncSshClientRunsACommandOnParamikoServerAndWrongPasswordFails(@TempDir Path dir) throws Exception {
        try (ParamikoServer server = ParamikoServer.start(dir)) {
            PeerTools.Result ok = PythonClient.asyncssh(dir).password(ParamikoServer.USER, ParamikoServer.PASSWORD)
                    .run(server.port(), "hello world");
            PeerTools.Result refused = PythonClient.asyncssh(dir).password(ParamikoServer.USER, "wrong")
                    .run(server.port(), "hello");

            assertThat(ok.exitCode()).as(ok.stderr()).isZero();
            assertThat(ok.stdout()).contains("hello world\n");
            assertThat(PythonClient.algorithms(ok.stdout())).containsEntry("hostkey", "ecdsa-sha2-nistp256");
            assertThat(refused.exitCode()).isEqualTo(255);
            assertThat(server.log()).contains("exec: hello world");
        }
    }
}
