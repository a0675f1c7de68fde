package org.sshstack.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.client.ClientSession;
import org.sshstack.client.SshClient;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;

/** A handler sees the client's identification string (what SFTP's SYMLINK order depends on). */
class ServerCommandClientVersionTest {

    private static final SshKeyPair HOST_KEY = KeyGenerator.ed25519("host", new SecureRandom());

    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SshServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    @Test
    void theHandlerGetsTheClientsVersionString() throws Exception {
        server = SshServer.builder().hostKey(HOST_KEY).executor(executor)
                .passwordAuthenticator((u, p) -> p.equals("secret"))
                .commandHandler(c -> {
                    c.stdout().write(c.clientVersion().getBytes(StandardCharsets.US_ASCII));
                    return 0;
                }).build().start();
        try (ClientSession session = SshClient.builder()
                .pinnedHostKeys(List.of(Fingerprints.sha256(HOST_KEY.publicKey())))
                .password("secret".toCharArray()).build().connect("127.0.0.1", server.getPort(), "alice")) {
            assertThat(session.exec("version", Duration.ofSeconds(30)).stdoutText()).startsWith("SSH-2.0-sshstack");
        }
    }

    @Test
    void aCommandBuiltByHandHasNoVersion() {
        ServerCommand command = new ServerCommand("alice", "ls", Map.of(), Optional.empty(), null, null, null);
        assertThat(command.clientVersion()).isEmpty();
    }
}
