package org.sshstack.io.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.EdECPrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.auth.agent.AgentClient;
import org.sshstack.auth.agent.AgentFailureException;
import org.sshstack.auth.agent.AgentIdentity;
import org.sshstack.crypto.signature.SignatureAlgorithms;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.SshWriter;

/** {@link AgentClient} over {@link UnixSocketAgentConnection} against OpenSSH's own ssh-agent, ssh-add, ssh-keygen. */
class OpenSshAgentInteropTest {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final byte[] DATA = "data the agent signs".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private Path socket;
    private Process agent;

    @BeforeEach
    void startAgent() throws Exception {
        PeerTools.require("ssh-agent");
        PeerTools.require("ssh-add");
        PeerTools.require("ssh-keygen");
        socket = dir.resolve("agent.sock");
        agent = PeerTools.startBackground(dir, Map.of(), dir.resolve("agent.log"),
                "ssh-agent", "-D", "-a", socket.toString());
        await().atMost(TIMEOUT).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(() -> Files.exists(socket) || !agent.isAlive());
        assertThat(agent.isAlive()).as("ssh-agent is running").isTrue();
    }

    @AfterEach
    void stopAgent() throws Exception {
        if (agent != null) {
            agent.destroy();
            agent.onExit().get();
        }
    }

    @Test
    void listsAndSignsWithEveryKeyTypeSshAddLoaded() throws Exception {
        keygen("ed25519", "-t", "ed25519");
        keygen("ecdsa256", "-t", "ecdsa", "-b", "256");
        keygen("ecdsa384", "-t", "ecdsa", "-b", "384");
        keygen("ecdsa521", "-t", "ecdsa", "-b", "521");
        keygen("rsa", "-t", "rsa", "-b", "3072");
        for (String name : List.of("ed25519", "ecdsa256", "ecdsa384", "ecdsa521", "rsa")) {
            sshAdd(dir.resolve(name).toString());
        }
        try (AgentClient client = new AgentClient(UnixSocketAgentConnection.open(socket, TIMEOUT))) {
            List<AgentIdentity> identities = client.identities();
            assertThat(identities).hasSize(5);
            assertThat(listed(identities)).isEqualTo(sshAddList());
            Set<String> signedWith = new HashSet<>();
            for (AgentIdentity identity : identities) {
                for (String algorithm : identity.algorithmNames()) {
                    byte[] signature = identity.sign(algorithm, DATA);
                    StandardPublicKey key = (StandardPublicKey) identity.publicKey();
                    assertThat(SignatureAlgorithms.require(algorithm).verify(key.javaKey(), DATA, signature))
                            .as(algorithm).isTrue();
                    signedWith.add(algorithm);
                }
            }
            assertThat(signedWith).containsExactlyInAnyOrder("ssh-ed25519", "ecdsa-sha2-nistp256",
                    "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-256", "rsa-sha2-512");
        }
    }

    @Test
    void certificateLoadedWithItsKeyIsAnIdentity() throws Exception {
        keygen("ca", "-t", "ed25519");
        keygen("user", "-t", "ecdsa", "-b", "256");
        PeerTools.runIn(dir, Map.of(), TOOL_TIMEOUT, null, "ssh-keygen", "-q", "-s", dir.resolve("ca").toString(),
                "-I", "agent-test", "-n", "alice", dir.resolve("user.pub").toString()).assertSuccess();
        sshAdd(dir.resolve("user").toString());
        try (AgentClient client = new AgentClient(UnixSocketAgentConnection.open(socket, TIMEOUT))) {
            List<AgentIdentity> identities = client.identities();
            assertThat(listed(identities)).isEqualTo(sshAddList());
            AgentIdentity certified = identities.stream()
                    .filter(i -> i.publicKey() instanceof OpenSshCertificate).findFirst().orElseThrow();
            OpenSshCertificate certificate = (OpenSshCertificate) certified.publicKey();
            assertThat(certificate.principals()).containsExactly("alice");
            assertThat(certified.keyTypeName()).isEqualTo("ecdsa-sha2-nistp256");
            byte[] signature = certified.sign("ecdsa-sha2-nistp256", DATA);
            StandardPublicKey key = (StandardPublicKey) certificate.certifiedKey();
            assertThat(SignatureAlgorithms.require("ecdsa-sha2-nistp256").verify(key.javaKey(), DATA, signature))
                    .isTrue();
        }
    }

    @Test
    void addsRemovesAndQueries() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        StandardPublicKey publicKey = new StandardPublicKey(KeyType.ED25519, pair.getPublic());
        byte[] seed = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
        byte[] raw = PublicKeyCodec.rawEd25519(pair.getPublic());
        byte[] secret = new byte[64];
        System.arraycopy(seed, 0, secret, 0, 32);
        System.arraycopy(raw, 0, secret, 32, 32);
        // RFC 9987 §3.2.3: string "ssh-ed25519" || string ENC(A) || string k || ENC(A)
        byte[] keyData = new SshWriter().writeString("ssh-ed25519").writeString(raw).writeString(secret)
                .toByteArray();
        try (AgentClient client = new AgentClient(UnixSocketAgentConnection.open(socket, TIMEOUT))) {
            client.addIdentity(keyData, "added by sshstack");
            assertThat(sshAddList()).containsExactly(openSshLine(publicKey, "added by sshstack"));
            AgentIdentity identity = client.identities().get(0);
            byte[] signature = identity.sign("ssh-ed25519", DATA);
            assertThat(SignatureAlgorithms.require("ssh-ed25519").verify(pair.getPublic(), DATA, signature)).isTrue();
            client.removeIdentity(publicKey);
            assertThat(client.identities()).isEmpty();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.removeIdentity(publicKey))
                    .isInstanceOf(AgentFailureException.class);
            client.addIdentity(keyData, "again");
            client.removeAllIdentities();
            assertThat(client.rawIdentities()).isEmpty();
            try {
                assertThat(client.queryExtensions()).isNotNull();
            } catch (AgentFailureException notSupported) {
                // OpenSSH's agent may not implement the optional query extension (RFC 9987 §3.8.1)
                assertThat(notSupported).hasMessageContaining("query");
            }
            // the connection stays usable after a refused extension
            assertThat(client.rawIdentities()).isEmpty();
        }
    }

    @Test
    void fromEnvironmentReadsSshAuthSock() throws Exception {
        try (UnixSocketAgentConnection connection = UnixSocketAgentConnection.fromEnvironment(
                Map.of("SSH_AUTH_SOCK", socket.toString()), TIMEOUT);
                AgentClient client = new AgentClient(connection)) {
            assertThat(client.identities()).isEmpty();
        }
    }

    private void keygen(String name, String... typeArgs) throws Exception {
        List<String> command = new ArrayList<>(List.of("ssh-keygen"));
        command.addAll(List.of(typeArgs));
        command.addAll(List.of("-q", "-N", "", "-C", name + " comment", "-f", dir.resolve(name).toString()));
        PeerTools.runIn(dir, Map.of(), TOOL_TIMEOUT, null, command.toArray(String[]::new)).assertSuccess();
    }

    private void sshAdd(String... args) throws Exception {
        String[] command = new String[args.length + 1];
        command[0] = "ssh-add";
        System.arraycopy(args, 0, command, 1, args.length);
        PeerTools.runIn(dir, Map.of("SSH_AUTH_SOCK", socket.toString()), TOOL_TIMEOUT, null, command)
                .assertSuccess();
    }

    private List<String> sshAddList() throws Exception {
        return PeerTools.runIn(dir, Map.of("SSH_AUTH_SOCK", socket.toString()), TOOL_TIMEOUT, null, "ssh-add", "-L")
                .assertSuccess().stdout().lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> listed(List<AgentIdentity> identities) {
        return identities.stream().map(i -> openSshLine(i.publicKey(), i.comment())).toList();
    }

    private static String openSshLine(SshPublicKey key, String comment) {
        return key.typeName() + " " + Base64.getEncoder().encodeToString(key.blob()) + " " + comment;
    }
}
