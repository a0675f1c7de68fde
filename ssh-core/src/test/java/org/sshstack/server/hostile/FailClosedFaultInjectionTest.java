package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.server.InteractiveAuthenticator;
import org.sshstack.server.SshServerBuilder;
import org.sshstack.testing.TestKeys;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.UserauthMethod;

/**
 * SECURITY.md A6 {@code FailClosedFaultInjection}, the authenticator SPIs of the real server: a password, public key
 * or keyboard-interactive authenticator that throws, or returns null, makes the attempt fail (USERAUTH_FAILURE or a
 * disconnect), never succeed; nothing escapes a server thread and nothing is started. (The crypto and host key SPIs
 * are engine-level and belong to the transport tests.)
 */
class FailClosedFaultInjectionTest {

    private static final SshPublicKey KEY = KeyGenerator.ed25519("user", TestKeys.seeded(11)).publicKey();

    private HostileServer server;

    @AfterEach
    void stop() {
        server.close();
        assertThat(server.uncaught).isEmpty();
        assertThat(server.started).isEmpty();
    }

    @Test
    void throwingPasswordAuthenticatorFails() throws Exception {
        server = new HostileServer(b -> b.passwordAuthenticator((u, p) -> {
            throw new IllegalStateException("directory down");
        }));
        assertFailsClosed(HostilePayloads.password("alice", "secret"));
    }

    @Test
    void throwingPublicKeyAuthenticatorFailsTheQuery() throws Exception {
        server = new HostileServer(b -> b.publicKeyAuthenticator((u, k) -> {
            throw new IllegalStateException("directory down");
        }));
        assertFailsClosed(HostilePayloads.request("alice", new UserauthMethod.PublicKey(KEY.typeName(), KEY.blob(),
                Optional.empty())));
    }

    @Test
    void throwingInteractiveChallengeFails() throws Exception {
        server = new HostileServer(interactive(user -> {
            throw new IllegalStateException("otp service down");
        }, responses -> true));
        assertFailsClosed(HostilePayloads.keyboardInteractive("alice"));
    }

    @Test
    void nullInteractiveChallengeFails() throws Exception {
        server = new HostileServer(interactive(user -> null, responses -> true));
        assertFailsClosed(HostilePayloads.keyboardInteractive("alice"));
    }

    @Test
    void throwingInteractiveVerifierFails() throws Exception {
        server = new HostileServer(interactive(user -> new InteractiveQuery("", "", List.of()), responses -> {
            throw new IllegalStateException("otp service down");
        }));
        assertFailsClosed(HostilePayloads.keyboardInteractive("alice"), HostilePayloads.infoResponse());
    }

    private void assertFailsClosed(byte[]... requests) throws Exception {
        try (RawClient client = server.connect()) {
            client.userauthService();
            for (byte[] request : requests) {
                client.send(request);
            }
            client.barrier();
            server.now.addAndGet(1_000_000_000L); // releases a held FAILURE
            Optional<byte[]> reply = client.next();
            while (reply.isPresent() && (reply.get()[0] & 0xff) == MessageNumbers.USERAUTH_INFO_REQUEST) {
                reply = client.next();
            }
            // a FAILURE, or the connection ended; never SUCCESS, nor PK_OK to the public key query
            reply.ifPresent(p -> assertThat(p[0] & 0xff).isEqualTo(MessageNumbers.USERAUTH_FAILURE));
        }
    }

    private static UnaryOperator<SshServerBuilder> interactive(
            Function<String, InteractiveQuery> challenge, Predicate<List<String>> verify) {
        return b -> b.interactiveAuthenticator(new InteractiveAuthenticator() {
            @Override
            public InteractiveQuery challenge(String user) {
                return challenge.apply(user);
            }

            @Override
            public boolean verify(String user, List<String> responses) {
                return verify.test(responses);
            }
        });
    }
}
