package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.auth.AuthStatus;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.auth.InteractiveStep;
import org.sshstack.auth.PublicKeyIdentity;
import org.sshstack.auth.ServerAuthHandler;
import org.sshstack.connection.ConnectionChannel;
import org.sshstack.connection.SessionRequest;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.event.AuthAttempted;
import org.sshstack.keys.CertificateVerifier;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.TrustTestSupport;
import org.sshstack.wire.UserauthInfoRequest.Prompt;

/** Every client method through the composed engines, partial success, restrictions and failure limits. */
class AuthMethodsTest {

    private static final SshKeyPair ED25519 = KeyGenerator.ed25519("user", SessionPair.seeded(10));
    private static final SshKeyPair RSA = KeyGenerator.rsa(2048, "user", SessionPair.seeded(11));

    private final TestApp app = new TestApp();

    /** Accepts alice's keys, "secret" and the keyboard-interactive answer "42"; methods as given. */
    private static ServerAuthHandler users(List<String> methods, AuthStatus keyStatus) {
        return new ServerAuthHandler() {
            @Override
            public List<String> allowedAuths(String username) {
                return methods;
            }

            @Override
            public boolean isPublicKeyAcceptable(String username, SshPublicKey key) {
                return key.equals(ED25519.publicKey()) || key.equals(RSA.publicKey());
            }

            @Override
            public AuthStatus checkAuthPublicKey(String username, SshPublicKey key) {
                return isPublicKeyAcceptable(username, key) ? keyStatus : AuthStatus.FAILED;
            }

            @Override
            public AuthStatus checkAuthPassword(String username, String password) {
                return password.equals("secret") ? AuthStatus.SUCCESSFUL : AuthStatus.FAILED;
            }

            @Override
            public InteractiveStep checkAuthInteractive(String username, String submethods) {
                return InteractiveStep.ask(new InteractiveQuery("login", "answer", List.of(new Prompt("Answer: ",
                        false))));
            }

            @Override
            public InteractiveStep checkAuthInteractiveResponse(String username, List<String> responses) {
                return InteractiveStep.done(responses.equals(List.of("42")) ? AuthStatus.SUCCESSFUL
                        : AuthStatus.FAILED);
            }
        };
    }

    private SessionPair pair(ServerAuthHandler handler) {
        SessionPair pair = new SessionPair(handler, app::forUser);
        app.pair = pair;
        return pair;
    }

    private static PublicKeyIdentity identity(SshKeyPair key) throws Exception {
        return new PublicKeyIdentity(key.publicKey(), JcaSshSigner.of(key.privateKey(), SessionPair.seeded(12)));
    }

    @Test
    void publicKeyEd25519AndRsaSha2ThroughServerSigAlgs() throws Exception {
        for (SshKeyPair key : List.of(ED25519, RSA)) {
            SessionPair pair = pair(users(List.of("publickey"), AuthStatus.SUCCESSFUL));
            pair.pump();
            assertThat(pair.client.transport().serverSignatureAlgorithms()).contains("rsa-sha2-512");
            CompletableFuture<List<String>> result = pair.client.authPublicKey("alice", identity(key));
            pair.pump();
            assertThat(result).isCompletedWithValue(List.of());
            assertThat(app.user.publicKeys()).containsExactly(key.publicKey());
            assertThat(pair.openSession().state()).isEqualTo(ConnectionChannel.State.OPEN);
            pair.assertOpen();
        }
    }

    @Test
    void keyboardInteractive() throws Exception {
        SessionPair pair = pair(users(List.of("keyboard-interactive"), AuthStatus.FAILED));
        List<String> seen = new ArrayList<>();
        CompletableFuture<List<String>> result = pair.client.authInteractive("alice", (name, instruction, prompts) -> {
            seen.add(name + "|" + instruction + "|" + prompts.get(0).prompt());
            return List.of("42");
        });
        pair.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(seen).containsExactly("login|answer|Answer: ");
        assertThat(pair.clientEvents.all).contains(new AuthAttempted("client", "alice", "keyboard-interactive",
                "success"));
    }

    @Test
    void partialSuccessChainPublicKeyThenPassword() throws Exception {
        SessionPair pair = pair(users(List.of("publickey", "password"), AuthStatus.PARTIALLY_SUCCESSFUL));
        CompletableFuture<List<String>> first = pair.client.authPublicKey("alice", identity(ED25519));
        pair.pump();
        assertThat(first).isCompletedWithValue(List.of("password"));
        assertThat(pair.client.isAuthenticated()).isFalse();
        CompletableFuture<List<String>> second = pair.client.authPassword("alice", "secret");
        pair.pump();
        assertThat(second).isCompletedWithValue(List.of());
        assertThat(app.user.methods()).containsExactly("publickey", "password");
        assertThat(pair.serverEvents.all).contains(new AuthAttempted("server", "alice", "publickey", "partial"));
        pair.assertOpen();
    }

    @Test
    void successCallbackMayOpenAChannelAtOnce() throws Exception {
        SessionPair pair = pair(TestApp.passwords());
        List<ConnectionChannel> opened = new ArrayList<>();
        pair.client.authPassword("alice", "secret").thenRun(() -> {
            try {
                opened.add(pair.client.openSession());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        pair.pump();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).state()).isEqualTo(ConnectionChannel.State.OPEN);
    }

    @Test
    void maxAuthTriesDisconnects() throws Exception {
        SessionPair pair = new SessionPair(TestApp.passwords(), c -> c.withMaxAuthTries(2), app::forUser,
                c -> c, s -> s);
        List<CompletableFuture<List<String>>> results = new ArrayList<>();
        for (int i = 0; i < 3 && !pair.client.isClosed(); i++) {
            results.add(pair.client.authPassword("alice", "wrong" + i));
            pair.pump();
        }
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.client.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.NO_MORE_AUTH_METHODS_AVAILABLE);
        assertThat(results).allSatisfy(r -> assertThat(r).isCompletedExceptionally());
    }

    @Test
    void forceCommandReplacesTheClientsCommandAndNoPtyRefusesPty() throws Exception {
        KeyPair ca = TrustTestSupport.ed25519();
        TrustTestSupport.CertBuilder builder = new TrustTestSupport.CertBuilder(
                (StandardPublicKey) ED25519.publicKey(), ca);
        builder.critical = List.<String[]>of(new String[] {"force-command", "exit 7"});
        builder.extensions = List.of(); // no permit-pty
        OpenSshCertificate cert = OpenSshCertificate.decode(builder.build());
        List<String> replies = new ArrayList<>();
        org.sshstack.connection.ConnectionListener recorder = new org.sshstack.connection.ConnectionListener() {
            @Override
            public void onRequestReply(ConnectionChannel channel, String requestType, boolean success) {
                replies.add(requestType + ":" + success);
            }
        };
        SessionPair pair = new SessionPair(users(List.of("publickey"), AuthStatus.FAILED),
                c -> c.withUserCertificates(CertificateVerifier.trusting(List.of(TrustTestSupport.ed25519Public(ca)))),
                app::forUser, c -> c.withListener(recorder), s -> s);
        app.pair = pair;
        CompletableFuture<List<String>> result = pair.client.authPublicKey("alice",
                new PublicKeyIdentity(cert, JcaSshSigner.of(ED25519.privateKey(), SessionPair.seeded(13))));
        pair.pump();
        assertThat(result).isCompletedWithValue(List.of());
        assertThat(app.user.restrictions().forceCommand()).contains("exit 7");

        ConnectionChannel channel = pair.openSession();
        pair.client.connection().orElseThrow(); // present after success
        assertThat(channel.sendRequest(new SessionRequest.PtyRequest("xterm", 80, 24, 0, 0,
                org.sshstack.connection.TerminalModes.none()), true)).isTrue();
        assertThat(channel.sendRequest(new SessionRequest.Exec("rm -rf /"), true)).isTrue();
        pair.pump();
        assertThat(app.requests).containsExactly(new SessionRequest.Exec("exit 7"));
        assertThat(TestApp.readAll(channel, false)).isEqualTo("out 7");
        assertThat(channel.exitStatus()).hasValue(7);
        assertThat(replies).containsExactly("pty-req:false", "exec:true");
        pair.assertOpen();
    }
}
