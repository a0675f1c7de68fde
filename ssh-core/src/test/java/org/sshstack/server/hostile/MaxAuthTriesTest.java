package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.server.SshServerBuilder;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;

/**
 * SECURITY.md A8 and OpenSSH MaxAuthTries against the real server: the per-connection cap counts every failed
 * attempt of any method, a repeated "none" included (only the first "none", the RFC 4252 §5.2 method query, is
 * free), and the attempt that reaches the cap gets DISCONNECT(NO_MORE_AUTH_METHODS_AVAILABLE) at once. The requests
 * are pipelined: failure replies are held by the failure delay on the server's frozen clock, so the cap, not the
 * client's patience, ends the connection.
 */
class MaxAuthTriesTest extends HostileServerTest {

    private static final int TRIES = 3;

    @Override
    UnaryOperator<SshServerBuilder> setup() {
        return b -> b.maxAuthTries(TRIES);
    }

    @Test
    void theAttemptReachingTheCapDisconnects() throws Exception {
        List<Integer> replies = capDisconnects(HostilePayloads.password("alice", "wrong 0"),
                HostilePayloads.password("alice", "wrong 1"), HostilePayloads.password("alice", "wrong 2"));
        assertThat(replies).isEmpty(); // the failures were held, then the cap ended the connection
    }

    @Test
    void oneAttemptBelowTheCapStillLogsIn() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (int i = 0; i < TRIES - 1; i++) {
                client.send(HostilePayloads.password("alice", "wrong " + i));
            }
            client.send(HostilePayloads.password("alice", "secret"));
            client.barrier(); // the server decided (SUCCESS is held behind the failures); only then may its clock move
            assertThat(client.received()).isEmpty();
            server.now.addAndGet(1_000_000_000L); // releases the held replies (failure delay at most 150 ms)
            assertThat(client.pumpUntil(e -> client.received().size() >= TRIES)).isTrue();
            assertThat(numbers(client)).startsWith(MessageNumbers.USERAUTH_FAILURE,
                    MessageNumbers.USERAUTH_FAILURE, MessageNumbers.USERAUTH_SUCCESS);
        }
    }

    @Test
    void repeatedNoneCountsAfterTheFirst() throws Exception {
        byte[] none = HostilePayloads.none("alice");
        // the first "none" is answered at once; the other failures are held and never leave
        assertThat(capDisconnects(none, none, none, none)).containsExactly(MessageNumbers.USERAUTH_FAILURE);
    }

    @Test
    void everyMethodCountsTowardsOneCap() throws Exception {
        List<Integer> replies = capDisconnects(HostilePayloads.none("alice"), // free
                HostilePayloads.request("alice", new UserauthMethod.Hostbased("ssh-ed25519", new byte[8], "h",
                        "alice", new byte[8])), // 1: a refused method
                HostilePayloads.keyboardInteractive("alice"),
                HostilePayloads.infoResponse("41"), // 2: a wrong code
                HostilePayloads.password("alice", "wrong")); // 3: the cap
        assertThat(replies).doesNotContain(MessageNumbers.USERAUTH_SUCCESS);
    }

    /** Sends the requests pipelined; expects the cap's disconnect; returns the numbers of the replies before it. */
    private List<Integer> capDisconnects(byte[]... requests) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (byte[] request : requests) {
                client.send(request);
            }
            assertThat(client.awaitServerClose()).contains(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE);
            return numbers(client);
        }
    }

    private static List<Integer> numbers(RawClient client) {
        return client.received().stream().map(p -> p[0] & 0xff).toList();
    }
}
