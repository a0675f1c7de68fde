package org.sshstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host key generation, required settings and binding of {@link SshServer}. */
class SshServerBuilderTest {

    @Test
    void generatedHostKeyIsWrittenOnceAndReused(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("host_ed25519");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            SshServer.builder().generatedHostKey(key).executor(executor).build();
            byte[] first = Files.readAllBytes(key);
            SshServer.builder().generatedHostKey(key).executor(executor).build();
            assertThat(Files.readAllBytes(key)).isEqualTo(first);
            try (SshServer server = SshServer.builder().hostKeyFile(key).executor(executor).build().start()) {
                assertThat(server.getPort()).isPositive();
                assertThat(server.connectionCount()).isZero();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aServerNeedsAHostKeyAndAnExecutor(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SshServer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SshServer.builder().generatedHostKey(dir.resolve("k")).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
