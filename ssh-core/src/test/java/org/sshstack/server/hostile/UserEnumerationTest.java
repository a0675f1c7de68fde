package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.sshstack.wire.MessageNumbers;

/**
 * User enumeration through authentication replies (the brief's A6; SECURITY.md D1 asks the same "identical status
 * and timing class" of SFTP) against the real server: a wrong password for an existing user and for a missing one
 * get byte-identical USERAUTH_FAILURE replies, both held by the failure delay. The delay is observed on the
 * server's injected clock, not on the wall clock: a key re-exchange right behind the request proves the reply was
 * held (an immediate reply would precede the server's KEXINIT), and moving the clock past the delay's bound for
 * every user name (100 ms + up to 50 ms, {@code ServerAuthConfig.defaults}) releases it.
 */
class UserEnumerationTest extends HostileServerTest {

    private static final Duration DELAY_BOUND = Duration.ofMillis(150);

    @Test
    void wrongPasswordRepliesAreIdenticalAndHeldAlike() throws Exception {
        byte[] existing = heldFailure("alice");
        byte[] missing = heldFailure("mallory");
        assertThat(existing[0] & 0xff).isEqualTo(MessageNumbers.USERAUTH_FAILURE);
        assertThat(missing).isEqualTo(existing);
    }

    @Test
    void noneRepliesAreIdentical() throws Exception {
        assertThat(noneReply("mallory")).isEqualTo(noneReply("alice"));
    }

    private byte[] heldFailure(String user) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.password(user, "wrong"));
            client.barrier();
            assertThat(client.received()).as("a reply to " + user + " before the failure delay").isEmpty();
            server.now.addAndGet(DELAY_BOUND.toNanos() + 1);
            return client.next().orElseThrow();
        }
    }

    private byte[] noneReply(String user) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.none(user));
            return client.next().orElseThrow();
        }
    }
}
