package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.client.ClientSession;
import org.sshstack.client.ExecResult;
import org.sshstack.client.SshClient;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.server.SshServer;
import org.sshstack.testing.TestKeys;

/**
 * SECURITY.md D3 {@code CommandInjection} on the real server: a command handler gets the exec line as a parsed argv
 * with shell syntax kept literal, and a line that cannot be split ends the command with exit status 255.
 */
class CommandInjectionTest {

    private static final SshKeyPair HOST = KeyGenerator.ed25519("host", TestKeys.seeded(3));

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<List<String>> argvs = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void handlersGetALiteralArgvAndBadQuotingExitsWith255() throws Exception {
        try (SshServer server = SshServer.builder().hostKey(HOST).executor(executor)
                .passwordAuthenticator((u, p) -> u.equals("alice") && p.equals("secret"))
                .commandHandler(c -> {
                    argvs.add(c.argv());
                    return 0;
                }).build().start();
                ClientSession session = SshClient.builder().password("secret".toCharArray())
                        .pinnedHostKeys(List.of(Fingerprints.sha256(HOST.publicKey()))).build()
                        .connect("127.0.0.1", server.getPort(), "alice")) {
            ExecResult ok = session.exec("touch 'a b' $(id) ; rm -rf /", Duration.ofSeconds(10));
            assertThat(ok.exitStatus()).isZero();
            assertThat(argvs).containsExactly(List.of("touch", "a b", "$(id)", ";", "rm", "-rf", "/"));
            ExecResult bad = session.exec("echo 'unterminated", Duration.ofSeconds(10));
            assertThat(bad.exitStatus()).isEqualTo(255);
            assertThat(argvs).hasSize(1);
        }
    }
}
