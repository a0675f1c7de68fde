package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.keys.Fingerprints;

/** Keyboard-interactive, env and subsystems, write timeouts on a zero window, and the server's limits. */
class FacadeFeaturesTest {

    private static final Duration T = Duration.ofSeconds(60);

    private static SshClient.Builder client(LoopbackServer server) {
        return SshClient.builder().threadFactory(server.factory)
                .pinnedHostKeys(List.of(Fingerprints.sha256(LoopbackServer.HOST_KEY.publicKey())));
    }

    private static ClientSession withKey(LoopbackServer server) throws IOException {
        return client(server).identity(LoopbackServer.USER_KEY).build().connect("127.0.0.1", server.port(), "bob");
    }

    @Test
    void keyboardInteractiveLogin() throws Exception {
        try (LoopbackServer server = new LoopbackServer();
                ClientSession s = client(server).interactive((name, instruction, prompts) -> List.of("42"))
                        .build().connect("127.0.0.1", server.port(), "carol")) {
            assertThat(s.exec("exit 0", T).stdoutText()).isEqualTo("out 0");
        }
    }

    @Test
    void environmentAndSubsystem() throws Exception {
        try (LoopbackServer server = new LoopbackServer(); ClientSession s = withKey(server)) {
            try (Channel ch = s.openSession()) {
                ch.setTimeout(T);
                assertThat(ch.setEnvironmentVariable("X", "1")).isTrue();
                ch.invokeSubsystem("echo");
                assertThat(new String(ch.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("echo X=1");
                assertThat(ch.recvExitStatus()).isZero();
            }
            try (Channel ch = s.openSession()) {
                ch.setTimeout(T);
                assertThatThrownBy(() -> ch.invokeSubsystem("nope")).isInstanceOf(SshException.class);
            }
        }
    }

    @Test
    void writeBlocksOnAZeroWindowUntilTheTimeout() throws Exception {
        try (LoopbackServer server = new LoopbackServer(); ClientSession s = withKey(server);
                Channel ch = s.execStreaming("hang")) {
            ch.setTimeout(Duration.ofMillis(500));
            byte[] chunk = new byte[1 << 20];
            assertThatThrownBy(() -> {
                for (int i = 0; i < 64; i++) {
                    ch.sendall(chunk); // the server never reads: the window and the bounded buffers fill up
                }
            }).isInstanceOf(ChannelTimeoutException.class);
        }
    }

    @Test
    void maxSessionsPerConnection() throws Exception {
        try (LoopbackServer server = new LoopbackServer(b -> b.maxSessions(1)); ClientSession s = withKey(server);
                Channel first = s.openSession()) {
            assertThatThrownBy(s::openSession).isInstanceOf(SshException.class);
        }
    }

    @Test
    void maxUnauthenticatedConnections() throws Exception {
        try (LoopbackServer server = new LoopbackServer(b -> b.maxUnauthenticated(1));
                Socket idle = new Socket("127.0.0.1", server.port())) {
            idle.getInputStream().read(); // the server sent its identification: it counts this connection
            assertThatThrownBy(() -> withKey(server).close()).isInstanceOf(IOException.class);
            idle.close();
        }
    }
}
