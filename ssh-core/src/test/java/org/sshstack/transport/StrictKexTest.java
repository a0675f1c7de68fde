package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.Debug;
import org.sshstack.wire.Ignore;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.KexProposal;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.Unimplemented;

/** SECURITY.md A4 (Terrapin) and A9 (kex guessing): strict kex in both roles, noise injection, sequence resets. */
class StrictKexTest {

    private static TransportEngine client() {
        return new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
    }

    private static TransportEngine server() {
        return new TransportEngine(TransportConfig.server(List.of(EngineKeys.hostKey(KeyType.ED25519)))
                .random(EngineKeys.seeded(6)).build());
    }

    @Test
    void ignoreBeforeKexInitIsFatalWithStrictKex() throws SshException {
        for (boolean targetIsClient : new boolean[] {true, false}) {
            TransportEngine target = targetIsClient ? client() : server();
            SshException thrown = new HostilePeer().version("SSH-2.0-evil")
                    .packet(new Ignore(new byte[4]).encode())
                    .kexInit(targetIsClient ? Role.SERVER : Role.CLIENT, true).feed(target);
            assertThat(thrown).isNotNull();
            assertThat(thrown.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
            assertThat(thrown.getMessage()).contains("Terrapin");
            assertThat(target.isClosed()).isTrue();
        }
    }

    @Test
    void ignoreBeforeKexInitIsToleratedWithoutStrictKex() throws SshException {
        TransportEngine client = client();
        HostilePeer.SentRecorder sent = new HostilePeer.SentRecorder();
        client.setOutboundHook(sent);
        SshException thrown = new HostilePeer().version("SSH-2.0-evil").packet(new Ignore(new byte[4]).encode())
                .kexInit(Role.SERVER, false).feed(client);
        assertThat(thrown).isNull();
        assertThat(client.isClosed()).isFalse();
        assertThat(client.isStrictKex()).isFalse();
        assertThat(sent.sent).containsExactly(MessageNumbers.KEX_ECDH_INIT); // the method started
    }

    @Test
    void strictKexRequiredRefusesAPeerWithoutIt() {
        TransportEngine client = new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).requireStrictKex(true).build());
        SshException thrown = feedUnchecked(new HostilePeer().version("SSH-2.0-old"), Role.SERVER, false, client);
        assertThat(thrown.reason()).isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
        assertThat(thrown.getMessage()).contains("strict");
    }

    private static SshException feedUnchecked(HostilePeer peer, Role as, boolean strict, TransportEngine target) {
        try {
            return peer.kexInit(as, strict).feed(target);
        } catch (SshException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void debugAndUnimplementedDuringTheInitialStrictKexAreFatal() throws SshException {
        for (byte[] noise : List.of(new Debug(false, "x", "").encode(), new Unimplemented(1).encode(),
                new Ignore(new byte[0]).encode())) {
            TransportEngine client = client();
            SshException thrown = new HostilePeer().version("SSH-2.0-evil").kexInit(Role.SERVER, true).packet(noise)
                    .feed(client);
            assertThat(thrown.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        }
    }

    @Test
    void secondKexInitDuringKexIsFatal() throws SshException {
        TransportEngine client = client();
        SshException thrown = new HostilePeer().version("SSH-2.0-evil").kexInit(Role.SERVER, true)
                .kexInit(Role.SERVER, false).feed(client);
        assertThat(thrown.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void newKeysBeforeKexInitIsFatal() throws SshException {
        TransportEngine client = client();
        SshException thrown = new HostilePeer().version("SSH-2.0-evil").packet(new byte[] {21}).feed(client);
        assertThat(thrown.reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void injectedMessageShiftingTheSequenceNumberEndsTheInitialKex() throws SshException {
        for (int injected : new int[] {MessageNumbers.IGNORE, MessageNumbers.DEBUG, MessageNumbers.UNIMPLEMENTED}) {
            EnginePair pair = EnginePair.defaults();
            pair.server.setOutboundHook(new TransportEngine.OutboundHook() {
                @Override
                public void beforeSend(TransportEngine engine, int number) throws SshException {
                    if (number == MessageNumbers.NEWKEYS) {
                        engine.injectRaw(HostilePeer.body(injected)); // the Terrapin attacker's extra message
                    }
                }
            });
            pair.pump();
            assertThat(pair.client.isClosed()).isTrue();
            assertThat(pair.clientErrors).singleElement().extracting(SshException::reason)
                    .isEqualTo(DisconnectReason.PROTOCOL_ERROR);
            assertThat(pair.clientEvents.kexFinished).singleElement().satisfies(e -> assertThat(e.success())
                    .isFalse());
        }
    }

    @Test
    void sequenceNumbersResetAtEveryNewKeys() throws SshException {
        EnginePair pair = EnginePair.defaults();
        pair.pump();
        // after NEWKEYS the client sent nothing yet, the server sent EXT_INFO only
        assertThat(pair.client.sendSequenceNumber()).isZero();
        assertThat(pair.server.sendSequenceNumber()).isEqualTo(1);
        assertThat(pair.client.receiveSequenceNumber()).isEqualTo(1);
        pair.client.requestService("ssh-userauth");
        pair.pump();
        pair.authenticate();
        for (int i = 0; i < 5; i++) {
            pair.client.sendPayload(EngineHandshakeTest.payload(94, i));
        }
        pair.pump();
        assertThat(pair.server.receiveSequenceNumber()).isEqualTo(6);
        pair.client.renegotiateKeys();
        pair.pump();
        assertThat(pair.client.sendSequenceNumber()).isZero();
        assertThat(pair.server.receiveSequenceNumber()).isZero();
        assertThat(pair.server.sendSequenceNumber()).isZero();
        pair.assertOpen();
    }

    /** Injects IGNORE and DEBUG before every packet except where strict kex forbids it (or everywhere). */
    private static TransportEngine.OutboundHook noise(boolean evenInInitialKex) {
        return new TransportEngine.OutboundHook() {
            @Override
            public void beforeSend(TransportEngine engine, int number) throws SshException {
                // EXT_INFO must stay the first packet after NEWKEYS (RFC 8308 §2.4)
                if (evenInInitialKex || (!engine.initialKexBlocksSending() && number != MessageNumbers.EXT_INFO)) {
                    engine.injectRaw(new Ignore(new byte[number % 17]).encode());
                    engine.injectRaw(new Debug(false, "noise", "").encode());
                }
            }
        };
    }

    @Test
    void noiseBetweenEveryPacketIsHarmlessWhereAllowed() throws SshException {
        EnginePair pair = new EnginePair(b -> b.rekeyLimits(1L << 30, 25, 0), b -> b.rekeyLimits(1L << 30, 25, 0),
                List.of(EngineKeys.hostKey(KeyType.ED25519)));
        pair.client.setOutboundHook(noise(false));
        pair.server.setOutboundHook(noise(false));
        pair.connect().authenticate();
        for (int i = 0; i < 300; i++) {
            pair.client.sendPayload(EngineHandshakeTest.payload(94, i));
            pair.server.sendPayload(EngineHandshakeTest.payload(95, i));
            if (i % 10 == 0) {
                pair.pump();
            }
        }
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 94, 300);
        EngineHandshakeTest.assertPayloads(pair.clientHandler.payloads, 95, 300);
        assertThat(pair.client.keyExchangeCount()).isGreaterThan(5); // rekeys tolerate noise
        assertThat(pair.serverEvents.debug).isNotEmpty();
    }

    @Test
    void noiseDuringTheInitialStrictKexIsFatal() {
        EnginePair pair = EnginePair.defaults();
        pair.server.setOutboundHook(noise(true));
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.client.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
    }

    private static KexInit guessingKexInit(String firstKex) {
        AlgorithmPreferences prefs = AlgorithmPreferences.builder(Role.CLIENT).kex(firstKex, "ecdh-sha2-nistp256")
                .hostKeys("ssh-ed25519").build();
        KexProposal proposal = prefs.proposal(Role.SERVER, true);
        return KexInit.create(new byte[16], proposal, true);
    }

    @Test
    void wrongGuessIsIgnoredRightGuessIsProcessed() throws SshException {
        // client's first kex is mlkem768x25519-sha256; a server guessing curve25519 guessed wrong
        for (int round = 0; round < 50; round++) {
            TransportEngine client = client();
            SshException thrown = new HostilePeer().version("SSH-2.0-guesser")
                    .packet(guessingKexInit("curve25519-sha256").encode())
                    .packet(new byte[] {31, 1, 2, 3}).feed(client); // the guessed packet: silently ignored
            assertThat(thrown).isNull();
            assertThat(client.isClosed()).isFalse();
        }
        TransportEngine client = new TransportEngine(TransportConfig.client("h", 22).random(EngineKeys.seeded(5))
                .algorithms(AlgorithmPreferences.builder(Role.CLIENT).kex("curve25519-sha256").hostKeys("ssh-ed25519")
                        .build())
                .hostKeyVerifier(InsecureAcceptAllHostKeys.INSTANCE).build());
        SshException thrown = new HostilePeer().version("SSH-2.0-guesser")
                .packet(guessingKexInit("curve25519-sha256").encode())
                .packet(new byte[] {31, 1, 2, 3}).feed(client); // right guess: processed, and malformed
        assertThat(thrown).isNotNull();
        assertThat(client.isClosed()).isTrue();
    }
}
