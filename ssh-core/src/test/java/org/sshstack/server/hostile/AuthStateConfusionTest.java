package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/**
 * SECURITY.md A1/A2 state confusion against the real server: a client that requests the wrong service, repeats
 * SERVICE_REQUEST, changes user, answers prompts nobody asked, or switches method in the middle of
 * keyboard-interactive and then answers the abandoned prompt. None of it may authenticate; each violation ends in a
 * DISCONNECT with a precise reason. The correct password follows, pipelined, so a server that merely ignored the
 * violation would answer USERAUTH_SUCCESS (or, behind a held FAILURE, keep the connection open: a read timeout).
 */
class AuthStateConfusionTest extends HostileServerTest {

    private static final byte[] GOOD_PASSWORD = HostilePayloads.password("alice", "secret");

    @Test
    void connectionServiceBeforeAuthenticationIsNotAvailable() throws Exception {
        try (RawClient client = server.connect()) {
            client.kex();
            client.inject(new ServiceRequest("ssh-connection").encode());
            assertThat(client.awaitServerClose()).contains(DisconnectReason.SERVICE_NOT_AVAILABLE);
        }
    }

    @Test
    void userauthRequestForAnotherServiceDisconnects() throws Exception {
        assertViolation(DisconnectReason.SERVICE_NOT_AVAILABLE, new UserauthRequest("alice", "ssh-shell-please",
                new UserauthMethod.Password("secret", Optional.empty())).encode());
    }

    @Test
    void secondServiceRequestDisconnects() throws Exception {
        assertViolation(DisconnectReason.PROTOCOL_ERROR, new ServiceRequest("ssh-userauth").encode(), GOOD_PASSWORD);
    }

    @Test
    void userNameChangeBetweenRequestsDisconnects() throws Exception {
        assertViolation(DisconnectReason.PROTOCOL_ERROR, HostilePayloads.password("mallory", "secret"),
                GOOD_PASSWORD);
    }

    @Test
    void infoResponseWithoutARequestDisconnects() throws Exception {
        assertViolation(DisconnectReason.PROTOCOL_ERROR, HostilePayloads.infoResponse("42"), GOOD_PASSWORD);
    }

    @Test
    void answerToAnAbandonedKeyboardInteractivePromptDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            PreAuthPhase.MID_KEYBOARD_INTERACTIVE.reach(client);
            client.send(HostilePayloads.password("alice", "wrong")); // RFC 4256 §3.4: abandons keyboard-interactive
            client.send(HostilePayloads.infoResponse("42")); // the right code, to a prompt no longer pending
            client.send(GOOD_PASSWORD);
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertNoSuccess(client);
        }
    }

    private void assertViolation(DisconnectReason expected, byte[]... payloads) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (byte[] payload : payloads) {
                client.inject(payload);
            }
            assertThat(client.awaitServerClose()).contains(expected);
            assertNoSuccess(client);
        }
    }

    private void assertNoSuccess(RawClient client) {
        assertThat(client.received()).noneMatch(p -> (p[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS);
        assertThat(server.started).isEmpty();
    }
}
