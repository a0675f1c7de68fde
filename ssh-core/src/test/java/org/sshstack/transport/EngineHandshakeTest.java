package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.event.KexTrigger;

/** The default handshake in memory: version, kex, ext-info, service, payloads both ways, events. */
class EngineHandshakeTest {

    static byte[] payload(int number, int index) {
        byte[] p = new byte[1 + 4 + (index % 300)];
        p[0] = (byte) number;
        p[1] = (byte) (index >>> 24);
        p[2] = (byte) (index >>> 16);
        p[3] = (byte) (index >>> 8);
        p[4] = (byte) index;
        for (int i = 5; i < p.length; i++) {
            p[i] = (byte) (i * 31 + index);
        }
        return p;
    }

    @Test
    void defaultHandshakeReachesTheService() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        pair.assertOpen();
        assertThat(pair.client.isStrictKex()).isTrue();
        assertThat(pair.server.isStrictKex()).isTrue();
        assertThat(pair.client.sessionId()).isPresent();
        assertThat(pair.client.sessionId().get()).isEqualTo(pair.server.sessionId().get());
        assertThat(pair.client.negotiatedAlgorithms().orElseThrow().kex()).isEqualTo("mlkem768x25519-sha256");
        assertThat(pair.client.serverSignatureAlgorithms()).contains("ssh-ed25519", "rsa-sha2-512",
                "ecdsa-sha2-nistp256");
        assertThat(pair.server.serverSignatureAlgorithms()).isEmpty();
        assertThat(pair.client.peerIdentification().orElseThrow().line()).startsWith("SSH-2.0-sshstack");
        assertThat(pair.clientEvents.version.peerVersion()).startsWith("SSH-2.0-sshstack");
        assertThat(pair.clientHandler.started).isEqualTo("ssh-userauth");
        assertThat(pair.serverHandler.started).isEqualTo("ssh-userauth");
        assertThat(pair.clientEvents.kexStarted).hasSize(1);
        assertThat(pair.clientEvents.kexStarted.get(0).trigger()).isEqualTo(KexTrigger.INITIAL);
        assertThat(pair.clientEvents.kexFinished).singleElement().satisfies(e -> {
            assertThat(e.success()).isTrue();
            assertThat(e.strictKex()).isTrue();
            assertThat(e.hostKeyAlgorithm()).isEqualTo("ssh-ed25519");
            assertThat(e.cipherClientToServer()).isEqualTo("chacha20-poly1305@openssh.com");
            assertThat(e.durationNanos()).isZero(); // the injected clock did not move
        });
        assertThat(pair.clientEvents.lastTraffic.packetsOut()).isPositive();
    }

    @Test
    void payloadsFlowBothWaysInOrder() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        for (int i = 0; i < 200; i++) {
            assertThat(pair.client.sendPayload(payload(50, i))).isTrue();
            assertThat(pair.server.sendPayload(payload(60, i))).isTrue();
        }
        pair.pump();
        pair.assertOpen();
        assertPayloads(pair.serverHandler.payloads, 50, 200);
        assertPayloads(pair.clientHandler.payloads, 60, 200);
    }

    static void assertPayloads(List<byte[]> received, int number, int count) {
        assertThat(received).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(received.get(i)).isEqualTo(payload(number, i));
        }
    }

    @Test
    void disconnectCarriesThePeersReason() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        pair.client.disconnect(org.sshstack.DisconnectReason.BY_APPLICATION, "bye\u0007now");
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.closeException().orElseThrow().reason())
                .isEqualTo(org.sshstack.DisconnectReason.BY_APPLICATION);
        assertThat(pair.server.closeException().orElseThrow().getMessage()).contains("bye?now");
        assertThat(pair.serverEvents.closed).singleElement().satisfies(c -> {
            assertThat(c.peerInitiated()).isTrue();
            assertThat(c.message()).contains("bye?now");
        });
        assertThat(pair.clientEvents.closed.get(0).peerInitiated()).isFalse();
    }

    @Test
    void debugIsSurfacedAndIgnoreIsSilent() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        pair.client.sendDebug(true, "hello\nworld");
        pair.client.sendIgnore(100);
        pair.pump();
        pair.assertOpen();
        assertThat(pair.serverEvents.debug).singleElement().satisfies(d -> {
            assertThat(d.alwaysDisplay()).isTrue();
            assertThat(d.message()).isEqualTo("hello?world");
        });
        assertThat(pair.serverHandler.payloads).isEmpty();
    }
}
