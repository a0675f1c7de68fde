package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/**
 * SECURITY.md A1/A2 state confusion against the real server: a client that requests the wrong service, repeats
 * SERVICE_REQUEST, changes user, answers prompts nobody asked, or switches method in the middle of
 * keyboard-interactive and then answers the abandoned prompt. None of it may authenticate; each protocol
 * violation ends in a DISCONNECT with a precise reason. The correct password comes last, pipelined, so a server
 * that merely ignored the violation would be caught by a USERAUTH_SUCCESS.
 */
class AuthStateConfusionTest {

    private final HostileServer server = new HostileServer();

    AuthStateConfusionTest() throws Exception {
    }

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.uncaught).isEmpty();
        assertThat(server.started).isEmpty();
    }

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
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(new UserauthRequest("alice", "ssh-shell-please", new UserauthMethod.Password("secret",
                    java.util.Optional.empty())).encode());
            assertThat(client.awaitServerClose()).contains(DisconnectReason.SERVICE_NOT_AVAILABLE);
            assertNoSuccess(client);
        }
    }

    @Test
    void secondServiceRequestDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.inject(new ServiceRequest("ssh-userauth").encode());
            client.send(HostilePayloads.password("alice", "secret"));
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertNoSuccess(client);
        }
    }

    @Test
    void userNameChangeBetweenRequestsDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.password("mallory", "secret"));
            client.send(HostilePayloads.password("alice", "secret"));
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertNoSuccess(client);
        }
    }

    @Test
    void infoResponseWithoutARequestDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.infoResponse("42"));
            client.send(HostilePayloads.password("alice", "secret"));
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertNoSuccess(client);
        }
    }

    @Test
    void answerToAnAbandonedKeyboardInteractivePromptDisconnects() throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            client.send(HostilePayloads.keyboardInteractive("alice"));
            assertThat(client.next()).hasValueSatisfying(p -> assertThat(p[0] & 0xff)
                    .isEqualTo(MessageNumbers.USERAUTH_INFO_REQUEST));
            client.send(HostilePayloads.password("alice", "wrong")); // RFC 4256 §3.4: abandons keyboard-interactive
            client.send(HostilePayloads.infoResponse("42")); // the right code, to a prompt no longer pending
            client.send(HostilePayloads.password("alice", "secret"));
            assertThat(client.awaitServerClose()).contains(DisconnectReason.PROTOCOL_ERROR);
            assertNoSuccess(client);
        }
    }

    private static void assertNoSuccess(RawClient client) {
        assertThat(client.received()).noneMatch(p -> (p[0] & 0xff) == MessageNumbers.USERAUTH_SUCCESS);
    }
}
