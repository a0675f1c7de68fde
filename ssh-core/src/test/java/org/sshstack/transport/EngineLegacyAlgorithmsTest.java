package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.event.KexTrigger;
import org.sshstack.keys.KeyType;

/**
 * The opt-in legacy names end to end in memory: each CBC/3DES cipher with encrypt-and-MAC and EtM MACs, and
 * diffie-hellman-group1-sha1, work when both sides name them and are refused when only one side does; 3des-cbc
 * rekeys after 2^16 blocks (RFC 4344 §3.1).
 */
class EngineLegacyAlgorithmsTest {

    static Stream<Arguments> ciphersAndMacs() {
        List<Arguments> cases = new ArrayList<>();
        for (String cipher : AlgorithmNames.INSECURE_CIPHER) {
            for (String mac : List.of("hmac-sha2-256", "hmac-sha2-512-etm@openssh.com", "hmac-sha1",
                    "hmac-sha1-etm@openssh.com")) {
                cases.add(Arguments.of(cipher, mac));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("ciphersAndMacs")
    void legacyCipherWhenNamedOnBothSides(String cipher, String mac) throws SshException {
        EnginePair pair = pair(b -> b.ciphers(cipher).macs(mac), b -> b.ciphers(cipher).macs(mac));
        exchange(pair, 20, 3000);
        NegotiatedAlgorithms negotiated = pair.client.negotiatedAlgorithms().orElseThrow();
        assertThat(negotiated).isEqualTo(pair.server.negotiatedAlgorithms().orElseThrow());
        assertThat(negotiated.clientToServer().cipher()).isEqualTo(cipher);
        assertThat(negotiated.serverToClient().cipher()).isEqualTo(cipher);
        assertThat(negotiated.clientToServer().mac()).contains(mac);
    }

    @Test
    void group1Sha1WhenNamedOnBothSides() throws SshException {
        String kex = "diffie-hellman-group1-sha1";
        EnginePair pair = pair(b -> b.kex(kex), b -> b.kex(kex));
        exchange(pair, 10, 200);
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().kex()).isEqualTo(kex);
        assertThat(pair.client.sessionId().get()).hasSize(20).isEqualTo(pair.server.sessionId().get()); // SHA-1 H
    }

    @Test
    void legacyNamesAreRefusedUnlessBothSidesNameThem() throws SshException {
        // the peer runs the defaults, which never contain a legacy name
        for (Prefs legacy : List.<Prefs>of(b -> b.ciphers("aes128-cbc"), b -> b.ciphers("3des-cbc"),
                b -> b.ciphers("aes256-cbc", "aes192-cbc"), b -> b.kex("diffie-hellman-group1-sha1"))) {
            EnginePair clientOnly = pair(legacy, b -> { });
            clientOnly.pump();
            assertRefused(clientOnly);
            EnginePair serverOnly = pair(b -> { }, legacy);
            serverOnly.pump();
            assertRefused(serverOnly);
        }
        AlgorithmPreferences defaults = AlgorithmPreferences.builder(Role.CLIENT).build();
        assertThat(defaults.ciphers()).doesNotContainAnyElementsOf(AlgorithmNames.INSECURE_CIPHER);
        assertThat(defaults.kex()).doesNotContain("diffie-hellman-group1-sha1");
    }

    @Test
    void tripleDesRekeysAfter2To16Blocks() throws SshException {
        // RFC 4344 §3.1: 64-bit blocks, so at most 2^16 blocks (512 KiB) per key; the configured limit is far higher
        EnginePair pair = new EnginePair(b -> b.algorithms(prefs(p -> p.ciphers("3des-cbc"))).rekeyLimits(1L << 40,
                1L << 31, 0), b -> b.algorithms(prefs(p -> p.ciphers("3des-cbc"))).rekeyLimits(1L << 40, 1L << 31, 0),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect().authenticate();
        int before = pair.client.keyExchangeCount();
        exchange(pair, 400, 3000); // 400 x ~3 KB = ~1.2 MB each way: more than two 512 KiB windows
        assertThat(pair.client.keyExchangeCount()).isGreaterThanOrEqualTo(before + 2);
        assertThat(pair.clientEvents.kexStarted).extracting(e -> e.trigger()).contains(KexTrigger.BYTES);
        assertThat(KexRun.byteLimit(1L << 40, org.sshstack.crypto.cipher.CipherAlgorithm.TRIPLE_DES_CBC.blockSize()))
                .isEqualTo((1L << 16) * 8);
        assertThat(KexRun.byteLimit(1L << 40, org.sshstack.crypto.cipher.CipherAlgorithm.AES128_CBC.blockSize()))
                .isEqualTo(1L << 40);
    }

    @Test
    void aesCbcDoesNotRekeyEarly() throws SshException {
        EnginePair pair = new EnginePair(b -> b.algorithms(prefs(p -> p.ciphers("aes128-cbc"))),
                b -> b.algorithms(prefs(p -> p.ciphers("aes128-cbc"))),
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect().authenticate();
        int before = pair.client.keyExchangeCount();
        exchange(pair, 400, 3000);
        assertThat(pair.client.keyExchangeCount()).isEqualTo(before);
    }

    private static void assertRefused(EnginePair pair) {
        assertThat(pair.client.isClosed() || pair.server.isClosed()).isTrue();
        SshException failure = pair.client.closeException()
                .or(() -> pair.server.closeException()).orElseThrow();
        assertThat(failure.reason()).isIn(DisconnectReason.KEY_EXCHANGE_FAILED, DisconnectReason.PROTOCOL_ERROR);
        assertThat(pair.client.negotiatedAlgorithms()).isEmpty();
    }

    interface Prefs {
        void apply(AlgorithmPreferences.Builder builder);
    }

    private static AlgorithmPreferences prefs(Prefs prefs) {
        AlgorithmPreferences.Builder b = AlgorithmPreferences.builder(Role.CLIENT); // full lists on the server too
        prefs.apply(b);
        return b.build();
    }

    private static EnginePair pair(Prefs client, Prefs server) {
        return new EnginePair(b -> b.algorithms(prefs(client)), b -> b.algorithms(prefs(server)),
                List.of(EngineKeys.hostKey(KeyType.ED25519)));
    }

    /** Sends {@code count} payloads of {@code size} bytes each way, pumping after each, and checks them. */
    private static void exchange(EnginePair pair, int count, int size) throws SshException {
        if (pair.client.service().isEmpty()) {
            pair.connect().authenticate();
        }
        for (int i = 0; i < count; i++) {
            pair.client.sendPayload(payload(94, i, size));
            pair.server.sendPayload(payload(95, i, size));
            pair.pump();
        }
        pair.pump();
        pair.assertOpen();
        assertThat(pair.serverHandler.payloads).hasSize(count);
        assertThat(pair.clientHandler.payloads).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(pair.serverHandler.payloads.get(i)).isEqualTo(payload(94, i, size));
            assertThat(pair.clientHandler.payloads.get(i)).isEqualTo(payload(95, i, size));
        }
    }

    private static byte[] payload(int number, int index, int size) {
        byte[] p = new byte[size - index % 7];
        p[0] = (byte) number;
        for (int i = 1; i < p.length; i++) {
            p[i] = (byte) (i * 31 + index);
        }
        return p;
    }
}
