package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.KeyType;
import org.sshstack.transport.kex.ServerHostKey;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.KexProposal;

/**
 * SECURITY.md B10: the KEXINIT the engine actually sends equals default-algorithms.txt, and a server offers only the
 * host key algorithms it holds keys for.
 */
class DefaultProposalGoldenTest {

    private static Map<String, String> golden() throws Exception {
        Map<String, String> values = new LinkedHashMap<>();
        try (InputStream in = DefaultProposalGoldenTest.class.getResourceAsStream("default-algorithms.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    values.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
        }
        return values;
    }

    /** Parses the identification line and the first packet the engine queued. */
    static KexInit sentKexInit(TransportEngine engine) throws Exception {
        byte[] out = new byte[engine.pendingOutbound()];
        engine.drainOutbound(out, 0, out.length);
        int lf = 0;
        while (out[lf] != '\n') {
            lf++;
        }
        PacketDecoder decoder = new PacketDecoder();
        decoder.feed(out, lf + 1, out.length - lf - 1);
        return KexInit.decode(decoder.poll());
    }

    private static void assertLists(KexProposal p, Map<String, String> golden, String side) {
        assertThat(String.join(",", p.kexAlgorithms())).isEqualTo(golden.get(side + ".kex_algorithms"));
        assertThat(String.join(",", p.ciphersClientToServer())).isEqualTo(golden.get(side + ".encryption_algorithms"));
        assertThat(p.ciphersServerToClient()).isEqualTo(p.ciphersClientToServer());
        assertThat(String.join(",", p.macsClientToServer())).isEqualTo(golden.get(side + ".mac_algorithms"));
        assertThat(p.macsServerToClient()).isEqualTo(p.macsClientToServer());
        assertThat(String.join(",", p.compressionClientToServer()))
                .isEqualTo(golden.get(side + ".compression_algorithms"));
        assertThat(p.languagesClientToServer()).isEmpty();
    }

    @Test
    void clientSendsTheGoldenLists() throws Exception {
        TransportEngine client = new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(1))
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
        KexProposal p = sentKexInit(client).proposal();
        Map<String, String> golden = golden();
        assertLists(p, golden, "client");
        assertThat(String.join(",", p.serverHostKeyAlgorithms()))
                .isEqualTo(golden.get("client.server_host_key_algorithms"));
    }

    @Test
    void serverSendsTheGoldenListsCutToItsKeys(@TempDir Path dir) throws Exception {
        List<ServerHostKey> keys = List.of(EngineKeys.hostKey(KeyType.ED25519), EngineKeys.hostKey(KeyType.RSA));
        TransportEngine server = new TransportEngine(TransportConfig.server(keys).random(EngineKeys.seeded(2)).build());
        KexProposal p = sentKexInit(server).proposal();
        Map<String, String> golden = golden();
        assertLists(p, golden, "server");
        List<String> noCerts = List.of(golden.get("server.server_host_key_algorithms").split(",")).stream()
                .filter(name -> !name.contains("-cert-")).toList();
        assertThat(p.serverHostKeyAlgorithms()).isEqualTo(noCerts); // no certificate: no cert algorithms

        TransportEngine certServer = new TransportEngine(TransportConfig.server(List.of(
                EngineKeys.certificateHostKey(dir))).random(EngineKeys.seeded(2)).build());
        assertThat(sentKexInit(certServer).proposal().serverHostKeyAlgorithms())
                .containsExactly("ssh-ed25519-cert-v01@openssh.com");
    }

    @Test
    void aServerWithoutAUsableKeyIsRefused() {
        assertThatThrownBy(() -> new TransportEngine(TransportConfig.server(List.of(EngineKeys.hostKey(
                KeyType.ECDSA_NISTP256))).random(EngineKeys.seeded(2)).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no host key fits");
    }

    @Test
    void rekeyKexInitHasNoMarkers() throws Exception {
        EnginePair pair = EnginePair.defaults().connect();
        pair.authenticate();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        pair.client.setOutboundHook(sent);
        assertThat(pair.client.offeredAlgorithms().proposal(Role.CLIENT, false).kexAlgorithms())
                .noneMatch(AlgorithmNames::isPseudo);
        pair.client.renegotiateKeys();
        pair.pump();
        pair.assertOpen();
        assertThat(sent.sent.get(0)).isEqualTo(20);
    }
}
