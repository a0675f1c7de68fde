package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.AuthenticationException;
import org.sshstack.client.ClientSession;
import org.sshstack.client.ExecResult;
import org.sshstack.client.SshClient;
import org.sshstack.keys.KeyGenerator;

/**
 * Live interop: OUR {@link SshClient} logs in to the paramiko 2.12 and AsyncSSH 2.10 servers of
 * {@code paramiko_server.py} / {@code asyncssh_server.py} by publickey (RFC 4252 §7) with every key type (ed25519,
 * ecdsa 256/384/521, rsa 3072) from key files in every format {@link UserKeys} writes (OpenSSH, PEM, PKCS#8, PPK;
 * plain and encrypted) and through ssh-agent, then runs a command the scripts echo. Each server is started once
 * for the class with {@code --authorized-keys}; the file is rewritten before each login to hold only the key under
 * test (both scripts read it at every attempt), so a login proves that exact key was accepted, which the scripts
 * also log by fingerprint. Password (both) and keyboard-interactive (AsyncSSH) rows complete the matrix.
 *
 * <p>No key type is "not supported by peer": paramiko 2.12's server verifies every one of them
 * ({@code Transport._preferred_pubkeys}: ssh-ed25519, ecdsa-sha2-nistp256/384/521, rsa-sha2-512/256, ssh-rsa), and
 * AsyncSSH 2.10 verifies all of them by default. paramiko 2.12 sends no server-sig-algs to us, though: its
 * {@code _parse_kex_init} sees ext-info-c only as the LAST kex name, and ours (like OpenSSH 9.2's) is followed by
 * kex-strict-c-v00@openssh.com; RSA keys then sign with rsa-sha2-256 (RFC 8332 §3.3), which paramiko verifies.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonServersKeyLoginInteropTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final List<String> SERVERS = List.of("paramiko", "asyncssh");
    /** Both scripts accept this user with this password. */
    private static final String USER = ParamikoServer.USER;
    private static final String PASSWORD = ParamikoServer.PASSWORD;

    private UserKeys keys;
    private SshAgent agent;
    private Path authorized;
    private Path knownHosts;
    private Map<String, Peer> peers = Map.of();
    /** Key files by name, format and encryption: both servers log in with the same file (writing one is slow). */
    private final Map<String, Path> files = new HashMap<>();

    /**
     * A started server with its matrix.
     *
     * @param server the running script
     * @param matrix its rows
     * @param granted the log line each successful login adds
     */
    private record Peer(ServerFixture server, LoginMatrix matrix, String granted) {

        long count(String line) {
            return server.log().lines().filter(l -> l.contains(line)).count();
        }
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        keys = UserKeys.generate(Files.createDirectories(tmp.resolve("keys")));
        authorized = tmp.resolve("authorized_keys");
        Files.write(authorized, keys.authorizedLines());
        knownHosts = tmp.resolve("known_hosts");
        Map<String, Peer> started = new LinkedHashMap<>();
        peers = started; // what started is stopped in stop(), even if a later start fails
        started.put("paramiko", new Peer(ParamikoServer.start(Files.createDirectories(tmp.resolve("paramiko")), null,
                authorized), new LoginMatrix("paramiko 2.12 logins"), "Auth granted (publickey)."));
        started.put("asyncssh", new Peer(AsyncSshServer.start(Files.createDirectories(tmp.resolve("asyncssh")), null,
                false, true, authorized), new LoginMatrix("asyncssh 2.10 logins"),
                "Auth for user " + USER + " succeeded"));
        agent = SshAgent.start(Files.createDirectories(tmp.resolve("agent")));
        for (String name : UserKeys.names()) {
            agent.add(keys.plain(name));
        }
    }

    @AfterAll
    void stop() {
        for (Peer peer : peers.values()) {
            peer.matrix().write();
            peer.server().close();
        }
        if (agent != null) {
            agent.close();
        }
    }

    private SshClient.Builder client() {
        return SshClient.builder().knownHosts(knownHosts).acceptNewHostKeys();
    }

    Stream<Arguments> keyFiles() {
        return SERVERS.stream().flatMap(server -> UserKeys.cases()
                .map(c -> Arguments.of(server, c.get()[0], c.get()[1], c.get()[2])));
    }

    @ParameterizedTest(name = "{0} publickey {1} {2} encrypted={3}")
    @MethodSource("keyFiles")
    void publicKeyFile(String server, String name, String format, boolean encrypted) throws Exception {
        Peer peer = peers.get(server);
        peer.matrix().check("publickey", name + " " + format + (encrypted ? " encrypted" : ""), () -> {
            Path file = keyFile(name, format, encrypted);
            SshClient client = client().identityFile(file, encrypted ? UserKeys.PASSPHRASE.toCharArray() : null)
                    .build();
            assertLoginWithKey(peer, client, name);
        });
    }

    Stream<Arguments> agentKeys() {
        return SERVERS.stream().flatMap(server -> UserKeys.names().stream().map(name -> Arguments.of(server, name)));
    }

    @ParameterizedTest(name = "{0} agent {1}")
    @MethodSource("agentKeys")
    void agentIdentity(String server, String name) throws Exception {
        Peer peer = peers.get(server);
        peer.matrix().check("publickey", name + " from ssh-agent", () ->
                assertLoginWithKey(peer, client().useAgent(agent.socket()).build(), name));
    }

    @ParameterizedTest(name = "{0} refuses an unknown key")
    @ValueSource(strings = {"paramiko", "asyncssh"})
    void unknownKeyIsRefused(String server) throws Exception {
        Peer peer = peers.get(server);
        peer.matrix().check("publickey", "unknown key refused", () -> {
            Files.write(authorized, keys.authorizedLines());
            long before = peer.count(peer.granted());
            SshClient client = client().identity(KeyGenerator.ed25519("stranger", new SecureRandom())).build();
            assertThatThrownBy(() -> client.connect(Loopback.HOST, peer.server().port(), USER))
                    .isInstanceOf(AuthenticationException.class);
            assertThat(peer.count(peer.granted())).isEqualTo(before);
        });
    }

    @ParameterizedTest(name = "{0} password")
    @ValueSource(strings = {"paramiko", "asyncssh"})
    void password(String server) throws Exception {
        Peer peer = peers.get(server);
        peer.matrix().check("password", "test/secret", () ->
                runEcho(client().password(PASSWORD.toCharArray()).build(), peer, "password"));
    }

    @ParameterizedTest(name = "{0} keyboard-interactive")
    @ValueSource(strings = {"asyncssh"})
    void keyboardInteractive(String server) throws Exception {
        Peer peer = peers.get(server);
        peer.matrix().check("kbdint", "one hidden Password: prompt", () -> runEcho(client()
                .interactive((name, instruction, prompts) -> prompts.stream().map(p -> PASSWORD)
                        .toList()).build(), peer, "keyboard-interactive"));
    }

    private Path keyFile(String name, String format, boolean encrypted) throws Exception {
        String id = name + " " + format + " " + encrypted;
        Path file = files.get(id);
        if (file == null) {
            file = keys.file(name, format, encrypted);
            files.put(id, file);
        }
        return file;
    }

    /**
     * Authorizes only the key {@code name}, logs in, runs a command and checks that the server granted exactly one
     * publickey login, with that key.
     */
    private void assertLoginWithKey(Peer peer, SshClient client, String name) throws Exception {
        Files.writeString(authorized, keys.authorizedLine(name) + "\n");
        String accepted = "publickey ok: " + HostKeys.sha256Fingerprint(keys.publicKey(name));
        long before = peer.count(peer.granted());
        long acceptedBefore = peer.count(accepted);
        runEcho(client, peer, "login " + name);
        await().atMost(T).until(() -> peer.count(peer.granted()) == before + 1);
        assertThat(peer.count(accepted)).isGreaterThan(acceptedBefore); // once or twice: with and without query
    }

    /** One connection running one command (paramiko_server.py serves one exec per connection). */
    private static void runEcho(SshClient client, Peer peer, String command) throws Exception {
        try (ClientSession s = client.connect(Loopback.HOST, peer.server().port(), USER)) {
            ExecResult r = s.exec(command, T);
            assertThat(r.stdoutText()).as(peer.server().log()).isEqualTo(command + "\n");
            assertThat(r.exitStatus()).isZero();
        }
    }
}
