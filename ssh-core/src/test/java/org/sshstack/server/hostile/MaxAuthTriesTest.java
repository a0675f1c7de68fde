package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;

/**
 * SECURITY.md A8 and OpenSSH MaxAuthTries against the real server: the per-connection cap counts every failed
 * attempt of any method, a repeated "none" included (only the first "none", the RFC 4252 §5.2 method query, is
 * free), and the attempt that reaches the cap gets DISCONNECT(NO_MORE_AUTH_METHODS_AVAILABLE) at once. The requests
 * are pipelined: failure replies are held by the failure delay on the server's frozen clock, so the cap, not the
 * client's patience, ends the connection.
 */
class MaxAuthTriesTest {

    private static final int TRIES = 3;

    private final HostileServer server = new HostileServer(b -> b.maxAuthTries(TRIES));

    MaxAuthTriesTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.uncaught).isEmpty();
    }

    @Test
    void theAttemptReachingTheCapDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (int i = 0; i < TRIES; i++) {
                client.send(HostilePayloads.password("alice", "wrong " + i));
            }
            assertThat(client.awaitServerClose()).contains(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE);
            assertThat(numbers(client)).doesNotContain(MessageNumbers.USERAUTH_SUCCESS);
        }
    }

    @Test
    void oneAttemptBelowTheCapStillLogsIn() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (int i = 0; i < TRIES - 1; i++) {
                client.send(HostilePayloads.password("alice", "wrong " + i));
            }
            client.send(HostilePayloads.password("alice", "secret"));
            // the server decided (SUCCESS is held behind the failures); only then may its clock move
            await().atMost(Duration.ofSeconds(10)).until(() -> server.server.unauthenticatedConnections() == 0);
            server.now.addAndGet(1_000_000_000L); // releases the held replies (failure delay at most 150 ms)
            assertThat(client.pumpUntil(e -> client.received().size() >= TRIES)).isTrue();
            assertThat(numbers(client)).startsWith(MessageNumbers.USERAUTH_FAILURE,
                    MessageNumbers.USERAUTH_FAILURE, MessageNumbers.USERAUTH_SUCCESS);
        }
    }

    @Test
    void repeatedNoneCountsAfterTheFirst() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (int i = 0; i <= TRIES; i++) {
                client.send(HostilePayloads.none("alice"));
            }
            assertThat(client.awaitServerClose()).contains(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE);
            // the first "none" is answered at once; the others are held failures that never left
            assertThat(numbers(client)).containsExactly(MessageNumbers.USERAUTH_FAILURE);
        }
    }

    @Test
    void everyMethodCountsTowardsOneCap() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.none("alice")); // free
            client.send(HostilePayloads.request("alice", new UserauthMethod.Hostbased("ssh-ed25519", new byte[8],
                    "h", "alice", new byte[8]))); // 1: refused method
            client.send(HostilePayloads.keyboardInteractive("alice"));
            client.send(HostilePayloads.infoResponse("41")); // 2: wrong code
            client.send(HostilePayloads.password("alice", "wrong")); // 3: the cap
            assertThat(client.awaitServerClose()).contains(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE);
            assertThat(numbers(client)).doesNotContain(MessageNumbers.USERAUTH_SUCCESS);
        }
    }

    private static List<Integer> numbers(RawClient client) {
        return client.received().stream().map(p -> p[0] & 0xff).toList();
    }
}
