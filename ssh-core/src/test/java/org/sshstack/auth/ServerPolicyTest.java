package org.sshstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.sshstack.auth.ClientServerAuthTest.failure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sshstack.AuthenticationException;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.wire.UserauthBanner;
import org.sshstack.wire.UserauthInfoRequest;
import org.sshstack.wire.UserauthInfoRequest.Prompt;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;
import org.sshstack.wire.UserauthSuccess;

/** Server policy: kbd-int rounds, partial success, max tries, grace, failure delay, banner, message legality. */
class ServerPolicyTest {

    /** Two rounds: a password, then a one-time code. */
    static final class TwoRounds extends RecordingHandler {
        int round;

        TwoRounds() {
            allowed = List.of("keyboard-interactive");
        }

        @Override
        public InteractiveStep checkAuthInteractive(String username, String submethods) {
            round = 0;
            return InteractiveStep.ask(new InteractiveQuery("Login", "", List.of(new Prompt("Password: ", false))));
        }

        @Override
        public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
            if (round++ == 0 && responses.equals(List.of("secret"))) {
                return InteractiveStep.ask(new InteractiveQuery("", "2FA", List.of(new Prompt("Code: ", true))));
            }
            return InteractiveStep.done(responses.equals(List.of("123456")) ? AuthStatus.SUCCESSFUL
                    : AuthStatus.FAILED);
        }
    }

    @Test
    void keyboardInteractiveMultipleRounds() throws Exception {
        AuthHarness h = new AuthHarness(new TwoRounds());
        List<String> seen = new ArrayList<>();
        CompletableFuture<List<String>> result = h.client.authInteractive("alice", (name, instruction, prompts) -> {
            seen.add(prompts.get(0).prompt());
            return List.of(prompts.get(0).echo() ? "123456" : "secret");
        }, "");
        h.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(seen).containsExactly("Password: ", "Code: ");
    }

    @Test
    void hostilePromptCountIsRejectedByTheClient() throws Exception {
        AuthHarness h = new AuthHarness(new TwoRounds());
        CompletableFuture<List<String>> result = h.client.authInteractive("alice", (n, i, p) -> List.of(), "");
        h.toServer.clear();
        byte[] hostile = new org.sshstack.wire.SshWriter().writeByte(60).writeString("").writeString("")
                .writeString("").writeUint32(0x7fffffffL).toByteArray();
        assertThatThrownBy(() -> h.client.onPayload(hostile)).isInstanceOf(SshProtocolException.class)
                .hasMessageContaining("cap");
        assertThat(failure(result)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void endlessRoundsAreBoundedOnTheClient() throws Exception {
        AuthHarness h = new AuthHarness(new TwoRounds());
        CompletableFuture<List<String>> result = h.client.authInteractive("alice", (n, i, p) -> List.of(), "");
        byte[] empty = new UserauthInfoRequest("", "", "", List.of()).encode();
        for (int i = 0; i < 16; i++) {
            h.client.onPayload(empty);
        }
        assertThat(result).isNotDone();
        h.client.onPayload(empty);
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongAnswerCountFails() throws Exception {
        AuthHarness h = new AuthHarness(new TwoRounds());
        CompletableFuture<List<String>> result = h.client.authInteractive("alice",
                (n, i, p) -> List.of("a", "b"), "");
        h.pump();
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void partialSuccessChainPublicKeyThenPassword() throws Exception {
        SshKeyPair key = KeyGenerator.ed25519("t", AuthHarness.RANDOM);
        RecordingHandler handler = new RecordingHandler();
        handler.allowed = List.of("publickey", "password");
        handler.acceptedKeys = Set.of(key.publicKey());
        handler.keyStatus = AuthStatus.PARTIALLY_SUCCESSFUL;
        handler.passwords = java.util.Map.of("secret", AuthStatus.SUCCESSFUL);
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> first = h.client.authPublicKey("alice", AuthHarness.identity(key));
        h.pump();
        assertThat(first).isCompletedWithValue(List.of("password"));
        assertThat(h.server.isAuthenticated()).isFalse();

        CompletableFuture<List<String>> again = h.client.authPublicKey("alice", AuthHarness.identity(key));
        h.pump();
        assertThat(failure(again)).isInstanceOf(AuthenticationException.class); // publickey no longer allowed
        CompletableFuture<List<String>> none = h.client.authNone("alice");
        h.pump();
        assertThat(none).isCompletedExceptionally(); // none never completes a chain
        assertThat(handler.calls).doesNotContain("none");

        CompletableFuture<List<String>> second = h.client.authPassword("alice", "secret", false);
        h.pump();
        assertThat(second).isCompletedWithValue(List.of());
        ServerAuthResult result = h.server.result().orElseThrow();
        assertThat(result.methods()).containsExactly("publickey", "password");
        assertThat(result.publicKeys()).containsExactly(key.publicKey());
        assertThat(h.events).extracting(AuthEvent::outcome).contains(AuthOutcome.PARTIAL, AuthOutcome.SUCCESS);
    }

    @Test
    void maxTriesDisconnects() throws Exception {
        AuthHarness h = new AuthHarness(new RecordingHandler());
        h.client.authNone("alice");
        h.pump(); // the first none is free
        for (int i = 1; i < 6; i++) {
            h.client.authPassword("alice", "wrong" + i, false);
            h.pump();
        }
        h.client.authPassword("alice", "wrong6", false);
        assertThatThrownBy(h::pump).isInstanceOfSatisfying(SshException.class,
                e -> assertThat(e.reason()).isEqualTo(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE));
    }

    @Test
    void loginGraceDeadlineDisconnects() throws Exception {
        AuthHarness h = new AuthHarness(new RecordingHandler());
        long start = h.now;
        assertThat(h.server.nextDeadlineNanos()).isEqualTo(start + Duration.ofSeconds(30).toNanos());
        h.server.onTimer(start + Duration.ofSeconds(29).toNanos());
        assertThatThrownBy(() -> h.server.onTimer(start + Duration.ofSeconds(30).toNanos()))
                .isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.BY_APPLICATION));
    }

    @Test
    void failureIsReleasedOnlyAtTheDeadline() throws Exception {
        ServerAuthConfig config = ServerAuthConfig.defaults(AuthHarness.RANDOM)
                .withFailureDelay(Duration.ofMillis(100), Duration.ofMillis(50));
        AuthHarness h = new AuthHarness(new RecordingHandler(), config, ClientAuthConfig.defaults());
        long start = h.now;
        CompletableFuture<List<String>> result = h.client.authPassword("alice", "wrong", false);
        h.pump();
        assertThat(result).isNotDone();
        assertThat(h.toClient).isEmpty();
        long deadline = h.server.nextDeadlineNanos();
        long delay = deadline - start;
        assertThat(delay).isBetween(Duration.ofMillis(100).toNanos(), Duration.ofMillis(150).toNanos());
        assertThat(delay).isEqualTo(config.failureDelayNanos("alice")); // fixed per user
        h.server.onTimer(deadline - 1);
        assertThat(h.toClient).isEmpty();
        h.advanceToDeadline();
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void successIsNotDelayedButKeepsOrder() throws Exception {
        ServerAuthConfig config = ServerAuthConfig.defaults(AuthHarness.RANDOM)
                .withFailureDelay(Duration.ofMillis(100), Duration.ZERO);
        AuthHarness h = new AuthHarness(new RecordingHandler(), config, ClientAuthConfig.defaults());
        h.client.authPassword("alice", "secret", false);
        h.pump();
        assertThat(h.client.isAuthenticated()).isTrue();
    }

    @Test
    void bannerBeforeSuccessAndRefusedAfter() throws Exception {
        AuthHarness h = new AuthHarness(new RecordingHandler(),
                AuthHarness.noDelay().withBanner("Authorized use only"), ClientAuthConfig.defaults());
        h.client.authPassword("alice", "secret", false);
        h.pump();
        assertThat(h.banners).containsExactly("Authorized use only");
        assertThat(h.client.banner()).contains("Authorized use only");
        assertThatThrownBy(() -> h.client.onPayload(new UserauthBanner("late", "").encode()))
                .isInstanceOf(SshProtocolException.class);
    }

    @Test
    void requestsAfterSuccessAreIgnored() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        AuthHarness h = new AuthHarness(handler);
        h.client.authPassword("alice", "secret", false);
        h.pump();
        int calls = handler.calls.size();
        h.server.onPayload(new UserauthRequest("root", "ssh-connection",
                new UserauthMethod.Password("secret", java.util.Optional.empty())).encode(), h.now);
        assertThat(h.toClient).isEmpty();
        assertThat(handler.calls).hasSize(calls);
        assertThat(h.server.result().orElseThrow().username()).isEqualTo("alice");
    }

    @Test
    void connectionMessagesBeforeSuccessDisconnect() {
        AuthHarness h = new AuthHarness(new RecordingHandler());
        for (int number : List.of(80, 90, 94, 98)) {
            assertThatThrownBy(() -> h.server.onPayload(new byte[] {(byte) number, 0, 0, 0, 0}, h.now))
                    .isInstanceOf(SshException.class);
        }
        assertThat(h.server.isAuthenticated()).isFalse();
    }

    @Test
    void serverOnlyMessagesFromTheClientDisconnect() {
        AuthHarness h = new AuthHarness(new RecordingHandler());
        for (int number : List.of(51, 52, 53, 60, 61)) {
            assertThatThrownBy(() -> h.server.onPayload(new byte[] {(byte) number}, h.now))
                    .isInstanceOf(SshProtocolException.class);
        }
        assertThatThrownBy(() -> h.client.onPayload(new UserauthSuccess().encode()))
                .isInstanceOf(SshProtocolException.class); // nothing pending
        assertThat(h.server.isAuthenticated()).isFalse();
    }

    @Test
    void wrongServiceAndUserChangeDisconnect() throws Exception {
        AuthHarness h = new AuthHarness(new RecordingHandler());
        assertThatThrownBy(() -> h.server.onPayload(new UserauthRequest("alice", "ssh-userauth",
                new UserauthMethod.None()).encode(), h.now)).isInstanceOfSatisfying(SshException.class,
                        e -> assertThat(e.reason()).isEqualTo(DisconnectReason.SERVICE_NOT_AVAILABLE));
        AuthHarness h2 = new AuthHarness(new RecordingHandler());
        h2.server.onPayload(new UserauthRequest("alice", "ssh-connection", new UserauthMethod.None()).encode(),
                h2.now);
        assertThatThrownBy(() -> h2.server.onPayload(new UserauthRequest("root", "ssh-connection",
                new UserauthMethod.None()).encode(), h2.now)).isInstanceOf(SshException.class);
    }

    @Test
    void throwingHandlerFailsClosed() throws Exception {
        RecordingHandler handler = new RecordingHandler() {
            @Override
            public AuthStatus checkAuthPassword(String username, String password) {
                throw new IllegalStateException("directory down");
            }
        };
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authPassword("alice", "secret", false);
        h.pump();
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
        assertThat(h.server.isAuthenticated()).isFalse();
    }
}
