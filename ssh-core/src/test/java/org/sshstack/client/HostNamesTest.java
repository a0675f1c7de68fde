package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SECURITY.md D3 (OpenSSH CVE-2023-51385, CVE-2025-61984): host and user names with control characters, and host
 * names with shell metacharacters or white space, are refused with an IllegalArgumentException before any I/O.
 */
class HostNamesTest {

    private static final List<String> CONTROL = List.of("\0", "\r", "\n", "\t", "\u001b", "\u007f", "\u0085",
            "\u009b");

    @ParameterizedTest
    @ValueSource(strings = {"example.com", "host-1.example", "127.0.0.1", "::1", "fe80::1%eth0", "[::1]",
        "xn--bcher-kva.example"})
    void ordinaryHostNamesPass(String host) {
        assertThat(HostNames.checkHost(host)).isEqualTo(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a;b", "a|b", "a&b", "a$b", "a`b", "a<b", "a>b", "a(b", "a)b", "a'b", "a\"b", "a\\b",
        "a b", "a\u00a0b", "$(id)", "-oProxyCommand=x", "", "a*b"})
    void hostNamesWithShellSyntaxAreRefused(String host) {
        assertThatThrownBy(() -> HostNames.checkHost(host)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void controlCharactersAreRefusedInHostAndUserNamesWithoutEchoingThem() {
        for (String c : CONTROL) {
            assertThatThrownBy(() -> HostNames.checkHost("a" + c + "b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+").satisfies(e -> assertThat(e.getMessage()).doesNotContain(c));
            assertThatThrownBy(() -> HostNames.checkUser("a" + c + "b")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("U+").satisfies(e -> assertThat(e.getMessage()).doesNotContain(c));
        }
    }

    @Test
    void userNamesStayPermissiveButRefuseALeadingDashAndEmptiness() {
        for (String user : List.of("alice", "HOST$", "DOMAIN\\bob", "bob@example.com", "o'brien")) {
            assertThat(HostNames.checkUser(user)).isEqualTo(user);
        }
        assertThatThrownBy(() -> HostNames.checkUser("-oProxyCommand=x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostNames.checkUser("")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientAndTransportRefuseBeforeConnecting() throws Exception {
        try (ServerSocket listener = new ServerSocket(0)) {
            listener.setSoTimeout(1);
            SshClient client = SshClient.builder().pinnedHostKeys(List.of("SHA256:none")).build();
            assertThatThrownBy(() -> client.connect("localhost;id", listener.getLocalPort(), "alice"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> client.connect("localhost", listener.getLocalPort(), "al\nice"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> Transport.open("local\0host:" + listener.getLocalPort(), Duration.ofSeconds(5)))
                    .isInstanceOf(IllegalArgumentException.class);
            // nothing reached the listener: it has no connection to accept
            assertThatThrownBy(listener::accept).isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }
}
