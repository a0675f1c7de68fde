package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.AuthenticationException;
import org.sshstack.client.ClientSession;
import org.sshstack.client.ExecResult;
import org.sshstack.client.SshClient;

/**
 * Live interop: OUR {@link SshClient} logs in to peer servers on loopback and runs a command. Against OpenSSH
 * {@code sshd} (public key, for the current user, through the fixture's own AuthorizedKeysFile): every key type
 * (ed25519, ecdsa 256/384/521, rsa 3072) in every private key file format peers write — OpenSSH (ssh-keygen),
 * PEM PKCS#1/SEC1 and PKCS#8 (ssh-keygen -m PEM / -m PKCS8; ed25519 PKCS#8 from openssl), PuTTY PPK v3
 * (puttygen) — each without and with a passphrase. Against AsyncSSH: password and keyboard-interactive. Against
 * paramiko: password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurClientAuthInteropTest {

    private static final Duration T = Duration.ofSeconds(30);
    private UserKeys keys;
    private OpenSshServer sshd;
    private final List<String> pinned = new ArrayList<>();

    @BeforeAll
    void startSshd(@TempDir Path tmp) throws Exception {
        keys = UserKeys.generate(tmp);
        Path file = tmp.resolve("authorized_keys");
        Files.write(file, keys.authorizedLines());
        sshd = OpenSshServer.start(Files.createDirectories(tmp.resolve("sshd")),
                OpenSshServer.options().authorizedKeysFile(file));
        for (String type : HostKeys.ALL_TYPES) {
            pinned.add(HostKeys.sha256Fingerprint(Path.of(sshd.hostKey(type) + ".pub")));
        }
    }

    @AfterAll
    void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    static Stream<Arguments> keyFiles() {
        return UserKeys.cases();
    }

    @ParameterizedTest(name = "sshd publickey {0} {1} encrypted={2}")
    @MethodSource("keyFiles")
    void sshdPublicKey(String key, String format, boolean encrypted) throws Exception {
        Path file = keys.file(key, format, encrypted);
        String header = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        SshClient client = SshClient.builder().pinnedHostKeys(pinned)
                .identityFile(file, encrypted ? UserKeys.PASSPHRASE.toCharArray() : null).build();
        try (ClientSession s = client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name"))) {
            ExecResult r = s.exec("echo ok; exit 4", T);
            assertThat(r.stdoutText()).as(header).isEqualTo("ok\n");
            assertThat(r.exitStatus()).isEqualTo(4);
        }
        assertThat(sshd.log()).contains("Accepted publickey for " + System.getProperty("user.name"));
    }

    @Test
    void sshdWithAgentIdentities(@TempDir Path tmp) throws Exception {
        try (SshAgent agent = SshAgent.start(tmp)) {
            for (String name : UserKeys.names()) {
                agent.add(keys.plain(name));
            }
            SshClient client = SshClient.builder().pinnedHostKeys(pinned).useAgent(agent.socket()).build();
            try (ClientSession s = client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name"))) {
                ExecResult r = s.exec("echo agent; exit 5", T);
                assertThat(r.stdoutText()).isEqualTo("agent\n");
                assertThat(r.exitStatus()).isEqualTo(5);
            }
        }
        assertThat(sshd.log()).contains("Accepted publickey for " + System.getProperty("user.name"));
    }

    @Test
    void asyncSshPassword(@TempDir Path tmp) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(tmp)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password(AsyncSshServer.PASSWORD.toCharArray()).build(), server.port(), AsyncSshServer.USER, true);
            assertThat(server.log()).contains("Auth for user test succeeded");
        }
    }

    @Test
    void asyncSshKeyboardInteractive(@TempDir Path tmp) throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (AsyncSshServer server = AsyncSshServer.start(tmp, null, false, true)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .interactive((name, instruction, prompts) -> {
                        prompts.forEach(p -> seen.add(p.prompt() + "/" + p.echo()));
                        return prompts.stream().map(p -> AsyncSshServer.PASSWORD).toList();
                    }).build(), server.port(), AsyncSshServer.USER, true);
            assertThat(seen).containsExactly("Password: /false");
            assertThat(server.log()).contains("Auth for user test succeeded");
        }
    }

    @Test
    void paramikoPassword(@TempDir Path tmp) throws Exception {
        try (ParamikoServer server = ParamikoServer.start(tmp)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password(ParamikoServer.PASSWORD.toCharArray()).build(), server.port(), ParamikoServer.USER,
                    false); // paramiko_server.py serves one exec per connection
            assertThat(server.log()).contains("Auth granted (password).");
        }
    }

    @Test
    void sshdRefusesAnUntrustedKey(@TempDir Path tmp) throws Exception {
        SshClient client = SshClient.builder().pinnedHostKeys(pinned)
                .identity(org.sshstack.keys.KeyGenerator.ed25519("stranger", new java.security.SecureRandom()))
                .password("not-used-by-sshd".toCharArray()).build();
        assertThatThrownBy(() -> client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void asyncSshRefusesAWrongPassword(@TempDir Path tmp) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(tmp)) {
            SshClient client = SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> client.connect(Loopback.HOST, server.port(), AsyncSshServer.USER))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    /** Dropbear: an unknown user is refused cleanly (logins as a real account: DropbearAccountLoginInteropTest). */
    @Test
    void dropbearRefusesUnknownCredentialsCleanly(@TempDir Path tmp) throws Exception {
        try (DropbearServer server = DropbearServer.start(tmp, DropbearServer.options().passwordLogins(true))) {
            SshClient client = SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .identity(org.sshstack.keys.KeyGenerator.ed25519("stranger", new java.security.SecureRandom()))
                    .password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> client.connect(Loopback.HOST, server.port(), "sshstack-no-such-user"))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    private static void runEcho(SshClient client, int port, String user, boolean twice) throws Exception {
        try (ClientSession s = client.connect(Loopback.HOST, port, user)) {
            ExecResult r = s.exec("exit 3", T);
            assertThat(r.stdoutText()).isEqualTo("exit 3\n");
            assertThat(r.exitStatus()).isEqualTo(3);
            if (!twice) {
                return;
            }
            ExecResult zero = s.exec("hello", T);
            assertThat(zero.stdoutText()).isEqualTo("hello\n");
            assertThat(zero.exitStatus()).isZero();
        }
    }
}
