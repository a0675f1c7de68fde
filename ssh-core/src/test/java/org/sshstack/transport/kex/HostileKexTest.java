package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.DhGroups;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.keys.KeyType;
import org.sshstack.testing.Mutations;

/** A hostile or broken peer: bad signatures, wrong names and numbers, bad values, mutated payloads. */
class HostileKexTest {

    private static ClientKeyExchange client(String kex, String hostKeyAlgorithm, KexTranscript transcript)
            throws SshException {
        return ClientKeyExchange.create(KexMethods.require(kex), transcript, hostKeyAlgorithm, null,
                KexFixtures.RANDOM);
    }

    private static ServerKeyExchange server(String kex, String hostKeyAlgorithm, KeyType keyType,
            KexTranscript transcript) throws SshException {
        return ServerKeyExchange.create(KexMethods.require(kex), transcript, hostKeyAlgorithm,
                KexFixtures.hostKey(keyType), null, KexFixtures.RANDOM, Moduli.builtIn());
    }

    /** Runs the client up to the server's final reply and returns that reply, for the client to receive. */
    private static byte[] replyFor(ClientKeyExchange client, ServerKeyExchange server) throws SshException {
        byte[] next = client.start();
        while (true) {
            KexStep step = server.onMessage(next);
            if (step.complete()) {
                return step.payloads().get(0);
            }
            next = client.onMessage(step.payloads().get(0)).payloads().get(0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp521", "rsa-sha2-512"})
    void flippedSignatureByteFails(String hostKeyAlgorithm) throws Exception {
        KeyType type = KexFixtures.HOST_KEY_ALGORITHMS.get(hostKeyAlgorithm);
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", hostKeyAlgorithm);
        ClientKeyExchange client = client("curve25519-sha256", hostKeyAlgorithm, t);
        byte[] reply = replyFor(client, server("curve25519-sha256", hostKeyAlgorithm, type, t));
        reply[reply.length - 2] ^= 0x01;
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(KeyExchangeException.class);
        assertThat(client.isComplete()).isFalse();
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void signatureOfAnotherAlgorithmFails() throws Exception {
        KexTranscript t = KexFixtures.transcript("ecdh-sha2-nistp256", "rsa-sha2-512");
        ClientKeyExchange client = client("ecdh-sha2-nistp256", "rsa-sha2-512", t);
        // the server signs H correctly, but as rsa-sha2-256 where rsa-sha2-512 was negotiated
        byte[] reply = replyFor(client, server("ecdh-sha2-nistp256", "rsa-sha2-256", KeyType.RSA, t));
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("rsa-sha2-256");
    }

    @Test
    void hostKeyOfAnotherTypeFails() throws Exception {
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", "ssh-ed25519");
        ClientKeyExchange client = client("curve25519-sha256", "ssh-ed25519", t);
        byte[] reply = replyFor(client, server("curve25519-sha256", "ecdsa-sha2-nistp256", KeyType.ECDSA_NISTP256, t));
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(KeyExchangeException.class);

        ClientKeyExchange certClient = client("curve25519-sha256", "ssh-ed25519-cert-v01@openssh.com", t);
        byte[] plainReply = replyFor(certClient, server("curve25519-sha256", "ssh-ed25519", KeyType.ED25519, t));
        assertThatThrownBy(() -> certClient.onMessage(plainReply)).isInstanceOf(KeyExchangeException.class)
                .hasMessageContaining("certificate");
    }

    @Test
    void wrongMessageNumbersAreProtocolErrors() throws Exception {
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", "ssh-ed25519");
        ClientKeyExchange client = client("curve25519-sha256", "ssh-ed25519", t);
        byte[] init = client.start();
        for (int number : new int[] {30, 32, 33, 34, 20, 21, 50}) {
            ClientKeyExchange fresh = client("curve25519-sha256", "ssh-ed25519", t);
            fresh.start();
            byte[] payload = init.clone();
            payload[0] = (byte) number;
            assertThatThrownBy(() -> fresh.onMessage(payload)).isInstanceOf(SshProtocolException.class);
        }
        ServerKeyExchange server = server("curve25519-sha256", "ssh-ed25519", KeyType.ED25519, t);
        byte[] asReply = init.clone();
        asReply[0] = 31;
        assertThatThrownBy(() -> server.onMessage(asReply)).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> server.onMessage(init)).isInstanceOf(SshProtocolException.class); // failed already

        KexTranscript gt = KexFixtures.transcript("diffie-hellman-group-exchange-sha256", "ssh-ed25519");
        ServerKeyExchange gexServer = server("diffie-hellman-group-exchange-sha256", "ssh-ed25519", KeyType.ED25519,
                gt);
        byte[] oldRequest = {30, 0, 0, 8, 0};
        assertThatThrownBy(() -> gexServer.onMessage(oldRequest)).isInstanceOf(SshProtocolException.class);
        ClientKeyExchange gexClient = client("diffie-hellman-group-exchange-sha256", "ssh-ed25519", gt);
        gexClient.start();
        byte[] replyTooEarly = {33, 0, 0, 0, 0};
        assertThatThrownBy(() -> gexClient.onMessage(replyTooEarly)).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> gexClient.onMessage(new byte[0])).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void messagesAfterCompletionAreProtocolErrors() throws Exception {
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", "ssh-ed25519");
        ClientKeyExchange client = client("curve25519-sha256", "ssh-ed25519", t);
        ServerKeyExchange server = server("curve25519-sha256", "ssh-ed25519", KeyType.ED25519, t);
        byte[] init = client.start();
        byte[] reply = server.onMessage(init).payloads().get(0);
        assertThat(client.onMessage(reply).complete()).isTrue();
        assertThat(client.isComplete()).isTrue();
        assertThat(server.isComplete()).isTrue();
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> server.onMessage(init)).isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(client::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void badServerValuesFail() throws Exception {
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", "ssh-ed25519");
        ClientKeyExchange client = client("curve25519-sha256", "ssh-ed25519", t);
        KexEcdhReply good = KexEcdhReply.decode(replyFor(client, server("curve25519-sha256", "ssh-ed25519",
                KeyType.ED25519, t)));
        byte[] shortQ = new KexEcdhReply(good.hostKey(), new byte[31], good.signature()).encode();
        assertThatThrownBy(() -> client.onMessage(shortQ)).isInstanceOf(KeyExchangeException.class);
        ClientKeyExchange again = client("curve25519-sha256", "ssh-ed25519", t);
        again.start();
        byte[] zeroQ = new KexEcdhReply(good.hostKey(), new byte[32], good.signature()).encode(); // low order
        assertThatThrownBy(() -> again.onMessage(zeroQ)).isInstanceOf(KeyExchangeException.class);

        KexTranscript dt = KexFixtures.transcript("diffie-hellman-group14-sha256", "ssh-ed25519");
        for (BigInteger f : new BigInteger[] {BigInteger.ONE, DhGroups.GROUP14.p().subtract(BigInteger.ONE),
            DhGroups.GROUP14.p(), DhGroups.GROUP14.p().add(BigInteger.TEN)}) {
            ClientKeyExchange dh = client("diffie-hellman-group14-sha256", "ssh-ed25519", dt);
            dh.start();
            byte[] badF = new KexDhReply(good.hostKey(), f, good.signature()).encode();
            assertThatThrownBy(() -> dh.onMessage(badF)).isInstanceOf(KeyExchangeException.class);
        }
        ServerKeyExchange server = server("diffie-hellman-group14-sha256", "ssh-ed25519", KeyType.ED25519, dt);
        byte[] badE = new KexDhInit(BigInteger.ONE).encode();
        assertThatThrownBy(() -> server.onMessage(badE)).isInstanceOf(KeyExchangeException.class);
    }

    @Test
    void serverRefusesUnusableHostKeys() {
        KexMethod method = KexMethods.byName("curve25519-sha256").orElseThrow();
        assertThatThrownBy(() -> ServerKeyExchange.create(method, KexFixtures.transcript("curve25519-sha256",
                "ssh-dss"), "ssh-dss", KexFixtures.hostKey(KeyType.ED25519), null, KexFixtures.RANDOM,
                Moduli.empty())).isInstanceOf(KeyExchangeException.class);
        assertThatThrownBy(() -> ServerKeyExchange.create(method, KexFixtures.transcript("curve25519-sha256",
                "rsa-sha2-256"), "rsa-sha2-256", KexFixtures.hostKey(KeyType.ED25519), null, KexFixtures.RANDOM,
                Moduli.empty())).isInstanceOf(KeyExchangeException.class);
        assertThatThrownBy(() -> ClientKeyExchange.create(method, KexFixtures.transcript("curve25519-sha256",
                "x-unknown@example.com"), "x-unknown@example.com", null, KexFixtures.RANDOM))
                .isInstanceOf(KeyExchangeException.class);
        assertThatThrownBy(() -> KexMethods.require("diffie-hellman-group2-sha1"))
                .isInstanceOf(KeyExchangeException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"curve25519-sha256", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256",
        "mlkem768x25519-sha256", "sntrup761x25519-sha512"})
    void mutatedRepliesAndInitsFailOnlyWithProjectExceptions(String kex) throws Exception {
        KexTranscript t = KexFixtures.transcript(kex, "ssh-ed25519");
        ClientKeyExchange first = client(kex, "ssh-ed25519", t);
        byte[] init = first.start();
        byte[] reply = server(kex, "ssh-ed25519", KeyType.ED25519, t).onMessage(init).payloads().get(0);
        int accepted = 0;
        for (long seed = 0; seed < 150; seed++) {
            byte[] mutatedReply = Mutations.mutate(reply, seed);
            ClientKeyExchange client = client(kex, "ssh-ed25519", t);
            client.start();
            accepted += feed(() -> client.onMessage(mutatedReply));
            byte[] mutatedInit = Mutations.mutate(init, seed);
            ServerKeyExchange server = server(kex, "ssh-ed25519", KeyType.ED25519, t);
            feed(() -> server.onMessage(mutatedInit));
        }
        assertThat(accepted).as("a mutated reply never verifies against a fresh client").isZero();
    }

    @Test
    void mutatedGexMessagesFailOnlyWithProjectExceptions() throws Exception {
        String kex = "diffie-hellman-group-exchange-sha256";
        KexTranscript t = KexFixtures.transcript(kex, "ssh-ed25519");
        byte[] request = GexPreferences.DEFAULT.request().encode();
        byte[] group = GexGroup.of(DhGroups.GROUP14).encode();
        for (long seed = 0; seed < 150; seed++) {
            byte[] mutatedRequest = Mutations.mutate(request, seed);
            feed(() -> server(kex, "ssh-ed25519", KeyType.ED25519, t).onMessage(mutatedRequest));
            byte[] mutatedGroup = Mutations.mutate(group, seed);
            ClientKeyExchange client = client(kex, "ssh-ed25519", t);
            client.start();
            feed(() -> client.onMessage(mutatedGroup));
        }
    }

    /** A step that may fail only with the project's exceptions. */
    @FunctionalInterface
    interface Step {
        KexStep run() throws SshException;
    }

    private static int feed(Step step) {
        try {
            return step.run().complete() ? 1 : 0;
        } catch (SshException expected) {
            return 0;
        }
    }

    @Test
    void corruptedHostKeyBlobIsTyped() throws Exception {
        KexTranscript t = KexFixtures.transcript("curve25519-sha256", "ssh-ed25519");
        ClientKeyExchange client = client("curve25519-sha256", "ssh-ed25519", t);
        KexEcdhReply good = KexEcdhReply.decode(replyFor(client, server("curve25519-sha256", "ssh-ed25519",
                KeyType.ED25519, t)));
        byte[] ks = good.hostKey();
        byte[] truncated = Arrays.copyOf(ks, ks.length - 1);
        byte[] payload = new KexEcdhReply(truncated, good.qs(), good.signature()).encode();
        assertThatThrownBy(() -> client.onMessage(payload)).isInstanceOf(SshException.class);
    }
}
