package org.sshstack.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The paramiko-style API gaps of issue 4 on a loopback {@link Transport} pair: hex dumps that never show passwords,
 * the keyboard-interactive submethods hint, algorithm lists changed on a running transport, {@link
 * Channel#sendExitStatus(int)} and want-reply requests from several threads on one channel.
 */
class TransportApiTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final String PASSWORD_HEX = HexFormat.of().formatHex("secret".getBytes(StandardCharsets.UTF_8));

    /** @return every byte dumped in each block, as one hex string per block (rows joined, offsets dropped) */
    private static List<String> dumpedBytes(List<String> dumps) {
        List<String> blocks = new ArrayList<>();
        for (String dump : dumps) {
            StringBuilder hex = new StringBuilder();
            for (String line : dump.split("\n")) {
                if (line.matches("^  [0-9a-f]{6}: .*")) {
                    hex.append(line, 10, Math.min(line.length(), 10 + 48));
                }
            }
            blocks.add(hex.toString().replace(" ", ""));
        }
        return blocks;
    }

    private static void assertNoSecret(List<String> dumps) {
        assertThat(dumps).noneMatch(d -> d.contains("secret"));
        assertThat(dumpedBytes(dumps)).noneMatch(b -> b.contains(PASSWORD_HEX));
    }

    @Test
    void hexDumpShowsThePacketsButNeverThePassword() throws Exception {
        List<String> client = new CopyOnWriteArrayList<>();
        List<String> server = new CopyOnWriteArrayList<>();
        try (TransportTest.Pair p = new TransportTest.Pair(c -> {
            c.setHexdumpSink(client::add);
            c.setHexdump(true);
        }, s -> {
            s.setHexdumpSink(server::add);
            s.setHexdump(true);
        })) {
            assertThat(p.client.authPassword("bob", "secret")).isEmpty();
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                assertThat(ch.setEnvironmentVariable("LANG", "C")).isTrue();
            }
        }
        assertThat(client).anyMatch(d -> d.startsWith("OUT SSH_MSG_KEXINIT (20)"))
                .anyMatch(d -> d.startsWith("IN  SSH_MSG_KEXINIT (20)"))
                .anyMatch(d -> d.startsWith("OUT SSH_MSG_SERVICE_REQUEST (5)"))
                .anyMatch(d -> d.startsWith("IN  SSH_MSG_USERAUTH_SUCCESS (52)"))
                .anyMatch(d -> d.startsWith("OUT SSH_MSG_CHANNEL_OPEN (90)"))
                .anyMatch(d -> d.matches("OUT SSH_MSG_USERAUTH_REQUEST \\(50\\), \\d+ bytes: <redacted>"));
        assertThat(server).anyMatch(d -> d.matches("IN  SSH_MSG_USERAUTH_REQUEST \\(50\\), \\d+ bytes: <redacted>"))
                .anyMatch(d -> d.startsWith("OUT SSH_MSG_USERAUTH_SUCCESS (52)"));
        assertThat(dumpedBytes(client)).anyMatch(b -> b.contains(HexFormat.of().formatHex(
                "ssh-userauth".getBytes(StandardCharsets.US_ASCII)))); // the rows carry real payload bytes
        assertNoSecret(client);
        assertNoSecret(server);
    }

    @Test
    void hexDumpRedactsKeyboardInteractiveAnswersAndCanBeSwitchedOnWhileRunning() throws Exception {
        List<String> client = new CopyOnWriteArrayList<>();
        try (TransportTest.Pair p = new TransportTest.Pair(c -> c.setHexdumpSink(client::add), s -> { })) {
            assertThat(client).isEmpty(); // off by default
            p.client.setHexdump(true);
            p.client.sendIgnore(5);
            await().atMost(T).until(() -> client.stream().anyMatch(d -> d.startsWith("OUT SSH_MSG_IGNORE (2)")));
            assertThat(p.client.authPassword("kim", "secret")).isEmpty(); // falls back to keyboard-interactive
            p.client.setHexdump(false);
            int seen = client.size();
            p.client.sendIgnore(5);
            p.client.globalRequest("ping@test", new byte[0], true); // a round trip: the IGNORE went out before
            assertThat(client).hasSize(seen);
        }
        assertThat(client).anyMatch(d -> d.matches("OUT SSH_MSG_USERAUTH_INFO_RESPONSE \\(61\\), \\d+ bytes: "
                + "<redacted>"));
        assertNoSecret(client);
    }

    @Test
    void keyboardInteractiveSendsTheSubmethodsHint() throws Exception {
        try (TransportTest.Pair p = new TransportTest.Pair()) {
            assertThat(p.client.authInteractive("kim", (name, instruction, prompts) -> List.of("secret"),
                    "pam,skey")).isEmpty();
            assertThat(p.srv.submethods).containsExactly("pam,skey");
        }
    }

    @Test
    void algorithmListsChangedWhileRunningApplyAtTheNextRekey() throws Exception {
        try (TransportTest.Pair p = new TransportTest.Pair()) {
            assertThat(p.client.getNegotiatedAlgorithms().clientToServer().cipher())
                    .isEqualTo("chacha20-poly1305@openssh.com");
            p.client.getSecurityOptions().setCiphers(List.of("aes128-gcm@openssh.com", "aes256-ctr"));
            assertThat(p.client.getNegotiatedAlgorithms().clientToServer().cipher())
                    .isEqualTo("chacha20-poly1305@openssh.com");
            p.client.renegotiateKeys();
            assertThat(p.client.getNegotiatedAlgorithms().clientToServer().cipher())
                    .isEqualTo("aes128-gcm@openssh.com");
            await().atMost(T).until(() -> p.server.getNegotiatedAlgorithms().serverToClient().cipher()
                    .equals("aes128-gcm@openssh.com")); // the server finishes when our NEWKEYS arrives

            p.server.getSecurityOptions().setCiphers(List.of("aes256-ctr")); // the server's list, a client's rekey
            p.server.getSecurityOptions().setDigests(List.of("hmac-sha2-512-etm@openssh.com"));
            p.client.renegotiateKeys();
            assertThat(p.client.getNegotiatedAlgorithms().serverToClient().cipher()).isEqualTo("aes256-ctr");
            assertThat(p.client.getNegotiatedAlgorithms().serverToClient().mac())
                    .contains("hmac-sha2-512-etm@openssh.com");
            assertThat(p.client.authPassword("bob", "secret")).isEmpty(); // still usable
        }
    }

    @Test
    void channelSendsTheExitStatusItself() throws Exception {
        try (TransportTest.Pair p = new TransportTest.Pair()) {
            p.client.authPassword("bob", "secret");
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (Channel ch = p.server.accept(T)) {
                    ch.setTimeout(T);
                    assertThat(p.srv.exec.get(30, TimeUnit.SECONDS)).isEqualTo("work");
                    ch.sendall("done\n".getBytes(StandardCharsets.UTF_8));
                    ch.sendExitStatus(3);
                    ch.shutdownWrite();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                ch.execCommand("work");
                assertThat(ch.getInputStream().readAllBytes()).isEqualTo("done\n".getBytes(StandardCharsets.UTF_8));
                assertThat(ch.recvExitStatus()).isEqualTo(3);
                assertThatThrownBy(() -> ch.sendExitStatus(0)).isInstanceOf(IllegalStateException.class);
            }
            served.get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void wantReplyRequestsFromTwoThreadsEachGetTheirOwnAnswer() throws Exception {
        try (TransportTest.Pair p = new TransportTest.Pair()) {
            p.client.authPassword("bob", "secret");
            try (Channel ch = p.client.openSession()) {
                ch.setTimeout(T);
                CountDownLatch go = new CountDownLatch(1);
                CompletableFuture<List<Boolean>> yes = CompletableFuture.supplyAsync(() -> envs(ch, go, "YES_"));
                CompletableFuture<List<Boolean>> no = CompletableFuture.supplyAsync(() -> envs(ch, go, "NO_"));
                go.countDown();
                assertThat(yes.get(60, TimeUnit.SECONDS)).hasSize(40).containsOnly(true);
                assertThat(no.get(60, TimeUnit.SECONDS)).hasSize(40).containsOnly(false);
            }
        }
    }

    private static List<Boolean> envs(Channel ch, CountDownLatch go, String prefix) {
        List<Boolean> answers = new ArrayList<>();
        try {
            go.await(30, TimeUnit.SECONDS);
            for (int i = 0; i < 40; i++) {
                answers.add(ch.setEnvironmentVariable(prefix + i, "v"));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return answers;
    }
}
