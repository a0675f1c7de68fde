package org.sshstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.client.Channel;
import org.sshstack.client.ClientSession;
import org.sshstack.client.SshClient;
import org.sshstack.io.ChannelTimeoutException;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;

/**
 * The client's version, window changes and signals reach a running handler; a client that stops reading cannot block
 * a handler forever.
 */
class ServerSessionControlTest {

    private static final Duration T = Duration.ofSeconds(30);
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

    private ClientSession connect(UnaryOperator<SshServerBuilder> setup) throws Exception {
        server = setup.apply(SshServer.builder().hostKey(HOST_KEY).executor(executor)
                .passwordAuthenticator((u, p) -> p.equals("secret"))).build().start();
        return SshClient.builder().pinnedHostKeys(List.of(Fingerprints.sha256(HOST_KEY.publicKey())))
                .password("secret".toCharArray()).build().connect("127.0.0.1", server.getPort(), "alice");
    }

    @Test
    void theHandlerGetsTheClientsVersionString() throws Exception {
        try (ClientSession session = connect(b -> b.commandHandler(c -> {
            c.stdout().write(c.clientVersion().getBytes(StandardCharsets.US_ASCII));
            return 0;
        }))) {
            assertThat(session.exec("version", T).stdoutText()).startsWith("SSH-2.0-sshstack");
        }
        assertThat(new ServerCommand("alice", "ls", Map.of(), Optional.empty(), null, null, null).clientVersion())
                .isEmpty();
    }

    @Test
    void windowChangesAndSignalsReachTheShell() throws Exception {
        BlockingQueue<Object> seen = new LinkedBlockingQueue<>();
        try (ClientSession session = connect(b -> b.shellFactory(s -> {
            s.onWindowChange(seen::add);
            s.onSignal(seen::add);
            SessionControl.TerminalSize size = s.terminalSize().orElseThrow();
            s.stdout().write(("ready " + size.columns() + "x" + size.rows() + "\n").getBytes(StandardCharsets.UTF_8));
            Object first = seen.poll(30, TimeUnit.SECONDS);
            Object second = seen.poll(30, TimeUnit.SECONDS);
            SessionControl.TerminalSize now = s.terminalSize().orElseThrow();
            s.stdout().write((first + "|" + second + "|" + now.columns() + "x" + now.rows() + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return 0;
        })); Channel ch = session.openSession()) {
            ch.setTimeout(T);
            ch.getPty("xterm", 80, 24);
            ch.invokeShell();
            BufferedReader out = new BufferedReader(new InputStreamReader(ch.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("ready 80x24");
            ch.resizePty(132, 50);
            ch.sendSignal("INT");
            assertThat(out.readLine()).isEqualTo(new SessionControl.TerminalSize(132, 50, 0, 0) + "|INT|132x50");
            assertThat(ch.recvExitStatus()).isZero();
        }
    }

    @Test
    void signalsSentBeforeTheHandlerListensAreKeptForIt() throws Exception {
        CompletableFuture<String> signal = new CompletableFuture<>();
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try (ClientSession session = connect(b -> b.commandHandler(c -> {
            sent.get(30, TimeUnit.SECONDS);
            c.onSignal(signal::complete);
            assertThat(c.terminalSize()).isEmpty();
            return signal.get(30, TimeUnit.SECONDS).equals("TERM") ? 0 : 1;
        })); Channel ch = session.openSession()) {
            ch.setTimeout(T);
            ch.execCommand("wait");
            ch.sendSignal("TERM");
            ch.setEnvironmentVariable("SYNC", "1"); // a round trip: the signal arrived before the reply
            sent.complete(null);
            assertThat(ch.recvExitStatus()).isZero();
        }
    }

    @Test
    void aClientThatNeverReadsTimesTheHandlersWriteOutAndTheChannelCloses() throws Exception {
        CompletableFuture<IOException> failure = new CompletableFuture<>();
        try (ClientSession session = connect(b -> b.writeTimeout(Duration.ofMillis(300)).commandHandler(c -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                while (true) {
                    c.stdout().write(chunk);
                }
            } catch (IOException e) {
                failure.complete(e);
                throw e;
            }
        })); Channel ch = session.execStreaming("flood")) {
            assertThat(failure.get(30, TimeUnit.SECONDS)).isInstanceOf(ChannelTimeoutException.class);
            await().atMost(T).until(ch::isClosed);
        }
    }

    @Test
    void writeTimeoutMustBePositiveAndHandBuiltCommandsHaveAQuietControl() {
        assertThatThrownBy(() -> SshServer.builder().writeTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SshServerBuilder.DEFAULT_WRITE_TIMEOUT).isEqualTo(Duration.ofMinutes(10));
        ServerCommand command = new ServerCommand("u", "c", Map.of(), Optional.empty(), null, null, null);
        command.onSignal(s -> { });
        assertThat(command.terminalSize()).isEmpty();
    }
}
