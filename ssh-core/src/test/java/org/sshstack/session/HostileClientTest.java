package org.sshstack.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.InsecureAcceptAllHostKeys;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.wire.ChannelOpen;

/** A raw transport client that breaks the rules against a {@link ServerEngine}. */
class HostileClientTest {

    private final TestApp app = new TestApp();
    private final SessionPair pair = new SessionPair(TestApp.passwords(), app::forUser);
    private final TransportEngine raw = new TransportEngine(TransportConfig.client("localhost", 22)
            .random(SessionPair.seeded(9)).nanoClock(() -> pair.now)
            .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());

    private void pumpRaw() {
        byte[] buffer = new byte[8192];
        boolean moved = true;
        while (moved) {
            moved = false;
            while (raw.pendingOutbound() > 0) {
                int n = raw.drainOutbound(buffer, 0, buffer.length);
                moved = true;
                try {
                    pair.server.receive(buffer, 0, n);
                } catch (SshException e) {
                    pair.serverErrors.add(e);
                }
            }
            while (pair.server.pendingOutbound() > 0) {
                int n = pair.server.drainOutbound(buffer, 0, buffer.length);
                moved = true;
                try {
                    raw.receive(buffer, 0, n);
                } catch (SshException e) {
                    pair.clientErrors.add(e);
                }
            }
        }
    }

    @Test
    void channelOpenBeforeAuthenticationSuccessDisconnects() throws Exception {
        raw.setServiceHandler(payload -> { });
        raw.requestService("ssh-userauth");
        pumpRaw();
        assertThat(raw.service()).contains("ssh-userauth");
        raw.sendPayload(new ChannelOpen("session", 0, 1 << 20, 32768, new byte[0]).encode());
        pumpRaw();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.isAuthenticated()).isFalse();
        assertThat(app.channels).isEmpty();
        assertThat(pair.server.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        assertThat(raw.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void unknownConnectionMessageAfterAuthenticationIsUnimplemented() throws Exception {
        pair.login();
        // a message number in the connection range that RFC 4254 does not define: UNIMPLEMENTED, not a disconnect
        long before = pair.server.transport().traffic().packetsOut();
        pair.client.transport().sendPayload(new byte[] {(byte) 120, 1, 2, 3});
        pair.pump();
        pair.assertOpen();
        assertThat(pair.server.transport().traffic().packetsOut()).isEqualTo(before + 1);
    }
}
