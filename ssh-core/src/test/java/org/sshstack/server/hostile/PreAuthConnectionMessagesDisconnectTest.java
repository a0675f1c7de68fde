package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;

/**
 * SECURITY.md A2 {@code PreAuthConnectionMessagesDisconnect} (Erlang/OTP CVE-2025-32433, paramiko CVE-2018-7750,
 * AsyncSSH CVE-2018-7749) against the real server: each connection-protocol message sent before USERAUTH_SUCCESS,
 * in every pre-authentication phase, gets DISCONNECT(PROTOCOL_ERROR) and never a reply or a side effect (the exec,
 * shell and subsystem handlers are never called). A second copy of the message follows the first, pipelined, so a
 * server that only answered the first with a failure would be caught too. The row's phase "after a partial
 * success" needs multi-factor authentication, which {@code SshServer} does not offer; the engine-level
 * {@code AuthMethodsTest}/{@code ServerPolicyTest} cover it. The server has no port forwarding, so no listening
 * socket can result from tcpip-forward; the oracle is the disconnect without REQUEST_SUCCESS.
 */
class PreAuthConnectionMessagesDisconnectTest extends HostileServerTest {

    static Stream<Arguments> cases() {
        return Arrays.stream(PreAuthPhase.values()).flatMap(phase -> Arrays.stream(
                HostilePayloads.Connection.values()).map(message -> Arguments.of(phase, message)));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("cases")
    void disconnectsWithoutReplyOrSideEffect(PreAuthPhase phase, HostilePayloads.Connection message)
            throws Exception {
        try (RawClient client = server.connect()) {
            phase.reach(client);
            client.inject(message.payload());
            client.inject(message.payload());
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertThat(client.received()).allMatch(p -> (p[0] & 0xff) < MessageNumbers.GLOBAL_REQUEST
                    && (p[0] & 0xff) != MessageNumbers.USERAUTH_SUCCESS);
        }
        assertThat(server.started).isEmpty();
        assertThat(server.server.unauthenticatedConnections()).isZero();
    }

    @Test
    void channelOpenPipelinedBehindAHeldSuccessDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.password("alice", "wrong")); // its FAILURE is held (frozen clock)...
            client.send(HostilePayloads.password("alice", "secret")); // ...and the SUCCESS behind it
            client.inject(HostilePayloads.channelOpenSession());
            client.inject(HostilePayloads.Connection.CHANNEL_REQUEST_EXEC.payload());
            // RFC 4252 §5.1: USERAUTH_SUCCESS has not been sent, so the connection protocol has not started
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertThat(client.received()).isEmpty();
        }
        assertThat(server.started).isEmpty();
    }
}
