package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sshstack.AuthenticationException;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.keys.Fingerprints;

/** Our SshClient against our SshServer over loopback. */
class LoopbackClientServerTest {

    private static final Duration T = Duration.ofSeconds(60);

    private LoopbackServer server;

    @BeforeEach
    void start() throws Exception {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private SshClient.Builder client() {
        return SshClient.builder().threadFactory(server.factory)
                .pinnedHostKeys(List.of(Fingerprints.sha256(LoopbackServer.HOST_KEY.publicKey())));
    }

    private ClientSession withKey() throws Exception {
        return client().identity(LoopbackServer.USER_KEY).build().connect("127.0.0.1", server.port(), "bob");
    }

    @Test
    void passwordLoginRunsCommandsWithExitCodesAndSeparateStderr() throws Exception {
        try (ClientSession s = client().password("secret".toCharArray()).build()
                .connect("127.0.0.1", server.port(), "alice")) {
            for (int code : new int[] {0, 1, 255}) {
                ExecResult r = s.exec("exit " + code, T);
                assertThat(r.exitStatus()).isEqualTo(code);
                assertThat(r.stdoutText()).isEqualTo("out " + code);
                assertThat(r.stderrText()).isEqualTo("err " + code);
            }
        }
    }

    @Test
    void outputBufferedWhenTheServerDropsTheConnectionIsStillReturned() throws Exception {
        try (ClientSession s = client().password("secret".toCharArray()).build()
                .connect("127.0.0.1", server.port(), "alice")) {
            ExecResult r = s.exec("drop", T);
            assertThat(r.stdoutText()).isEqualTo("last words");
            assertThat(r.exitStatus()).isEqualTo(-1);
        }
    }

    @Test
    void wrongPasswordIsRefused() {
        assertThatThrownBy(() -> client().password("nope".toCharArray()).build()
                .connect("127.0.0.1", server.port(), "alice")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void publicKeyLoginPipesStdin() throws Exception {
        try (ClientSession s = withKey(); Channel ch = s.execStreaming("cat")) {
            ch.setTimeout(T);
            byte[] input = LoopbackServer.pattern(300_000, 5);
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
                try {
                    return ch.getInputStream().readAllBytes();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            ch.sendall(input);
            ch.shutdownWrite();
            assertThat(out.get()).isEqualTo(input);
            assertThat(ch.recvExitStatus()).isZero();
            assertThat(ch.exitStatusReady()).isTrue();
            assertThat(ch.recvReady()).isFalse();
            assertThat(ch.getTimeout()).isEqualTo(T);
        }
    }

    @Test
    void largeStdoutAndStderrConcurrentlyMatchByteForByte() throws Exception {
        int n = 16 << 20;
        try (ClientSession s = withKey()) {
            ExecResult r = s.exec("big " + n, T);
            assertThat(r.exitStatus()).isZero();
            assertThat(r.stdout()).isEqualTo(LoopbackServer.pattern(n, 3));
            assertThat(r.stderr()).isEqualTo(LoopbackServer.pattern(n, 7));
        }
    }

    @Test
    void outputPastTheLimitIsATypedError() throws Exception {
        try (ClientSession s = client().identity(LoopbackServer.USER_KEY).maxExecOutput(100_000).build()
                .connect("127.0.0.1", server.port(), "bob")) {
            assertThatThrownBy(() -> s.exec("big 1000000", T)).isInstanceOf(ExecOutputTooLargeException.class);
            assertThat(s.exec("exit 0", T).exitStatus()).isZero(); // the connection stays usable
        }
    }

    @Test
    void execTimeoutIsTypedAndTheConnectionStaysUsable() throws Exception {
        try (ClientSession s = withKey()) {
            assertThatThrownBy(() -> s.exec("hang", Duration.ofMillis(300)))
                    .isInstanceOf(ChannelTimeoutException.class);
            assertThat(s.exec("exit 1", T).exitStatus()).isEqualTo(1);
            try (Channel ch = s.execStreaming("hang")) {
                ch.setTimeout(Duration.ofMillis(200));
                assertThatThrownBy(() -> ch.recv(10)).isInstanceOf(ChannelTimeoutException.class);
                assertThatThrownBy(ch::recvExitStatus).isInstanceOf(ChannelTimeoutException.class);
            }
        }
    }

    @Test
    void shellWithPty() throws Exception {
        try (ClientSession s = withKey(); Channel ch = s.openSession()) {
            ch.setTimeout(T);
            assertThat(ch.getId()).isNotNegative();
            assertThat(ch.isClosed()).isFalse();
            ch.getPty("xterm", 80, 24);
            ch.invokeShell();
            ch.resizePty(100, 30);
            ch.sendall("hi\n".getBytes(StandardCharsets.UTF_8));
            ch.shutdownWrite();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ch.getInputStream().transferTo(out);
            assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("pty xterm 80x24\nhi\n");
            assertThat(ch.recvExitStatus()).isZero();
        }
    }

    @Test
    void unknownHostKeyIsRefusedByStrictKnownHosts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        assertThatThrownBy(() -> SshClient.builder().threadFactory(server.factory)
                .knownHosts(dir.resolve("known_hosts")).identity(LoopbackServer.USER_KEY).build()
                .connect("127.0.0.1", server.port(), "bob")).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void acceptNewRecordsTheHostThenStrictAccepts(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path known = dir.resolve("known_hosts");
        try (ClientSession s = SshClient.builder().threadFactory(server.factory).knownHosts(known)
                .acceptNewHostKeys().identity(LoopbackServer.USER_KEY).build()
                .connect("127.0.0.1", server.port(), "bob")) {
            assertThat(s.isOpen()).isTrue();
        }
        try (ClientSession s = SshClient.builder().threadFactory(server.factory).knownHosts(known)
                .identity(LoopbackServer.USER_KEY).build().connect("127.0.0.1", server.port(), "bob")) {
            assertThat(s.exec("exit 0", T).exitStatus()).isZero();
        }
    }

    @Test
    void noThreadsLeakAfterClose() throws Exception {
        try (ClientSession s = withKey()) {
            assertThat(s.exec("exit 0", T).exitStatus()).isZero();
        }
        server.close();
        assertThat(server.threads).isNotEmpty();
        for (Thread t : server.threads) {
            t.join(10_000);
        }
        assertThat(server.liveThreads()).isZero();
    }
}
