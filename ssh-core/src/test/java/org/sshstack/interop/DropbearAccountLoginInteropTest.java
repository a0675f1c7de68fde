package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.sshstack.client.SshClient;
import org.sshstack.client.Transport;

/**
 * Live interop: OUR {@link SshClient} logs in to Dropbear as the throwaway account {@link TestAccount}, then runs
 * {@code id -un}: with its password (RFC 4252 §8), with every key type Dropbear accepts for users (ed25519, ecdsa
 * 256/384/521, rsa) from key files in every format {@link UserKeys} writes (OpenSSH, PEM, PKCS#8, PPK; plain and
 * encrypted), and through ssh-agent (RFC 4252 §7). Dropbear reads keys only from the account's own
 * ~/.ssh/authorized_keys, which each test writes and removes ({@link TestAccount#authorize}). Dropbear 2022.83
 * offers no keyboard-interactive.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DropbearAccountLoginInteropTest {

    private static final Duration T = Duration.ofSeconds(30);

    private final LoginMatrix matrix = new LoginMatrix("dropbear 2022.83 account logins");
    private TestAccount account;
    private UserKeys keys;
    private DropbearServer dropbear;
    private SshAgent agent;
    private Path knownHosts;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        account = TestAccount.require();
        keys = UserKeys.generate(Files.createDirectories(tmp.resolve("keys")));
        dropbear = DropbearServer.start(Files.createDirectories(tmp.resolve("dropbear")),
                DropbearServer.options().passwordLogins(true));
        agent = SshAgent.start(Files.createDirectories(tmp.resolve("agent")));
        for (String name : UserKeys.names()) {
            agent.add(keys.plain(name));
        }
        knownHosts = tmp.resolve("known_hosts");
    }

    @AfterAll
    void stop() {
        matrix.write();
        if (agent != null) {
            agent.close();
        }
        if (dropbear != null) {
            dropbear.close();
        }
    }

    private SshClient.Builder client() {
        return SshClient.builder().knownHosts(knownHosts).acceptNewHostKeys();
    }

    @Test
    void password() throws Exception {
        matrix.check("password", "system account", () -> {
            SshClient client = client().password(TestAccount.PASSWORD.toCharArray()).build();
            assertThat(TestAccount.whoami(client, dropbear.port())).isEqualTo(TestAccount.NAME);
            assertThat(dropbear.log()).contains("Password auth succeeded for '" + TestAccount.NAME + "'");
        });
    }

    @Test
    void wrongPasswordIsRefusedWithTheAllowedMethods() throws Exception {
        matrix.check("password", "wrong password refused", () -> {
            SshClient client = client().password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> TestAccount.whoami(client, dropbear.port()))
                    .isInstanceOf(AuthenticationException.class);
            try (Transport t = Transport.open(Loopback.HOST + ":" + dropbear.port(), T)) {
                t.setTimeout(T);
                t.startClient();
                assertThatThrownBy(() -> t.authPassword(TestAccount.NAME, "wrong"))
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("the server allows [publickey, password]");
                assertThat(t.isAuthenticated()).isFalse();
            }
        });
    }

    static Stream<Arguments> keyFiles() {
        return UserKeys.cases();
    }

    @ParameterizedTest(name = "dropbear publickey {0} {1} encrypted={2}")
    @MethodSource("keyFiles")
    void publicKeyFile(String name, String format, boolean encrypted) throws Exception {
        matrix.check("publickey", name + " " + format + (encrypted ? " encrypted" : ""), () -> {
            Path file = keys.file(name, format, encrypted);
            SshClient client = client().identityFile(file, encrypted ? UserKeys.PASSPHRASE.toCharArray() : null)
                    .build();
            assertLoginWithKey(client, name);
        });
    }

    @ParameterizedTest(name = "dropbear agent {0}")
    @MethodSource("agentKeys")
    void agentIdentity(String name) throws Exception {
        matrix.check("publickey", name + " from ssh-agent", () ->
                assertLoginWithKey(client().useAgent(agent.socket()).build(), name));
    }

    static List<String> agentKeys() {
        return UserKeys.names();
    }

    /** Authorizes only the key {@code name}, logs in and checks that Dropbear accepted exactly that key. */
    private void assertLoginWithKey(SshClient client, String name) throws Exception {
        String accepted = "Pubkey auth succeeded for '" + TestAccount.NAME + "' with ";
        String fingerprint = HostKeys.sha256Fingerprint(keys.publicKey(name));
        long before = dropbear.log().lines().filter(l -> l.contains(accepted) && l.contains(fingerprint)).count();
        try (TestAccount.AuthorizedKeys grant = account.authorize(List.of(keys.authorizedLine(name)))) {
            assertThat(TestAccount.whoami(client, dropbear.port())).isEqualTo(TestAccount.NAME);
        }
        assertThat(dropbear.log().lines().filter(l -> l.contains(accepted) && l.contains(fingerprint)))
                .as(dropbear.log()).hasSize((int) before + 1);
    }
}
