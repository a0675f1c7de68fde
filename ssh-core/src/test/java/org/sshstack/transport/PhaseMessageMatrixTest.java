package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.MessageNumbers;

/**
 * SECURITY.md A3: for each phase, each message number 1..255 from a hostile peer: accepted, ignored, answered with
 * UNIMPLEMENTED, or the connection ends with the expected reason.
 */
class PhaseMessageMatrixTest {

    enum Outcome { OPEN, UNIMPLEMENTED, PEER_CLOSED, PROTOCOL_ERROR }

    private static TransportEngine newClient(List<Integer> unused) {
        return new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
    }

    private static void check(String phase, int number, Outcome expected, TransportEngine target, SshException thrown,
            List<Integer> sentAfter) {
        String what = phase + " message " + number;
        switch (expected) {
            case OPEN -> {
                assertThat(target.isClosed()).as(what + ": %s", target.closeException()).isFalse();
                assertThat(sentAfter).as(what).doesNotContain(MessageNumbers.UNIMPLEMENTED);
            }
            case UNIMPLEMENTED -> {
                assertThat(target.isClosed()).as(what + ": %s", target.closeException()).isFalse();
                assertThat(sentAfter).as(what).contains(MessageNumbers.UNIMPLEMENTED);
            }
            case PEER_CLOSED -> {
                assertThat(target.isClosed()).as(what).isTrue();
                assertThat(thrown).as(what).isNull();
                assertThat(target.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.BY_APPLICATION);
            }
            default -> {
                assertThat(target.isClosed()).as(what).isTrue();
                assertThat(thrown).as(what).isNotNull();
                assertThat(thrown.reason()).as(what + ": " + thrown.getMessage()).isIn(DisconnectReason.PROTOCOL_ERROR,
                        DisconnectReason.KEY_EXCHANGE_FAILED);
            }
        }
    }

    @Test
    void beforeKexInit() {
        for (int n = 1; n <= 255; n++) {
            if (n == MessageNumbers.KEXINIT) {
                continue; // a real KEXINIT starts the exchange: covered everywhere else
            }
            TransportEngine client = newClient(null);
            SshException thrown = null;
            try {
                thrown = new HostilePeer().version("SSH-2.0-evil").packet(HostilePeer.body(n)).feed(client);
            } catch (SshException e) {
                thrown = e;
            }
            Outcome expected = n == 1 ? Outcome.PEER_CLOSED : n <= 4 ? Outcome.OPEN : Outcome.PROTOCOL_ERROR;
            check("ExpectKexInit", n, expected, client, thrown, List.of());
        }
    }

    @Test
    void duringStrictInitialKex() throws SshException {
        for (int n = 1; n <= 255; n++) {
            TransportEngine client = newClient(null);
            SshException thrown = new HostilePeer().version("SSH-2.0-evil").kexInit(Role.SERVER, true)
                    .packet(HostilePeer.body(n)).feed(client);
            Outcome expected = n == 1 ? Outcome.PEER_CLOSED : Outcome.PROTOCOL_ERROR;
            check("ExpectKexReply(strict)", n, expected, client, thrown, List.of());
        }
    }

    @Test
    void duringNonStrictInitialKex() throws SshException {
        for (int n = 1; n <= 255; n++) {
            TransportEngine client = newClient(null);
            SshException thrown = new HostilePeer().version("SSH-2.0-evil").kexInit(Role.SERVER, false)
                    .packet(HostilePeer.body(n)).feed(client);
            Outcome expected = n == 1 ? Outcome.PEER_CLOSED : n <= 4 ? Outcome.OPEN : Outcome.PROTOCOL_ERROR;
            check("ExpectKexReply(non-strict)", n, expected, client, thrown, List.of());
        }
    }

    private static EnginePair established(boolean authenticated) throws SshException {
        EnginePair pair = new EnginePair(b -> b.algorithms(AlgorithmPreferences.builder(Role.CLIENT)
                .kex("curve25519-sha256").build()), b -> b.algorithms(AlgorithmPreferences.builder(Role.CLIENT)
                .kex("curve25519-sha256").build()), List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
        if (authenticated) {
            pair.authenticate();
        }
        return pair;
    }

    private static Outcome establishedOutcome(int n, boolean authenticated, boolean targetIsClient) {
        if (n == 1) {
            return Outcome.PEER_CLOSED;
        }
        if (n <= 4 || n == 192 || n == 193) {
            return Outcome.OPEN;
        }
        if (n == 7) {
            return targetIsClient && !authenticated ? Outcome.OPEN : Outcome.PROTOCOL_ERROR;
        }
        if ((n >= 8 && n <= 19) || (n >= 22 && n <= 29)) {
            return Outcome.UNIMPLEMENTED;
        }
        if (n < 50) {
            return Outcome.PROTOCOL_ERROR; // 5, 6, 20 (malformed KEXINIT), 21, 30-49
        }
        if (n >= 80 && !authenticated) {
            return Outcome.PROTOCOL_ERROR; // SECURITY.md A3
        }
        return Outcome.OPEN; // delivered to the service handler (or answered, for the global request)
    }

    @Test
    void establishedBeforeAndAfterAuthentication() throws SshException {
        for (boolean authenticated : new boolean[] {false, true}) {
            for (boolean targetIsClient : new boolean[] {true, false}) {
                for (int n = 1; n <= 255; n++) {
                    EnginePair pair = established(authenticated);
                    TransportEngine target = targetIsClient ? pair.client : pair.server;
                    TransportEngine peer = targetIsClient ? pair.server : pair.client;
                    HostilePeer.SentRecorder recorder = new HostilePeer.SentRecorder();
                    target.setOutboundHook(recorder);
                    peer.injectRaw(HostilePeer.body(n));
                    pair.pump();
                    List<SshException> errors = targetIsClient ? pair.clientErrors : pair.serverErrors;
                    SshException thrown = errors.isEmpty() ? null : errors.get(0);
                    String phase = "Established(" + (targetIsClient ? "client" : "server")
                            + (authenticated ? ", authenticated)" : ")");
                    check(phase, n, establishedOutcome(n, authenticated, targetIsClient), target, thrown,
                            recorder.sent);
                    if (n >= 50 && !target.isClosed() && n != 192 && n != 193 && !(n == 80)) {
                        EnginePair.Recorder handler = targetIsClient ? pair.clientHandler : pair.serverHandler;
                        assertThat(handler.payloads).as(phase + " " + n).hasSize(1);
                    }
                    if (n == 192 && authenticated) {
                        assertThat(recorder.sent).as(phase + " PING").contains(MessageNumbers.PONG);
                    }
                    if (n == 192 && !authenticated) {
                        assertThat(recorder.sent).as(phase + " PING pre-auth").doesNotContain(MessageNumbers.PONG);
                    }
                }
            }
        }
    }

    @Test
    void beforeTheServiceIsAccepted() throws SshException {
        for (int n = 1; n <= 255; n++) {
            EnginePair fresh = new EnginePair(b -> { }, b -> { }, List.of(EngineKeys.hostKey(KeyType.ED25519)));
            fresh.pump(); // kex done, no service requested
            HostilePeer.SentRecorder recorder = new HostilePeer.SentRecorder();
            fresh.server.setOutboundHook(recorder);
            fresh.client.injectRaw(HostilePeer.body(n));
            fresh.pump();
            SshException thrown = fresh.serverErrors.isEmpty() ? null : fresh.serverErrors.get(0);
            Outcome expected;
            if (n == 5) {
                // SERVICE_REQUEST accepted; the client, which asked for nothing, refuses the unsolicited accept
                assertThat(recorder.sent).contains(MessageNumbers.SERVICE_ACCEPT);
                assertThat(fresh.client.closeException().orElseThrow().reason())
                        .isEqualTo(DisconnectReason.PROTOCOL_ERROR);
                continue;
            } else if (n == 7) {
                expected = Outcome.OPEN; // the client's EXT_INFO as its first packet after NEWKEYS (RFC 8308 §2.4)
            } else if (n >= 50 && n != 192 && n != 193) {
                expected = Outcome.PROTOCOL_ERROR; // userauth (50) and channel (90) before the service: A3
            } else {
                expected = establishedOutcome(n, false, false);
            }
            check("ExpectServiceRequest", n, expected, fresh.server, thrown, recorder.sent);
        }
    }

    @Test
    void unknownServiceIsRefused() throws SshException {
        EnginePair pair = new EnginePair(b -> { }, b -> { }, List.of(EngineKeys.hostKey(KeyType.ED25519)));
        pair.client.requestService("ssh-connection");
        pair.pump();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.SERVICE_NOT_AVAILABLE);
        assertThat(pair.client.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.SERVICE_NOT_AVAILABLE);
    }
}
