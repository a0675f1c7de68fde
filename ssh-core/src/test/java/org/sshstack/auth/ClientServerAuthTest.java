package org.sshstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.AuthenticationException;
import org.sshstack.BadAuthenticationTypeException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.wire.UserauthInfoRequest.Prompt;
import org.sshstack.wire.UserauthMethod;
import org.sshstack.wire.UserauthRequest;

/** Client against server in memory: none, password (and change, fallback), publickey per key type, kbd-int. */
class ClientServerAuthTest {

    private final RecordingHandler handler = new RecordingHandler();

    static Throwable failure(CompletableFuture<?> future) {
        assertThat(future).isCompletedExceptionally();
        try {
            future.get();
            throw new AssertionError("not failed");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void noneNotAllowedListsMethods() throws Exception {
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authNone("alice");
        h.pump();
        assertThat(failure(result)).isInstanceOf(BadAuthenticationTypeException.class);
        assertThat(((BadAuthenticationTypeException) failure(result)).allowedTypes())
                .containsExactly("publickey", "password", "keyboard-interactive");
        assertThat(h.client.isAuthenticated()).isFalse();
    }

    @Test
    void noneAllowedSucceeds() throws Exception {
        handler.noneStatus = AuthStatus.SUCCESSFUL;
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authNone("alice");
        h.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(h.client.isAuthenticated()).isTrue();
        assertThat(h.server.result().orElseThrow().methods()).containsExactly("none");
    }

    @Test
    void clientCanRejectTrivialSuccess() throws Exception {
        handler.noneStatus = AuthStatus.SUCCESSFUL;
        AuthHarness h = new AuthHarness(handler, AuthHarness.noDelay(),
                ClientAuthConfig.defaults().withRejectTrivialSuccess(true));
        CompletableFuture<List<String>> result = h.client.authNone("alice");
        assertThatThrownBy(h::pump).isInstanceOf(AuthenticationException.class);
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
        assertThat(h.client.isAuthenticated()).isFalse();
    }

    @Test
    void passwordSuccessAndFailure() throws Exception {
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> wrong = h.client.authPassword("alice", "wrong", true);
        h.pump();
        assertThat(failure(wrong)).isExactlyInstanceOf(AuthenticationException.class)
                .hasMessageNotContaining("wrong");
        CompletableFuture<List<String>> right = h.client.authPassword("alice", "secret", true);
        h.pump();
        assertThat(right).isCompletedWithValue(List.of());
        assertThat(h.server.result().orElseThrow().username()).isEqualTo("alice");
        assertThat(h.events).extracting(AuthEvent::outcome).contains(AuthOutcome.FAILURE, AuthOutcome.SUCCESS);
        assertThat(h.events.toString()).doesNotContain("secret");
    }

    @Test
    void passwordChangeRequestAnswered() throws Exception {
        handler.passwords = Map.of("expired", AuthStatus.PASSWORD_CHANGE_REQUIRED);
        AuthHarness h = new AuthHarness(handler, AuthHarness.noDelay(),
                ClientAuthConfig.defaults().withPasswordChange(prompt -> Optional.of("fresh")));
        CompletableFuture<List<String>> result = h.client.authPassword("alice", "expired", false);
        h.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(handler.calls).containsExactly("password", "change");
    }

    @Test
    void passwordChangeGivenUpFails() throws Exception {
        handler.passwords = Map.of("expired", AuthStatus.PASSWORD_CHANGE_REQUIRED);
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authPassword("alice", "expired", false);
        h.pump();
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class).hasMessageContaining("change");
        assertThat(h.client.isAttemptInProgress()).isFalse();
    }

    @Test
    void passwordFallsBackToKeyboardInteractive() throws Exception {
        RecordingHandler kbd = new RecordingHandler() {
            @Override
            public InteractiveStep checkAuthInteractive(String username, String submethods) {
                return InteractiveStep.ask(new InteractiveQuery("", "", List.of(new Prompt("Password: ", false))));
            }

            @Override
            public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
                return InteractiveStep.done(responses.equals(List.of("secret")) ? AuthStatus.SUCCESSFUL
                        : AuthStatus.FAILED);
            }
        };
        kbd.allowed = List.of("keyboard-interactive");
        AuthHarness h = new AuthHarness(kbd);
        CompletableFuture<List<String>> result = h.client.authPassword("alice", "secret", true);
        h.pump();
        assertThat(result).isCompletedWithValue(List.of());

        AuthHarness noFallback = new AuthHarness(kbd);
        CompletableFuture<List<String>> refused = noFallback.client.authPassword("alice", "secret", false);
        noFallback.pump();
        assertThat(failure(refused)).isInstanceOf(BadAuthenticationTypeException.class);
    }

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "ECDSA_NISTP256", "ECDSA_NISTP384", "ECDSA_NISTP521"})
    void publicKeyForEachType(KeyType type) throws Exception {
        SshKeyPair pair = type == KeyType.ED25519 ? KeyGenerator.ed25519("t", AuthHarness.RANDOM)
                : KeyGenerator.ecdsa(type, "t", AuthHarness.RANDOM);
        handler.acceptedKeys = Set.of(pair.publicKey());
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authPublicKey("alice", AuthHarness.identity(pair));
        h.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(handler.calls).containsExactly("query", "publickey");
        assertThat(h.server.result().orElseThrow().publicKeys()).containsExactly(pair.publicKey());
        assertThat(sentAlgorithms(h)).containsOnly(type.wireName());
    }

    @Test
    void rsaPicksSha2FromServerSigAlgs() throws Exception {
        SshKeyPair rsa = KeyGenerator.rsa(2048, "t", AuthHarness.RANDOM);
        handler.acceptedKeys = Set.of(rsa.publicKey());
        for (List<String> sigAlgs : List.of(List.of("ssh-ed25519", "rsa-sha2-256"),
                List.of("rsa-sha2-256", "rsa-sha2-512", "ssh-rsa"))) {
            AuthHarness h = new AuthHarness(handler);
            h.client.setServerSigAlgs(sigAlgs);
            CompletableFuture<List<String>> result = h.client.authPublicKey("alice", AuthHarness.identity(rsa));
            h.pump();
            assertThat(result).isCompletedWithValue(List.of());
            String expected = sigAlgs.contains("rsa-sha2-512") ? "rsa-sha2-512" : "rsa-sha2-256";
            assertThat(sentAlgorithms(h)).containsOnly(expected);
        }
        AuthHarness absent = new AuthHarness(handler);
        absent.client.setServerSigAlgs(List.of()); // what the transport reports when the server sent no EXT_INFO
        CompletableFuture<List<String>> result = absent.client.authPublicKey("alice", AuthHarness.identity(rsa));
        absent.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(sentAlgorithms(absent)).containsOnly("rsa-sha2-256"); // RFC 8332 §3.3, never ssh-rsa
    }

    @Test
    void rsaWithOnlySshRsaOfferedIsRefusedUnlessAllowed() throws Exception {
        SshKeyPair rsa = KeyGenerator.rsa(2048, "t", AuthHarness.RANDOM);
        handler.acceptedKeys = Set.of(rsa.publicKey());
        AuthHarness h = new AuthHarness(handler);
        h.client.setServerSigAlgs(List.of("ssh-rsa"));
        CompletableFuture<List<String>> refused = h.client.authPublicKey("alice", AuthHarness.identity(rsa));
        assertThat(failure(refused)).isInstanceOf(AuthenticationException.class);
        assertThat(h.clientSent).isEmpty();

        AuthHarness legacy = new AuthHarness(handler, AuthHarness.noDelay().withAllowSshRsa(true),
                ClientAuthConfig.defaults().withAllowSshRsa(true));
        legacy.client.setServerSigAlgs(List.of("ssh-rsa"));
        CompletableFuture<List<String>> result = legacy.client.authPublicKey("alice", AuthHarness.identity(rsa));
        legacy.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(sentAlgorithms(legacy)).containsOnly("ssh-rsa");
    }

    @Test
    void serverRefusesSshRsaByDefault() throws Exception {
        SshKeyPair rsa = KeyGenerator.rsa(2048, "t", AuthHarness.RANDOM);
        handler.acceptedKeys = Set.of(rsa.publicKey());
        AuthHarness h = new AuthHarness(handler, AuthHarness.noDelay(),
                ClientAuthConfig.defaults().withAllowSshRsa(true));
        h.client.setServerSigAlgs(List.of("ssh-rsa"));
        CompletableFuture<List<String>> result = h.client.authPublicKey("alice", AuthHarness.identity(rsa));
        h.pump();
        assertThat(failure(result)).isInstanceOf(AuthenticationException.class);
        assertThat(handler.calls).isEmpty();
    }

    @Test
    void unknownKeyFailsAtQuery() throws Exception {
        SshKeyPair pair = KeyGenerator.ed25519("t", AuthHarness.RANDOM);
        AuthHarness h = new AuthHarness(handler);
        CompletableFuture<List<String>> result = h.client.authPublicKey("alice", AuthHarness.identity(pair));
        h.pump();
        assertThat(failure(result)).isExactlyInstanceOf(AuthenticationException.class);
        assertThat(handler.calls).containsExactly("query");
        assertThat(h.clientSent).hasSize(1);
    }

    static List<String> sentAlgorithms(AuthHarness h) throws Exception {
        List<String> names = new java.util.ArrayList<>();
        for (byte[] payload : h.clientSent) {
            if (UserauthRequest.decode(payload).method() instanceof UserauthMethod.PublicKey pk) {
                names.add(pk.algorithm());
            }
        }
        return names;
    }
}
