package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.crypto.kex.SharedSecret;
import org.sshstack.keys.KeyType;
import org.sshstack.transport.AlgorithmNames;
import org.sshstack.transport.DirectionAlgorithms;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;
import org.sshstack.wire.MessageNumbers;

/** Every kex method with every host key algorithm: client and server run in memory and agree on everything. */
class KeyExchangeRoundTripTest {

    static Stream<Arguments> methodsAndHostKeys() {
        List<Arguments> cases = new ArrayList<>();
        for (KexMethod method : KexMethods.all()) {
            for (Map.Entry<String, KeyType> hostKey : KexFixtures.HOST_KEY_ALGORITHMS.entrySet()) {
                cases.add(Arguments.of(method.name(), hostKey.getKey(), hostKey.getValue()));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("methodsAndHostKeys")
    void clientAndServerAgree(String kex, String hostKeyAlgorithm, KeyType keyType) throws Exception {
        ServerHostKey hostKey = KexFixtures.hostKey(keyType);
        KexFixtures.Exchange run = KexFixtures.run(kex, hostKeyAlgorithm, hostKey, null);
        KexResult client = run.client();
        KexResult server = run.server();

        assertThat(client.exchangeHash()).hasSize(KexMethods.require(kex).hash().length())
                .isEqualTo(server.exchangeHash());
        assertThat(client.sharedSecret().encoded()).isEqualTo(server.sharedSecret().encoded());
        assertThat(client.sessionId()).isEqualTo(client.exchangeHash()).isEqualTo(server.sessionId());
        assertThat(client.hostKeyBlob()).isEqualTo(hostKey.publicKey().blob()).isEqualTo(server.hostKeyBlob());
        assertThat(client.hostKey()).isEqualTo(hostKey.publicKey());
        assertThat(client.signatureAlgorithm()).isEqualTo(hostKeyAlgorithm).isEqualTo(server.signatureAlgorithm());
        assertThat(client.hostKeyAlgorithm()).isEqualTo(hostKeyAlgorithm);
        assertThat(client.sharedSecret().encoding()).isEqualTo(
                KexMethods.require(kex).family() == KexFamily.HYBRID ? SharedSecret.Encoding.STRING
                        : SharedSecret.Encoding.MPINT);

        NegotiatedAlgorithms algorithms = negotiated(kex, hostKeyAlgorithm);
        DerivedKeys clientKeys = client.deriveKeys(algorithms);
        DerivedKeys serverKeys = server.deriveKeys(algorithms);
        assertThat(clientKeys).isEqualTo(serverKeys);
        assertThat(clientKeys.sentBy(Role.CLIENT).key()).hasSize(64); // chacha20-poly1305
        assertThat(clientKeys.sentBy(Role.CLIENT).iv()).isEmpty();
        assertThat(clientKeys.sentBy(Role.SERVER).key()).hasSize(32); // aes256-ctr
        assertThat(clientKeys.sentBy(Role.SERVER).iv()).hasSize(16);
        assertThat(clientKeys.sentBy(Role.SERVER).macKey()).hasSize(64); // hmac-sha2-512
        assertThat(clientKeys.receivedBy(Role.CLIENT)).isEqualTo(clientKeys.sentBy(Role.SERVER));
        assertThat(clientKeys.clientToServer().key()).isNotEqualTo(clientKeys.serverToClient().key());
        assertThat(client.toString()).doesNotContain(hex(client.sharedSecret().bytes()));
    }

    @Test
    void messageNumbersFollowTheFamily() throws Exception {
        KexFixtures.Exchange gex = KexFixtures.run("diffie-hellman-group-exchange-sha256", "ssh-ed25519",
                KexFixtures.hostKey(KeyType.ED25519), null);
        assertThat(gex.clientSent()).extracting(p -> p[0] & 0xff)
                .containsExactly(MessageNumbers.KEX_DH_GEX_REQUEST, MessageNumbers.KEX_DH_GEX_INIT);
        assertThat(gex.serverSent()).extracting(p -> p[0] & 0xff)
                .containsExactly(MessageNumbers.KEX_DH_GEX_GROUP, MessageNumbers.KEX_DH_GEX_REPLY);
        assertThat(GexGroup.decode(gex.serverSent().get(0)).p().bitLength()).isEqualTo(3072);

        KexFixtures.Exchange ecdh = KexFixtures.run("curve25519-sha256", "ssh-ed25519",
                KexFixtures.hostKey(KeyType.ED25519), null);
        assertThat(ecdh.clientSent()).extracting(p -> p[0] & 0xff).containsExactly(30);
        assertThat(ecdh.serverSent()).extracting(p -> p[0] & 0xff).containsExactly(31);
        assertThat(KexEcdhInit.decode(ecdh.clientSent().get(0)).qc()).hasSize(32);
    }

    @Test
    void rekeyKeepsTheSessionId() throws Exception {
        ServerHostKey hostKey = KexFixtures.hostKey(KeyType.ECDSA_NISTP256);
        KexResult first = KexFixtures.run("ecdh-sha2-nistp256", "ecdsa-sha2-nistp256", hostKey, null).client();
        KexFixtures.Exchange second = KexFixtures.run("mlkem768x25519-sha256", "ecdsa-sha2-nistp256", hostKey,
                first.sessionId());
        assertThat(second.client().sessionId()).isEqualTo(first.sessionId()).isEqualTo(second.server().sessionId());
        assertThat(second.client().exchangeHash()).isNotEqualTo(first.exchangeHash());
        KeyLengths lengths = new KeyLengths(16, 32, 32);
        assertThat(second.client().deriveKeys(lengths, lengths)).isEqualTo(second.server().deriveKeys(lengths, lengths));
    }

    @Test
    void legacySha1MethodsAreMarkedAndWork() throws Exception {
        assertThat(KexMethods.all()).filteredOn(KexMethod::legacy).extracting(KexMethod::name)
                .containsExactlyInAnyOrderElementsOf(List.of("diffie-hellman-group14-sha1",
                        "diffie-hellman-group-exchange-sha1", "diffie-hellman-group1-sha1"));
        KexFixtures.Exchange run = KexFixtures.run("diffie-hellman-group14-sha1", "rsa-sha2-512",
                KexFixtures.hostKey(KeyType.RSA), null);
        assertThat(run.client().exchangeHash()).hasSize(20).isEqualTo(run.server().exchangeHash());
        // RFC 4253 §8.1: diffie-hellman-group1-sha1, Oakley group 2; e and f are at most 1024 bits
        KexFixtures.Exchange group1 = KexFixtures.run("diffie-hellman-group1-sha1", "ssh-ed25519",
                KexFixtures.hostKey(KeyType.ED25519), null);
        assertThat(group1.client().exchangeHash()).hasSize(20).isEqualTo(group1.server().exchangeHash());
        assertThat(KexDhInit.decode(group1.clientSent().get(0)).e().bitLength()).isLessThanOrEqualTo(1024);
    }

    @Test
    void registryCoversEveryDefaultName() throws Exception {
        for (String name : AlgorithmNames.KEX) {
            KexMethod method = KexMethods.require(name);
            assertThat(method.name()).isEqualTo(name);
            assertThat(method.legacy()).isFalse();
        }
        assertThat(KexMethods.require("sntrup761x25519-sha512@openssh.com").hash()).isEqualTo(KexHash.SHA512);
        assertThat(KexMethods.require("ecdh-sha2-nistp384").hash()).isEqualTo(KexHash.SHA384);
        assertThat(KexMethods.require("ecdh-sha2-nistp521").hash()).isEqualTo(KexHash.SHA512);
        assertThat(KexMethods.require("diffie-hellman-group16-sha512").family()).isEqualTo(KexFamily.DH);
        assertThat(KexMethods.require("diffie-hellman-group1-sha1").legacy()).isTrue();
        assertThat(KexMethods.byName("diffie-hellman-group1-sha256")).isEmpty();
        assertThat(KexMethods.byName(null)).isEmpty();
    }

    private static NegotiatedAlgorithms negotiated(String kex, String hostKey) {
        DirectionAlgorithms c2s = new DirectionAlgorithms("chacha20-poly1305@openssh.com", Optional.empty(), "none",
                Optional.empty());
        DirectionAlgorithms s2c = new DirectionAlgorithms("aes256-ctr", Optional.of("hmac-sha2-512"), "none",
                Optional.empty());
        return new NegotiatedAlgorithms(kex, hostKey, c2s, s2c, false, false, false, false, false, false, false,
                false);
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }
}
