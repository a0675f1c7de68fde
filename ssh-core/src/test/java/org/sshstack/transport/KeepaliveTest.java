package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;

/** keepalive@openssh.com: replies reset the count, missed replies end with CONNECTION_LOST. */
class KeepaliveTest {

    private static final long SECOND = 1_000_000_000L;

    private static EnginePair pair() throws SshException {
        return new EnginePair(b -> b.keepalive(10 * SECOND, 3), b -> { },
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
    }

    @Test
    void noKeepaliveBeforeAuthentication() throws SshException {
        EnginePair pair = pair();
        assertThat(pair.client.nextDeadlineNanos()).isGreaterThan(pair.clock.now + 3000 * SECOND);
    }

    @Test
    void answeredKeepalivesKeepTheConnection() throws SshException {
        EnginePair pair = pair().authenticate();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        pair.server.setOutboundHook(sent);
        for (int i = 0; i < 10; i++) {
            assertThat(pair.client.nextDeadlineNanos()).isEqualTo(pair.clock.now + 10 * SECOND);
            pair.clock.now += 10 * SECOND;
            pair.client.onTimer(pair.clock.now);
            pair.pump();
        }
        pair.assertOpen();
        assertThat(sent.sent).filteredOn(n -> n == MessageNumbers.REQUEST_FAILURE).hasSize(10);
        assertThat(pair.serverHandler.payloads).isEmpty(); // the transport answered, not the handler
        assertThat(pair.clientHandler.payloads).isEmpty(); // replies consumed by the transport
    }

    @Test
    void missedRepliesEndTheConnection() throws SshException {
        EnginePair pair = pair().authenticate();
        SshException thrown = null;
        for (int i = 0; i < 4; i++) {
            pair.clock.now += 10 * SECOND;
            try {
                pair.client.onTimer(pair.clock.now); // nothing delivered: the server is silent
            } catch (SshException e) {
                thrown = e;
            }
            assertThat(pair.client.isClosed()).isEqualTo(i == 3);
            pair.client.drainOutbound(new byte[1 << 16], 0, 1 << 16);
        }
        assertThat(thrown.reason()).isEqualTo(DisconnectReason.CONNECTION_LOST);
        assertThat(pair.clientEvents.closed.get(0).reason()).isEqualTo(DisconnectReason.CONNECTION_LOST);
    }

    @Test
    void aReplyResetsTheCount() throws SshException {
        EnginePair pair = pair().authenticate();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 2; i++) { // two missed
                pair.clock.now += 10 * SECOND;
                pair.client.onTimer(pair.clock.now);
            }
            pair.pump(); // replies arrive
        }
        pair.assertOpen();
    }

    @Test
    void peerKeepaliveIsAnsweredWithFailure() throws SshException {
        EnginePair pair = pair().authenticate();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        pair.client.setOutboundHook(sent);
        pair.server.sendPayload(new GlobalRequest("keepalive@openssh.com", true, new byte[0]).encode());
        pair.pump();
        assertThat(sent.sent).containsExactly(MessageNumbers.REQUEST_FAILURE);
        assertThat(pair.clientHandler.payloads).isEmpty();
        pair.assertOpen();
    }

    @Test
    void pingIsAnsweredAfterAuthenticationOnly() throws SshException {
        EnginePair pair = pair();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        pair.server.setOutboundHook(sent);
        pair.client.injectRaw(HostilePeer.body(MessageNumbers.PING));
        pair.pump();
        assertThat(sent.sent).isEmpty();
        pair.authenticate();
        pair.client.injectRaw(HostilePeer.body(MessageNumbers.PING));
        pair.pump();
        assertThat(sent.sent).containsExactly(MessageNumbers.PONG);
        pair.assertOpen();
    }
}
