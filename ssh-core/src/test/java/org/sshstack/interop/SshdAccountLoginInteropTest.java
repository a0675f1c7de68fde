package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.client.SshClient;
import org.sshstack.client.Transport;

/**
 * Live interop: OUR {@link SshClient} logs in to OpenSSH {@code sshd} (UsePAM yes, so the system's password
 * check) as the throwaway account {@link TestAccount} with its password: "password" (RFC 4252 §8) and
 * "keyboard-interactive" answered by a handler (RFC 4256, PAM's password prompt), then runs {@code id -un}. A wrong
 * password is refused with a typed {@link AuthenticationException} naming the methods the server allows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SshdAccountLoginInteropTest {

    private static final Duration T = Duration.ofSeconds(30);

    private final LoginMatrix matrix = new LoginMatrix("sshd 9.2 account logins");
    private final List<String> pinned = new ArrayList<>();
    private OpenSshServer sshd;

    @BeforeAll
    void startSshd(@TempDir Path tmp) throws Exception {
        TestAccount.require();
        sshd = OpenSshServer.start(tmp, OpenSshServer.options().usePam(true).passwordAuthentication(true)
                .keyboardInteractive(true));
        for (String type : HostKeys.ALL_TYPES) {
            pinned.add(HostKeys.sha256Fingerprint(Path.of(sshd.hostKey(type) + ".pub")));
        }
    }

    @AfterAll
    void stopSshd() {
        matrix.write();
        if (sshd != null) {
            sshd.close();
        }
    }

    @Test
    void password() throws Exception {
        matrix.check("password", "system account via PAM", () -> {
            SshClient client = SshClient.builder().pinnedHostKeys(pinned)
                    .password(TestAccount.PASSWORD.toCharArray()).build();
            assertThat(TestAccount.whoami(client, sshd.port())).isEqualTo(TestAccount.NAME);
            assertThat(sshd.log()).contains("Accepted password for " + TestAccount.NAME);
        });
    }

    @Test
    void keyboardInteractive() throws Exception {
        matrix.check("keyboard-interactive", "PAM password prompt", () -> {
            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            SshClient client = SshClient.builder().pinnedHostKeys(pinned).interactive((name, instruction, prompts) -> {
                prompts.forEach(p -> seen.add(p.prompt() + "/echo=" + p.echo()));
                return prompts.stream().map(p -> TestAccount.PASSWORD).toList();
            }).build();
            assertThat(TestAccount.whoami(client, sshd.port())).isEqualTo(TestAccount.NAME);
            assertThat(seen).singleElement().asString().contains("assword").endsWith("/echo=false");
            assertThat(sshd.log()).contains("Accepted keyboard-interactive/pam for " + TestAccount.NAME);
        });
    }

    @Test
    void wrongPasswordIsRefusedWithTheAllowedMethods() throws Exception {
        matrix.check("password", "wrong password refused", () -> {
            SshClient client = SshClient.builder().pinnedHostKeys(pinned).password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> TestAccount.whoami(client, sshd.port()))
                    .isInstanceOf(AuthenticationException.class);
            try (Transport t = Transport.open(Loopback.HOST + ":" + sshd.port(), T)) {
                t.setTimeout(T);
                t.startClient();
                assertThatThrownBy(() -> t.authNone(TestAccount.NAME))
                        .isInstanceOfSatisfying(BadAuthenticationTypeException.class, e -> assertThat(
                                e.allowedTypes()).contains("publickey", "password", "keyboard-interactive"));
                assertThatThrownBy(() -> t.authPassword(TestAccount.NAME, "wrong"))
                        .isInstanceOf(AuthenticationException.class)
                        .hasMessageContaining("the server allows [publickey, password, keyboard-interactive]");
                assertThat(t.isAuthenticated()).isFalse();
            }
            assertThat(sshd.log()).contains("Failed password for " + TestAccount.NAME);
        });
    }
}
