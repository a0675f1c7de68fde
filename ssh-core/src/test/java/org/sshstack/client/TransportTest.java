package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.SshException;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.auth.InteractiveStep;
import org.sshstack.connection.OpenDecision;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.transport.kex.Moduli;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/** A client {@link Transport} against a server {@link Transport}, over loopback sockets and over streams. */
class TransportTest {

    private static final Duration T = Duration.ofSeconds(30);

    /** bob: key or password; carol: key then password; kim: keyboard-interactive only. */
    static final class Server implements ServerInterface {
        final CompletableFuture<String> exec = new CompletableFuture<>();
        final Map<String, String> env = new ConcurrentHashMap<>();
        final List<String> submethods = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public List<String> getAllowedAuths(String username) {
            return switch (username) {
                case "carol" -> List.of("publickey", "password");
                case "kim" -> List.of("keyboard-interactive");
                default -> List.of("publickey", "password");
            };
        }

        @Override
        public String getBanner() {
            return "welcome\n";
        }

        @Override
        public AuthStatus checkAuthPassword(String username, String password) {
            return password.equals("secret") && !username.equals("kim") ? AuthStatus.SUCCESSFUL : AuthStatus.FAILED;
        }

        @Override
        public AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
            if (!Fingerprints.sha256(key).equals(Fingerprints.sha256(LoopbackServer.USER_KEY.publicKey()))) {
                return AuthStatus.FAILED;
            }
            return username.equals("carol") ? AuthStatus.PARTIALLY_SUCCESSFUL : AuthStatus.SUCCESSFUL;
        }

        @Override
        public InteractiveStep checkAuthInteractive(String username, String submethods) {
            this.submethods.add(submethods);
            return InteractiveStep.ask(new InteractiveQuery("", "", List.of(new Prompt("Password: ", false))));
        }

        @Override
        public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
            return InteractiveStep.done(responses.equals(List.of("secret")) ? AuthStatus.SUCCESSFUL
                    : AuthStatus.FAILED);
        }

        @Override
        public OpenDecision checkChannelRequest(String kind, int chanId) {
            return OpenDecision.accept();
        }

        @Override
        public boolean checkChannelExecRequest(Channel channel, String command) {
            exec.complete(command);
            return true;
        }

        @Override
        public boolean checkChannelEnvRequest(Channel channel, String name, String value) {
            env.put(name, value);
            return !name.startsWith("NO_");
        }

        @Override
        public boolean checkGlobalRequest(String kind, byte[] data) {
            return kind.equals("ping@test");
        }
    }

    /** A connected client/server pair over loopback TCP. */
    static final class Pair implements AutoCloseable {
        final Server srv = new Server();
        final Transport client;
        final Transport server;

        Pair(Consumer<Transport> clientSetup, Consumer<Transport> serverSetup) throws Exception {
            try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                    try {
                        return listener.accept();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                client = Transport.open("127.0.0.1:" + listener.getLocalPort(), T);
                server = new Transport(accepted.get(30, TimeUnit.SECONDS));
            }
            server.addServerKey(LoopbackServer.HOST_KEY);
            serverSetup.accept(server);
            CompletableFuture<Void> started = server.startServerAsync(srv);
            clientSetup.accept(client);
            client.startClient();
            started.get(30, TimeUnit.SECONDS);
        }

        Pair() throws Exception {
            this(c -> { }, s -> { });
        }

        @Override
        public void close() {
            client.close();
            server.close();
        }
    }

    @Test
    void startsBothRolesAndReportsState() throws Exception {
        try (Pair p = new Pair()) {
            assertThat(p.client.isActive()).isTrue();
            assertThat(p.server.isActive()).isTrue();
            assertThat(p.client.isAuthenticated()).isFalse();
            assertThat(Fingerprints.sha256(p.client.getRemoteServerKey()))
                    .isEqualTo(Fingerprints.sha256(LoopbackServer.HOST_KEY.publicKey()));
            assertThat(p.server.getServerKey()).isSameAs(LoopbackServer.HOST_KEY);
            assertThat(p.client.getPeerAddress().getPort()).isPositive();
            assertThat(p.client.getException()).isNull();
            assertThat(p.client.getUsername()).isNull();
        }
    }

    @Test
    void authNoneListsAllowedMethodsAndBadPasswordFails() throws Exception {
        try (Pair p = new Pair()) {
            assertThatThrownBy(() -> p.client.authNone("bob")).isInstanceOfSatisfying(
                    BadAuthenticationTypeException.class,
                    e -> assertThat(e.allowedTypes()).containsExactly("publickey", "password"));
            assertThatThrownBy(() -> p.client.authPassword("bob", "wrong")).isInstanceOf(AuthenticationException.class)
                    .isNotInstanceOf(BadAuthenticationTypeException.class);
            assertThat(p.client.authPassword("bob", "secret")).isEmpty();
            assertThat(p.client.isAuthenticated()).isTrue();
            assertThat(p.client.getUsername()).isEqualTo("bob");
            assertThat(p.server.getUsername()).isEqualTo("bob");
            assertThat(p.client.getBanner()).isEqualTo("welcome\n");
        }
    }

    @Test
    void publicKeyThenPasswordIsPartialSuccess() throws Exception {
        try (Pair p = new Pair()) {
            assertThat(p.client.authPublicKey("carol", LoopbackServer.USER_KEY)).containsExactly("password");
            assertThat(p.client.isAuthenticated()).isFalse();
            assertThat(p.client.authPassword("carol", "secret")).isEmpty();
            assertThat(p.client.isAuthenticated()).isTrue();
        }
    }

    @Test
    void publicKeyAlone() throws Exception {
        try (Pair p = new Pair()) {
            assertThat(p.client.authPublicKey("bob", LoopbackServer.USER_KEY)).isEmpty();
            assertThat(p.client.isAuthenticated()).isTrue();
        }
    }

    @Test
    void passwordFallsBackToKeyboardInteractive() throws Exception {
        try (Pair p = new Pair()) {
            assertThatThrownBy(() -> p.client.authPassword("kim", "wrong"))
                    .isInstanceOfSatisfying(BadAuthenticationTypeException.class,
                            e -> assertThat(e.allowedTypes()).containsExactly("keyboard-interactive"));
            assertThat(p.client.authPassword("kim", "secret")).isEmpty();
            assertThat(p.client.isAuthenticated()).isTrue();
        }
    }

    @Test
    void keyboardInteractiveWithHandler() throws Exception {
        try (Pair p = new Pair()) {
            List<String> next = p.client.authInteractive("kim", (name, instruction, prompts) -> {
                assertThat(prompts).extracting(Prompt::prompt).containsExactly("Password: ");
                return List.of("secret");
            }, "");
            assertThat(next).isEmpty();
            assertThat(p.client.isAuthenticated()).isTrue();
        }
    }

    @Test
    void securityOptionsChangeWhatIsNegotiated() throws Exception {
        try (Pair p = new Pair(c -> {
            c.getSecurityOptions().setCiphers(List.of("aes256-ctr"));
            c.useCompression(true);
        }, s -> s.useCompression(true))) {
            assertThat(p.client.getNegotiatedAlgorithms().clientToServer().cipher()).isEqualTo("aes256-ctr");
            assertThat(p.server.getNegotiatedAlgorithms().serverToClient().cipher()).isEqualTo("aes256-ctr");
            assertThat(p.client.getNegotiatedAlgorithms().clientToServer().compression())
                    .isEqualTo("zlib@openssh.com");
            assertThat(p.client.getSecurityOptions().getCiphers()).containsExactly("aes256-ctr");
        }
        SecurityOptions options = new SecurityOptions();
        assertThatThrownBy(() -> options.setCiphers(List.of("rot13"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> options.setKex(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(options.getCiphers()).isNotEmpty();
    }

    @Test
    void groupExchangeWithLoadedModuli(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("moduli");
        try (InputStream in = Moduli.class.getResourceAsStream("moduli-builtin.txt")) {
            Files.write(file, in.readAllBytes());
        }
        Moduli moduli = Transport.loadServerModuli(file);
        assertThat(moduli.entries()).isNotEmpty();
        try (Pair p = new Pair(c -> c.getSecurityOptions().setKex(List.of("diffie-hellman-group-exchange-sha256")),
                s -> s.setServerModuli(moduli))) {
            assertThat(p.client.getNegotiatedAlgorithms().kex()).isEqualTo("diffie-hellman-group-exchange-sha256");
        }
    }

    @Test
    void acceptAndExecThroughServerInterface() throws Exception {
        try (Pair p = new Pair()) {
            assertThat(p.server.accept(Duration.ofMillis(20))).isNull();
            p.client.authPublicKey("bob", LoopbackServer.USER_KEY);
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> serveOnce(p, "hi\n", 7));
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                assertThat(ch.setEnvironmentVariable("LANG", "C")).isTrue();
                ch.execCommand("echo hi");
                assertThat(new String(ch.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi\n");
                assertThat(ch.recvExitStatus()).isEqualTo(7);
            }
            served.get(30, TimeUnit.SECONDS);
            assertThat(p.srv.exec.get()).isEqualTo("echo hi");
            assertThat(p.srv.env).containsEntry("LANG", "C");
        }
    }

    private static void serveOnce(Pair p, String output, int status) {
        try {
            Channel ch = p.server.accept(T);
            assertThat(p.srv.exec.get(30, TimeUnit.SECONDS)).isEqualTo("echo hi");
            ch.setTimeout(T);
            ch.sendall(output.getBytes(StandardCharsets.UTF_8));
            p.server.sendExitStatus(ch, status);
            ch.shutdownWrite();
            ch.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void subsystemHandlerServesTheChannel() throws Exception {
        try (Pair p = new Pair(c -> { }, s -> s.setSubsystemHandler("greet",
                () -> (name, transport, channel) -> channel.sendall(("sub:" + name).getBytes(StandardCharsets.UTF_8))))) {
            p.client.authPassword("bob", "secret");
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                ch.invokeSubsystem("greet");
                assertThat(new String(ch.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                        .isEqualTo("sub:greet");
            }
            assertThat(p.server.accept(T)).isNotNull(); // the subsystem's channel was queued for accept too
        }
    }

    @Test
    void globalRequestsAreAnsweredByCheckGlobalRequest() throws Exception {
        try (Pair p = new Pair()) {
            assertThatThrownBy(() -> p.client.globalRequest("ping@test", null, true))
                    .isInstanceOf(SshException.class);
            p.client.authPassword("bob", "secret");
            assertThat(p.client.globalRequest("ping@test", new byte[] {1, 2}, true)).isEmpty();
            assertThat(p.client.globalRequest("nope@test", null, true)).isNull();
            assertThat(p.client.globalRequest("nope@test", null, false)).isEmpty();
        }
    }

    @Test
    void renegotiateKeysKeepsDataIntact() throws Exception {
        try (Pair p = new Pair()) {
            p.client.authPassword("bob", "secret");
            CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
                try {
                    Channel ch = p.server.accept(T);
                    p.srv.exec.get(30, TimeUnit.SECONDS);
                    ch.setTimeout(T);
                    ch.getInputStream().transferTo(ch.getOutputStream());
                    p.server.sendExitStatus(ch, 0);
                    ch.close();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            byte[] first = LoopbackServer.pattern(100_000, 3);
            byte[] second = LoopbackServer.pattern(100_000, 5);
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                ch.execCommand("cat");
                ch.sendall(first);
                p.client.renegotiateKeys();
                p.server.renegotiateKeys();
                ch.sendall(second);
                ch.shutdownWrite();
                byte[] back = ch.getInputStream().readAllBytes();
                assertThat(back).hasSize(200_000);
                assertThat(java.util.Arrays.copyOfRange(back, 0, 100_000)).isEqualTo(first);
                assertThat(java.util.Arrays.copyOfRange(back, 100_000, 200_000)).isEqualTo(second);
                assertThat(ch.recvExitStatus()).isZero();
            }
            echo.get(30, TimeUnit.SECONDS);
            assertThat(p.client.isActive()).isTrue();
        }
    }

    @Test
    void sendIgnoreAndKeepaliveReachThePeer() throws Exception {
        try (Pair p = new Pair()) {
            p.client.authPassword("bob", "secret");
            long before = p.server.traffic().packetsIn();
            p.client.sendIgnore(100);
            p.client.sendIgnore();
            await().atMost(T).until(() -> p.server.traffic().packetsIn() >= before + 2);
            long later = p.server.traffic().packetsIn();
            p.client.setKeepalive(Duration.ofMillis(10));
            await().atMost(T).until(() -> p.server.traffic().packetsIn() >= later + 3);
            p.client.setKeepalive(Duration.ZERO);
            assertThat(p.client.isActive()).isTrue();
        }
    }

    @Test
    void closeEndsBothSides() throws Exception {
        try (Pair p = new Pair()) {
            p.client.authPassword("bob", "secret");
            p.client.close();
            assertThat(p.client.isActive()).isFalse();
            await().atMost(T).until(() -> !p.server.isActive());
            assertThat(p.server.getException()).isNotNull();
            assertThatThrownBy(p.client::openSession).isInstanceOf(SshException.class);
            p.client.close(); // idempotent
        }
    }

    @Test
    void runsOverStreamsAndByteChannels() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SocketChannel channel = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    listener.getLocalPort()));
            Socket socket = listener.accept();
            Transport client = new Transport(channel);
            Transport server = new Transport(socket.getInputStream(), socket.getOutputStream());
            try {
                server.addServerKey(LoopbackServer.HOST_KEY);
                Server srv = new Server();
                CompletableFuture<Void> started = server.startServerAsync(srv);
                client.startClientAsync().get(30, TimeUnit.SECONDS);
                started.get(30, TimeUnit.SECONDS);
                assertThat(server.getPeerAddress().getHostString()).isEqualTo("unknown");
                assertThat(client.authPassword("bob", "secret")).isEmpty();
                assertThat(client.globalRequest("ping@test", null, true)).isEmpty();
            } finally {
                client.close();
                server.close();
                socket.close();
            }
        }
    }

    @Test
    void connectChecksTheHostKey() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Transport> server = CompletableFuture.supplyAsync(() -> {
                try {
                    Transport t = new Transport(listener.accept());
                    t.addServerKey(LoopbackServer.HOST_KEY);
                    t.startServer(new Server());
                    return t;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Transport client = new Transport(new InetSocketAddress("127.0.0.1", listener.getLocalPort()))) {
                client.connect(LoopbackServer.HOST_KEY.publicKey(), "bob", "secret", null);
                assertThat(client.isAuthenticated()).isTrue();
            } finally {
                server.get(30, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void connectRefusesAnotherHostKey() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Transport> server = CompletableFuture.supplyAsync(() -> {
                try {
                    Transport t = new Transport(listener.accept());
                    t.addServerKey(LoopbackServer.HOST_KEY);
                    t.startServerAsync(new Server());
                    return t;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (Transport client = Transport.open("127.0.0.1:" + listener.getLocalPort(), T)) {
                assertThatThrownBy(() -> client.connect(LoopbackServer.USER_KEY.publicKey(), "bob", "secret", null))
                        .isInstanceOf(SshException.class).hasMessageContaining("host key mismatch");
                assertThat(client.isActive()).isFalse();
            } finally {
                server.get(30, TimeUnit.SECONDS).close();
            }
        }
    }

    @Test
    void mutatedHostStringsParseOrFailWithIllegalArgument() {
        byte[] valid = "[::1]:2222".getBytes(StandardCharsets.UTF_8);
        for (long seed = 0; seed < 2000; seed++) {
            String text = new String(org.sshstack.testing.Mutations.mutate(valid, seed), StandardCharsets.ISO_8859_1);
            try {
                InetSocketAddress parsed = TransportLink.parse(text);
                assertThat(parsed.getPort()).isBetween(1, 65535);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).isNotEmpty(); // the only failure a bad host string may cause
            }
        }
    }

    @Test
    void hostStringsAndSettings() throws Exception {
        assertThat(TransportLink.parse("example.org")).extracting(InetSocketAddress::getPort).isEqualTo(22);
        assertThat(TransportLink.parse("example.org:2222").getPort()).isEqualTo(2222);
        assertThat(TransportLink.parse("[::1]:2200").getHostString()).isEqualTo("::1");
        assertThat(TransportLink.parse("::1").getPort()).isEqualTo(22);
        assertThatThrownBy(() -> TransportLink.parse("h:99999")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransportLink.parse(":22")).isInstanceOf(IllegalArgumentException.class);
        Transport t = new Transport(InputStream.nullInputStream(), java.io.OutputStream.nullOutputStream());
        t.setLogChannel("my.transport");
        t.setHexdump(true);
        t.setTimeout(Duration.ofSeconds(5));
        assertThat(t.getLogChannel()).isEqualTo("my.transport");
        assertThat(t.getHexdump()).isTrue();
        assertThat(t.getTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(t.isActive()).isFalse();
        assertThatThrownBy(() -> t.authNone("x")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> t.startServer(new Server())).isInstanceOf(IllegalStateException.class);
        t.close();
    }
}
