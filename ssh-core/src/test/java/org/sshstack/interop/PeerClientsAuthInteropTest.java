package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.server.InteractiveAuthenticator;
import org.sshstack.server.ServerCommand;
import org.sshstack.server.SshServer;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/**
 * Live interop: peer clients log in to OUR {@link SshServer} on loopback and run a command. OpenSSH {@code ssh} with
 * every user key type (ssh-keygen: ed25519, ecdsa 256/384/521, rsa 3072), password and keyboard-interactive through
 * {@code sshpass}, identities held by {@code ssh-agent}, and an {@code ssh -tt} shell with a pty; PuTTY
 * {@code plink}, paramiko and AsyncSSH with a password. Each checks exit status and output.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerClientsAuthInteropTest {

    private static final String USER = "tester";
    private static final String PASSWORD = "secret";
    private static final Duration T = Duration.ofSeconds(30);

    private Path dir;

    private final List<SshPublicKey> trusted = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private SshServer server;
    private String hostKeyFingerprint;

    @BeforeAll
    void startServer(@TempDir Path tmp) throws Exception {
        dir = tmp;
        PeerTools.require("ssh-keygen");
        SshKeyPair hostKey = KeyGenerator.ed25519("host", new SecureRandom());
        Path hostPub = dir.resolve("host.pub");
        KeyFiles.writePublicKey(hostPub, hostKey.publicKey(), "host");
        hostKeyFingerprint = HostKeys.sha256Fingerprint(hostPub);
        server = SshServer.builder().hostKey(hostKey).executor(executor)
                .passwordAuthenticator((u, p) -> u.equals(USER) && p.equals(PASSWORD))
                .publicKeyAuthenticator((u, k) -> u.equals(USER)
                        && trusted.stream().anyMatch(t -> java.util.Arrays.equals(t.blob(), k.blob())))
                .interactiveAuthenticator(new PasswordPrompt())
                .commandHandler(PeerClientsAuthInteropTest::hello)
                .shellFactory(PeerClientsAuthInteropTest::echoShell)
                .build().start();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        executor.shutdownNow();
    }

    /** "hello N": "hello USER" on stdout, "err" on stderr, exit N. */
    private static int hello(ServerCommand c) throws Exception {
        String[] words = c.command().split(" ");
        c.stdout().write(("hello " + c.user() + "\n").getBytes(StandardCharsets.UTF_8));
        c.stderr().write("err\n".getBytes(StandardCharsets.UTF_8));
        return words.length == 2 ? Integer.parseInt(words[1]) : 0;
    }

    /** A line shell: reports the pty, echoes "got: LINE" per line until "exit" or EOF. */
    private static int echoShell(ServerCommand c) throws Exception {
        String pty = c.pty().map(p -> p.term()).orElse("none");
        c.stdout().write(("pty " + pty + "\r\n").getBytes(StandardCharsets.UTF_8));
        c.stdout().flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(c.stdin(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            line = line.strip();
            if (line.equals("exit")) {
                return 7;
            }
            c.stdout().write(("got: " + line + "\r\n").getBytes(StandardCharsets.UTF_8));
            c.stdout().flush();
        }
        return 0;
    }

    /** Keyboard-interactive: one non-echoed "Password: " prompt, answered with the password. */
    private static final class PasswordPrompt implements InteractiveAuthenticator {
        @Override
        public InteractiveQuery challenge(String user) {
            return new InteractiveQuery("", "", List.of(new Prompt("Password: ", false)));
        }

        @Override
        public boolean verify(String user, List<String> responses) {
            return user.equals(USER) && responses.equals(List.of(PASSWORD));
        }
    }

    private Path userKey(String type, String bits) throws Exception {
        Path key = dir.resolve("id_" + type + bits);
        if (!Files.exists(key)) {
            PeerTools.run("ssh-keygen", "-q", "-t", type, "-b", bits, "-N", "", "-C", "", "-f", key.toString())
                    .assertSuccess();
        }
        return key;
    }

    private void trust(Path privateKey) throws Exception {
        trusted.add(KeyFiles.readPublicKey(Path.of(privateKey + ".pub")).key());
    }

    @ParameterizedTest(name = "ssh publickey {0} {1}")
    @CsvSource({"ed25519,256", "ecdsa,256", "ecdsa,384", "ecdsa,521", "rsa,3072"})
    void opensshPublicKey(String type, String bits) throws Exception {
        PeerTools.require("ssh");
        Path key = userKey(type, bits);
        trust(key);
        PeerTools.Result r = OpenSshClient.create(dir).identity(key).option("PreferredAuthentications", "publickey")
                .run(server.getPort(), USER, "hello", "3");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(3);
        assertThat(r.stdout()).isEqualTo("hello " + USER + "\n");
        assertThat(r.stderr()).contains("err").contains("Authenticated to 127.0.0.1")
                .contains("using \"publickey\"");
    }

    @ParameterizedTest(name = "sshpass ssh {0}")
    @CsvSource({"password", "keyboard-interactive"})
    void opensshPasswordThroughSshpass(String method) throws Exception {
        PeerTools.require("ssh");
        Path sshpass = PeerTools.require("sshpass");
        List<String> ssh = OpenSshClient.create(dir).option("BatchMode", "no")
                .option("PreferredAuthentications", method).option("NumberOfPasswordPrompts", "1")
                .commandLine(server.getPort(), USER, "hello", "5");
        List<String> line = new java.util.ArrayList<>(List.of(sshpass.toString(), "-p", PASSWORD));
        line.addAll(ssh);
        PeerTools.Result r = PeerTools.runIn(dir, Map.of(), T, null, line.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(5);
        assertThat(r.stdout()).contains("hello " + USER);
        assertThat(r.stderr()).contains("using \"" + method + "\"");
    }

    @Test
    void opensshWithAgentIdentities() throws Exception {
        PeerTools.require("ssh");
        PeerTools.require("ssh-add");
        Path agentDir = Files.createDirectories(dir.resolve("agent"));
        Path sock = agentDir.resolve("sock");
        Path ed = userKey("ed25519", "256");
        Path ec = userKey("ecdsa", "384");
        Path rsa = userKey("rsa", "3072");
        trust(rsa); // IdentityFile=none: every key offered comes from the agent
        try (PeerProcess agent = PeerProcess.start("ssh-agent", agentDir, Map.of(), agentDir.resolve("agent.log"),
                PeerTools.require("ssh-agent").toString(), "-D", "-a", sock.toString())) {
            agent.awaitLog(java.util.regex.Pattern.compile("SSH_AUTH_SOCK"));
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", sock.toString());
            for (Path key : List.of(ed, ec, rsa)) {
                PeerTools.runIn(agentDir, env, T, null, "ssh-add", key.toString()).assertSuccess();
            }
            PeerTools.Result list = PeerTools.runIn(agentDir, env, T, null, "ssh-add", "-l").assertSuccess();
            assertThat(list.stdout().lines()).hasSize(3);
            List<String> ssh = OpenSshClient.create(dir).option("IdentityAgent", sock.toString())
                    .option("IdentitiesOnly", "no").option("PreferredAuthentications", "publickey")
                    .commandLine(server.getPort(), USER, "hello", "0");
            PeerTools.Result r = PeerTools.runIn(dir, env, T, null, ssh.toArray(String[]::new));
            assertThat(r.exitCode()).as(r.stderr()).isZero();
            assertThat(r.stdout()).isEqualTo("hello " + USER + "\n");
            assertThat(r.stderr()).containsPattern("Server accepts key: .* agent\\b").contains("using \"publickey\"");
        }
    }

    @Test
    void opensshShellWithPty() throws Exception {
        PeerTools.require("ssh");
        Path key = userKey("ed25519", "256");
        trust(key);
        List<String> ssh = OpenSshClient.create(dir).identity(key).option("RequestTTY", "force")
                .commandLine(server.getPort(), USER);
        ssh.add(ssh.indexOf("-vvv") + 1, "-tt");
        byte[] input = "first line\nsecond\nexit\n".getBytes(StandardCharsets.UTF_8);
        PeerTools.Result r = PeerTools.runIn(dir, Map.of("TERM", "xterm"), T, input, ssh.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(7);
        assertThat(r.stdout()).contains("pty xterm").contains("got: first line").contains("got: second");
        assertThat(r.stderr()).contains("pty-req");
    }

    @Test
    void plinkPassword() throws Exception {
        PeerTools.require("plink");
        PeerTools.Result r = PlinkClient.create(dir).hostKey(hostKeyFingerprint).password(PASSWORD)
                .run(server.getPort(), USER, "hello", "4");
        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(4);
        assertThat(r.stdout()).isEqualTo("hello " + USER + "\n");
        assertThat(r.stderr()).contains("err");
    }

    @Test
    void paramikoPassword() throws Exception {
        PeerTools.Result r = PythonClient.paramiko(dir).password(USER, PASSWORD).run(server.getPort(), "hello 6");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(6);
        assertThat(r.stdout()).endsWith("hello " + USER + "\n");
        assertThat(r.stderr()).contains("Authentication (password) successful");
    }

    @Test
    void asyncSshPassword() throws Exception {
        PeerTools.Result r = PythonClient.asyncssh(dir).password(USER, PASSWORD).run(server.getPort(), "hello 9");
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(9);
        assertThat(r.stdout()).endsWith("hello " + USER + "\n");
    }
}
