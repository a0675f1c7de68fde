package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;

/**
 * SECURITY.md A1 {@code ServerRejectsServerOnlyMessages} (libssh CVE-2018-10933, paramiko CVE-2018-1000805) against
 * the real server: in every pre-authentication phase after the key exchange, a client sends a message only a
 * server may send (6, 31-34, 51, 52, 53, 60), then a CHANNEL_OPEN. Expected: DISCONNECT(PROTOCOL_ERROR), no
 * USERAUTH_SUCCESS, the CHANNEL_OPEN never confirmed, nothing started, no unauthenticated connection left.
 */
class ServerRejectsServerOnlyMessagesTest extends HostileServerTest {

    static Stream<Arguments> cases() {
        return Arrays.stream(PreAuthPhase.values()).flatMap(phase -> IntStream.of(6, 31, 32, 33, 34, 51, 52, 53, 60)
                .mapToObj(number -> Arguments.of(phase, number)));
    }

    @ParameterizedTest(name = "message {1} {0}")
    @MethodSource("cases")
    void disconnectsAndNeverAuthenticates(PreAuthPhase phase, int number) throws Exception {
        try (RawClient client = server.connect()) {
            phase.reach(client);
            client.inject(HostilePayloads.serverOnly(number));
            client.inject(HostilePayloads.channelOpenSession());
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertThat(client.received().stream().map(p -> p[0] & 0xff)).doesNotContain(
                    MessageNumbers.USERAUTH_SUCCESS, MessageNumbers.CHANNEL_OPEN_CONFIRMATION).allMatch(n -> n < 80);
        }
        assertThat(server.started).isEmpty();
        assertThat(server.server.unauthenticatedConnections()).isZero();
    }
}
