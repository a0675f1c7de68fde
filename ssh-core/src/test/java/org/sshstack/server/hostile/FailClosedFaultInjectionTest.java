package org.sshstack.server.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.sshstack.auth.InteractiveQuery;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.SshPublicKey;
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
class FailClosedFaultInjectionTest extends HostileServerTest {

    private static final SshPublicKey KEY = KeyGenerator.ed25519("user", TestKeys.seeded(11)).publicKey();

    @Test
    void throwingPasswordAuthenticatorFails() throws Exception {
        restart(b -> b.passwordAuthenticator((u, p) -> {
            throw new IllegalStateException("directory down");
        }));
        assertFailsClosed(HostilePayloads.password("alice", "secret"));
    }

    @Test
    void throwingPublicKeyAuthenticatorFailsTheQuery() throws Exception {
        restart(b -> b.publicKeyAuthenticator((u, k) -> {
            throw new IllegalStateException("directory down");
        }));
        assertFailsClosed(HostilePayloads.request("alice", new UserauthMethod.PublicKey(KEY.typeName(), KEY.blob(),
                Optional.empty())));
    }

    @Test
    void throwingInteractiveChallengeFails() throws Exception {
        restart(interactiveOnly(user -> {
            throw new IllegalStateException("otp service down");
        }, responses -> true));
        assertFailsClosed(HostilePayloads.keyboardInteractive("alice"));
    }

    @Test
    void nullInteractiveChallengeFails() throws Exception {
        restart(interactiveOnly(user -> null, responses -> true));
        assertFailsClosed(HostilePayloads.keyboardInteractive("alice"));
    }

    @Test
    void throwingInteractiveVerifierFails() throws Exception {
        restart(interactiveOnly(user -> new InteractiveQuery("", "", List.of()), responses -> {
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
        assertThat(server.started).isEmpty();
    }

    private static UnaryOperator<SshServerBuilder> interactiveOnly(Function<String, InteractiveQuery> challenge,
            Predicate<List<String>> verify) {
        return b -> b.interactiveAuthenticator(HostileServer.interactive(challenge, verify));
    }
}
