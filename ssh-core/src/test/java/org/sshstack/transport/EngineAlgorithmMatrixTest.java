package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * Every kex once with the defaults, every host key algorithm once, every cipher x MAC once: the handshake reaches
 * the service and payloads flow both ways.
 */
class EngineAlgorithmMatrixTest {

    static Stream<String> kexNames() {
        return AlgorithmNames.KEX.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kexNames")
    void everyKex(String kex) throws SshException {
        run(b -> b.kex(kex), b -> b.kex(kex), List.of(EngineKeys.hostKey(KeyType.ED25519)), kex, "ssh-ed25519",
                null, null);
    }

    static Stream<Arguments> hostKeys() {
        return Stream.of(Arguments.of("ssh-ed25519", KeyType.ED25519),
                Arguments.of("ecdsa-sha2-nistp256", KeyType.ECDSA_NISTP256),
                Arguments.of("ecdsa-sha2-nistp384", KeyType.ECDSA_NISTP384),
                Arguments.of("ecdsa-sha2-nistp521", KeyType.ECDSA_NISTP521),
                Arguments.of("rsa-sha2-256", KeyType.RSA), Arguments.of("rsa-sha2-512", KeyType.RSA));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostKeys")
    void everyHostKeyAlgorithm(String algorithm, KeyType type) throws SshException {
        run(b -> b.hostKeys(algorithm), b -> b.hostKeys(algorithm), List.of(EngineKeys.hostKey(type)), null,
                algorithm, null, null);
    }

    @Test
    void certificateHostKey(@TempDir Path dir) throws Exception {
        String algorithm = "ssh-ed25519-cert-v01@openssh.com";
        run(b -> b.hostKeys(algorithm), b -> b.hostKeys(algorithm, "ssh-ed25519"),
                List.of(EngineKeys.certificateHostKey(dir)), null, algorithm, null, null);
    }

    static Stream<Arguments> ciphersAndMacs() {
        List<Arguments> cases = new ArrayList<>();
        for (String cipher : AlgorithmNames.CIPHER) {
            if (AlgorithmNames.isAead(cipher)) {
                cases.add(Arguments.of(cipher, "hmac-sha2-256"));
            } else {
                for (String mac : AlgorithmNames.MAC) {
                    cases.add(Arguments.of(cipher, mac));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ciphersAndMacs")
    void everyCipherAndMac(String cipher, String mac) throws SshException {
        run(b -> b.ciphers(cipher).macs(mac), b -> b.ciphers(cipher).macs(mac),
                List.of(EngineKeys.hostKey(KeyType.ED25519)), null, null, cipher,
                AlgorithmNames.isAead(cipher) ? "" : mac);
    }

    interface Prefs {
        void apply(AlgorithmPreferences.Builder builder);
    }

    private static void run(Prefs client, Prefs server, List<ServerHostKey> keys, String kex, String hostKey,
            String cipher, String mac) throws SshException {
        AlgorithmPreferences.Builder c = AlgorithmPreferences.builder(Role.CLIENT);
        client.apply(c);
        AlgorithmPreferences.Builder s = AlgorithmPreferences.builder(Role.CLIENT); // full lists on the server too
        server.apply(s);
        EnginePair pair = new EnginePair(b -> b.algorithms(c.build()), b -> b.algorithms(s.build()), keys).connect();
        for (int i = 0; i < 20; i++) {
            pair.client.sendPayload(EngineHandshakeTest.payload(50, i));
            pair.server.sendPayload(EngineHandshakeTest.payload(52, i));
        }
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 50, 20);
        EngineHandshakeTest.assertPayloads(pair.clientHandler.payloads, 52, 20);
        NegotiatedAlgorithms negotiated = pair.client.negotiatedAlgorithms().orElseThrow();
        assertThat(negotiated).isEqualTo(pair.server.negotiatedAlgorithms().orElseThrow());
        if (kex != null) {
            assertThat(negotiated.kex()).isEqualTo(kex);
        }
        if (hostKey != null) {
            assertThat(negotiated.hostKey()).isEqualTo(hostKey);
        }
        if (cipher != null) {
            assertThat(negotiated.clientToServer().cipher()).isEqualTo(cipher);
            assertThat(negotiated.serverToClient().mac().orElse("")).isEqualTo(mac);
        }
    }
}
