package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;

/**
 * SECURITY.md A1 {@code ServerRejectsServerOnlyMessages} (libssh CVE-2018-10933, paramiko CVE-2018-1000805) against
 * the real server: after the key exchange a client sends a message only a server may send, then a CHANNEL_OPEN.
 * Expected: DISCONNECT(PROTOCOL_ERROR), no USERAUTH_SUCCESS, the CHANNEL_OPEN never confirmed, nothing started.
 */
class ServerRejectsServerOnlyMessagesTest {

    private final HostileServer server = new HostileServer();

    ServerRejectsServerOnlyMessagesTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.uncaught).isEmpty();
    }

    @ParameterizedTest(name = "message {0}")
    @ValueSource(ints = {6, 31, 32, 33, 34, 51, 52, 53, 60})
    void afterKeyExchange(int number) throws Exception {
        try (RawClient client = server.connect()) {
            client.kex();
            client.inject(HostilePayloads.serverOnly(number));
            client.inject(HostilePayloads.channelOpenSession());
            assertRejected(client);
        }
    }

    @ParameterizedTest(name = "message {0}")
    @ValueSource(ints = {6, 31, 32, 33, 34, 51, 52, 53, 60})
    void afterServiceAccept(int number) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.inject(HostilePayloads.serverOnly(number));
            client.inject(HostilePayloads.channelOpenSession());
            assertRejected(client);
        }
    }

    @ParameterizedTest(name = "message {0}")
    @ValueSource(ints = {51, 52, 53, 60})
    void afterAFailedPassword(int number) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.password("alice", "wrong"));
            client.inject(HostilePayloads.serverOnly(number));
            client.inject(HostilePayloads.channelOpenSession());
            assertRejected(client);
        }
    }

    private void assertRejected(RawClient client) throws Exception {
        assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
        List<Integer> numbers = client.received().stream().map(p -> p[0] & 0xff).toList();
        assertThat(numbers).doesNotContain(MessageNumbers.USERAUTH_SUCCESS,
                MessageNumbers.CHANNEL_OPEN_CONFIRMATION).allMatch(n -> n < 80);
        assertThat(server.started).isEmpty();
        assertThat(server.server.unauthenticatedConnections()).isZero();
    }
}
