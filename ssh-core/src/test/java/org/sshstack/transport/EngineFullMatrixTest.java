package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.transport.kex.ServerHostKey;

/**
 * The whole cross product of the matrix: every kex x every host key algorithm (with a certificate host key)
 * x every cipher with every MAC it can take, each a full in-memory handshake to the service stage with payloads
 * compared both ways. {@link EngineAlgorithmMatrixTest} names each dimension on its own for readable failures.
 */
class EngineFullMatrixTest {

    private static final int PAYLOADS = 3;

    private record HostKeyCase(String algorithm, ServerHostKey key, String serverSecondName) {
    }

    @TestFactory
    Stream<DynamicTest> everyKexHostKeyCipherAndMac(@TempDir Path dir) throws Exception {
        List<HostKeyCase> hostKeys = hostKeyCases(dir);
        List<DynamicTest> tests = new ArrayList<>();
        for (String kex : AlgorithmNames.KEX) {
            for (HostKeyCase hostKey : hostKeys) {
                for (String[] cipherMac : cipherMacPairs()) {
                    String name = kex + " " + hostKey.algorithm() + " " + cipherMac[0] + " " + cipherMac[1];
                    tests.add(DynamicTest.dynamicTest(name, () -> handshake(kex, hostKey, cipherMac[0], cipherMac[1])));
                }
            }
        }
        assertThat(tests).hasSize(AlgorithmNames.KEX.size() * hostKeys.size() * cipherMacPairs().size());
        return tests.stream();
    }

    private static List<HostKeyCase> hostKeyCases(Path dir) throws Exception {
        ServerHostKey rsa = EngineKeys.hostKey(KeyType.RSA);
        return List.of(new HostKeyCase("ssh-ed25519", EngineKeys.hostKey(KeyType.ED25519), null),
                new HostKeyCase("ecdsa-sha2-nistp256", EngineKeys.hostKey(KeyType.ECDSA_NISTP256), null),
                new HostKeyCase("ecdsa-sha2-nistp384", EngineKeys.hostKey(KeyType.ECDSA_NISTP384), null),
                new HostKeyCase("ecdsa-sha2-nistp521", EngineKeys.hostKey(KeyType.ECDSA_NISTP521), null),
                new HostKeyCase("rsa-sha2-256", rsa, null), new HostKeyCase("rsa-sha2-512", rsa, null),
                new HostKeyCase("ssh-ed25519-cert-v01@openssh.com", EngineKeys.certificateHostKey(dir), "ssh-ed25519"));
    }

    private static List<String[]> cipherMacPairs() {
        List<String[]> pairs = new ArrayList<>();
        for (String cipher : AlgorithmNames.CIPHER) {
            if (AlgorithmNames.isAead(cipher)) {
                pairs.add(new String[] {cipher, ""});
            } else {
                for (String mac : AlgorithmNames.MAC) {
                    pairs.add(new String[] {cipher, mac});
                }
            }
        }
        return pairs;
    }

    private static void handshake(String kex, HostKeyCase hostKey, String cipher, String mac) throws SshException {
        String macName = mac.isEmpty() ? "hmac-sha2-256" : mac;
        AlgorithmPreferences prefs = AlgorithmPreferences.builder(Role.CLIENT).kex(kex).hostKeys(hostKey.algorithm())
                .ciphers(cipher).macs(macName).build();
        AlgorithmPreferences.Builder server = AlgorithmPreferences.builder(Role.CLIENT).kex(kex).ciphers(cipher)
                .macs(macName);
        if (hostKey.serverSecondName() == null) {
            server.hostKeys(hostKey.algorithm());
        } else {
            server.hostKeys(hostKey.algorithm(), hostKey.serverSecondName());
        }
        AlgorithmPreferences serverPrefs = server.build();
        EnginePair pair = new EnginePair(b -> b.algorithms(prefs), b -> b.algorithms(serverPrefs),
                List.of(hostKey.key())).connect();
        for (int i = 0; i < PAYLOADS; i++) {
            pair.client.sendPayload(EngineHandshakeTest.payload(50, i));
            pair.server.sendPayload(EngineHandshakeTest.payload(52, i));
        }
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 50, PAYLOADS);
        EngineHandshakeTest.assertPayloads(pair.clientHandler.payloads, 52, PAYLOADS);
        NegotiatedAlgorithms negotiated = pair.client.negotiatedAlgorithms().orElseThrow();
        assertThat(negotiated).isEqualTo(pair.server.negotiatedAlgorithms().orElseThrow());
        assertThat(negotiated.kex()).isEqualTo(kex);
        assertThat(negotiated.hostKey()).isEqualTo(hostKey.algorithm());
        assertThat(negotiated.clientToServer().cipher()).isEqualTo(cipher);
        assertThat(negotiated.serverToClient().mac().orElse("")).isEqualTo(mac);
    }
}
