package org.sshstack.auth.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.crypto.signature.UnsuitableKeyException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.SshWriter;

/** {@link AgentClient} and {@link AgentIdentity} against an in-memory agent. */
class AgentClientTest {

    private static final byte[] DATA = "session id and userauth request".getBytes(StandardCharsets.UTF_8);

    private static KeyPair ed25519;
    private static KeyPair rsa;
    private static KeyPair p256;

    @BeforeAll
    static void keys() throws Exception {
        ed25519 = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        p256 = ec.generateKeyPair();
    }

    private static FakeAgent agent() {
        FakeAgent agent = new FakeAgent();
        agent.add(new StandardPublicKey(KeyType.ED25519, ed25519.getPublic()), ed25519, "ed key");
        agent.add(new StandardPublicKey(KeyType.RSA, rsa.getPublic()), rsa, "rsa key");
        agent.add(new StandardPublicKey(KeyType.ECDSA_NISTP256, p256.getPublic()), p256, "ec key");
        return agent;
    }

    @Test
    void listsIdentitiesAndSkipsUnknownKeyTypes() throws Exception {
        FakeAgent agent = agent();
        agent.addUnusableBlob(new SshWriter().writeString("ssh-unknown@example.com").writeString("x").toByteArray());
        try (AgentClient client = new AgentClient(agent)) {
            assertThat(client.rawIdentities()).hasSize(4);
            List<AgentIdentity> identities = client.identities();
            assertThat(identities).extracting(AgentIdentity::comment).containsExactly("ed key", "rsa key", "ec key");
            assertThat(identities).extracting(AgentIdentity::keyTypeName)
                    .containsExactly("ssh-ed25519", "ssh-rsa", "ecdsa-sha2-nistp256");
            assertThat(identities.get(1).algorithmNames()).containsExactly("rsa-sha2-512", "rsa-sha2-256");
            assertThat(identities.get(0).toString()).contains("ssh-ed25519", "SHA256:");
        }
        assertThat(agent.closed).isTrue();
    }

    @Test
    void signsWithEveryKeyAndSetsRsaFlags() throws Exception {
        FakeAgent agent = agent();
        try (AgentClient client = new AgentClient(agent)) {
            for (AgentIdentity identity : client.identities()) {
                for (String algorithm : identity.algorithmNames()) {
                    byte[] signature = identity.sign(algorithm, DATA);
                    StandardPublicKey key = (StandardPublicKey) identity.publicKey();
                    assertThat(SignatureAlgorithms.require(algorithm).verify(key.javaKey(), DATA, signature))
                            .as(algorithm).isTrue();
                }
            }
            assertThat(agent.flagsSeen).containsExactly(0, AgentMessage.FLAG_RSA_SHA2_512,
                    AgentMessage.FLAG_RSA_SHA2_256, 0);
        }
    }

    @Test
    void rejectsAlgorithmsThatDoNotFitTheKey() throws Exception {
        try (AgentClient client = new AgentClient(agent())) {
            AgentIdentity ed = client.identities().get(0);
            assertThatThrownBy(() -> ed.sign("rsa-sha2-512", DATA)).isInstanceOf(UnsuitableKeyException.class);
            AgentIdentity rsaIdentity = client.identities().get(1);
            assertThatThrownBy(() -> rsaIdentity.sign("ssh-ed25519", DATA))
                    .isInstanceOf(UnsuitableKeyException.class);
        }
    }

    @Test
    void signatureOfAnotherAlgorithmIsRejected() throws Exception {
        FakeAgent agent = agent();
        try (AgentClient client = new AgentClient(agent)) {
            AgentIdentity rsaIdentity = client.identities().get(1);
            // an agent that ignores the flags answers with SHA-1 ssh-rsa: refused, not passed on
            agent.tamper = reply -> reply[0] == AgentMessage.SIGN_RESPONSE ? signResponseNamed("ssh-rsa") : reply;
            assertThatThrownBy(() -> rsaIdentity.sign("rsa-sha2-512", DATA)).isInstanceOf(AgentException.class)
                    .hasMessageContaining("instead of rsa-sha2-512");
        }
    }

    @Test
    void refusalIsAFailureException() throws Exception {
        FakeAgent agent = agent();
        try (AgentClient client = new AgentClient(agent)) {
            AgentIdentity identity = client.identities().get(0);
            agent.tamper = reply -> new byte[] {AgentMessage.FAILURE};
            assertThatThrownBy(() -> identity.sign("ssh-ed25519", DATA)).isInstanceOf(AgentFailureException.class);
            assertThatThrownBy(client::removeAllIdentities).isInstanceOf(AgentFailureException.class);
            assertThatThrownBy(client::queryExtensions).isInstanceOf(AgentFailureException.class);
        }
    }

    @Test
    void emptyOrOversizedRepliesFromAConnectionAreTyped() {
        AgentClient empty = new AgentClient(new FixedReply(new byte[0]));
        assertThatThrownBy(empty::identities).isInstanceOf(AgentException.class);
        AgentClient huge = new AgentClient(new FixedReply(new byte[AgentFraming.MAX_MESSAGE + 1]));
        assertThatThrownBy(huge::identities).isInstanceOf(AgentException.class);
    }

    @Test
    void tooManyKeysIsTyped() {
        byte[] reply = new SshWriter().writeByte(12).writeUint32(0xffffffffL).toByteArray();
        AgentClient client = new AgentClient(new FixedReply(reply));
        assertThatThrownBy(client::identities).isInstanceOf(AgentException.class).hasMessageContaining("keys");
    }

    @Test
    void mutatedAnswersThroughTheClientFailOnlyWithTypedExceptions() throws Exception {
        FakeAgent agent = agent();
        byte[] identitiesAnswer = agent.roundTrip(AgentCodec.requestIdentities());
        AgentIdentity identity;
        try (AgentClient client = new AgentClient(agent)) {
            identity = client.identities().get(1);
        }
        byte[] signAnswer = agent.roundTrip(AgentCodec.signRequest(identity.keyBlob(), DATA,
                AgentMessage.FLAG_RSA_SHA2_256));
        for (long seed = 0; seed < 1500; seed++) {
            byte[] mutatedList = Mutations.mutate(identitiesAnswer, seed);
            byte[] mutatedSign = Mutations.mutate(signAnswer, seed);
            try {
                new AgentClient(new FixedReply(mutatedList)).identities();
            } catch (SshException expected) {
                // typed
            }
            try {
                new AgentIdentity(new AgentClient(new FixedReply(mutatedSign)), identity.publicKey(), "")
                        .sign("rsa-sha2-256", DATA);
            } catch (SshException expected) {
                // typed
            }
        }
    }

    private static byte[] signResponseNamed(String name) {
        byte[] blob = new SshWriter().writeString(name).writeString(new byte[256]).toByteArray();
        return new SshWriter().writeByte(AgentMessage.SIGN_RESPONSE).writeString(blob).toByteArray();
    }

    /** A connection that answers every request with the same bytes. */
    private record FixedReply(byte[] reply) implements AgentConnection {
        @Override
        public byte[] roundTrip(byte[] request) {
            return reply;
        }

        @Override
        public void close() {
        }
    }
}
