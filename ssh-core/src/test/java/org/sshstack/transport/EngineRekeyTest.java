package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.event.KexFinished;
import org.sshstack.event.KexTrigger;
import org.sshstack.keys.KeyType;

/** Rekeying by packets, bytes, time, request (each side, both at once) and the bounded queue during a kex. */
class EngineRekeyTest {

    private static EnginePair pair(long bytes, long packets, long intervalNanos) throws SshException {
        return new EnginePair(b -> b.rekeyLimits(bytes, packets, intervalNanos),
                b -> b.rekeyLimits(bytes, packets, intervalNanos), List.of(EngineKeys.hostKey(KeyType.ED25519)))
                .connect().authenticate();
    }

    /** Sends {@code count} payloads each way, pumping whenever a queue is full, and checks order. */
    private static void flow(EnginePair pair, int count) throws SshException {
        int c = 0;
        int s = 0;
        while (c < count || s < count) {
            while (c < count && pair.client.sendPayload(EngineHandshakeTest.payload(94, c))) {
                c++;
                if (c % 7 == 0) {
                    break;
                }
            }
            while (s < count && pair.server.sendPayload(EngineHandshakeTest.payload(95, s))) {
                s++;
                if (s % 5 == 0) {
                    break;
                }
            }
            pair.pump();
        }
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 94, count);
        EngineHandshakeTest.assertPayloads(pair.clientHandler.payloads, 95, count);
    }

    @Test
    void forcedRekeysEveryFewPacketsKeepTheDataInOrder() throws SshException {
        EnginePair pair = pair(1L << 30, 40, 0);
        flow(pair, 3000);
        assertThat(pair.client.keyExchangeCount()).isGreaterThan(50);
        assertThat(pair.server.keyExchangeCount()).isEqualTo(pair.client.keyExchangeCount());
        assertThat(pair.clientEvents.kexStarted).extracting(e -> e.trigger())
                .contains(KexTrigger.PACKETS);
        assertThat(pair.clientEvents.kexFinished).allMatch(KexFinished::success);
        assertThat(pair.client.sessionId().get()).isEqualTo(pair.server.sessionId().get());
    }

    @Test
    void rekeyByBytes() throws SshException {
        EnginePair pair = pair(16 * 1024, 1L << 31, 0);
        flow(pair, 500);
        assertThat(pair.client.keyExchangeCount()).isGreaterThan(3);
        assertThat(pair.clientEvents.kexStarted).extracting(e -> e.trigger()).contains(KexTrigger.BYTES);
    }

    @Test
    void rekeyByTime() throws SshException {
        long hour = 3_600_000_000_000L;
        EnginePair pair = pair(1L << 30, 1L << 31, hour);
        assertThat(pair.client.nextDeadlineNanos()).isEqualTo(pair.clock.now + hour);
        pair.clock.now += hour - 1;
        pair.client.onTimer(pair.clock.now);
        assertThat(pair.client.isKeyExchangeInProgress()).isFalse();
        pair.clock.now += 1;
        pair.client.onTimer(pair.clock.now);
        pair.server.onTimer(pair.clock.now); // both due: simultaneous KEXINIT
        pair.pump();
        pair.assertOpen();
        assertThat(pair.client.keyExchangeCount()).isEqualTo(2);
        assertThat(pair.clientEvents.kexStarted.get(1).trigger()).isEqualTo(KexTrigger.TIME);
        assertThat(pair.client.nextDeadlineNanos()).isEqualTo(pair.clock.now + hour);
        flow(pair, 10);
    }

    @Test
    void explicitRekeyFromEachSideAndBothAtOnce() throws SshException {
        EnginePair pair = pair(1L << 30, 1L << 31, 0);
        assertThat(pair.client.renegotiateKeys()).isTrue();
        assertThat(pair.client.renegotiateKeys()).isFalse(); // one at a time
        pair.pump();
        assertThat(pair.server.renegotiateKeys()).isTrue();
        pair.pump();
        assertThat(pair.client.renegotiateKeys()).isTrue();
        assertThat(pair.server.renegotiateKeys()).isTrue();
        pair.pump();
        pair.assertOpen();
        assertThat(pair.client.keyExchangeCount()).isEqualTo(4);
        assertThat(pair.server.keyExchangeCount()).isEqualTo(4);
        assertThat(pair.serverEvents.kexStarted).extracting(e -> e.trigger()).containsExactly(KexTrigger.INITIAL,
                KexTrigger.PEER, KexTrigger.EXPLICIT, KexTrigger.EXPLICIT);
        assertThat(pair.clientEvents.kexFinished.get(1).initial()).isFalse();
        flow(pair, 50);
    }

    @Test
    void payloadsWaitInABoundedQueueDuringKex() throws SshException {
        EnginePair pair = new EnginePair(b -> b.maxQueuedBytes(4096), b -> { },
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect().authenticate();
        pair.client.renegotiateKeys();
        int queued = 0;
        while (pair.client.sendPayload(EngineHandshakeTest.payload(94, queued))) {
            queued++;
        }
        assertThat(queued).isGreaterThan(10);
        assertThat(pair.client.queuedPayloadBytes()).isLessThanOrEqualTo(4096);
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 94, queued);
        assertThat(pair.client.queuedPayloadBytes()).isZero();
    }

    @Test
    void rekeyLimitBeforeAuthenticationCloses() throws SshException {
        EnginePair pair = new EnginePair(b -> b.rekeyLimits(1L << 30, 30, 0), b -> { },
                List.of(EngineKeys.hostKey(KeyType.ED25519))).connect();
        SshException thrown = null;
        for (int i = 0; i < 40 && !pair.client.isClosed(); i++) {
            try {
                pair.client.sendPayload(EngineHandshakeTest.payload(50, i));
            } catch (SshException e) {
                thrown = e;
            }
        }
        assertThat(thrown).isNotNull();
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.client.closeException().orElseThrow().reason()).isEqualTo(DisconnectReason.PROTOCOL_ERROR);
        assertThat(pair.client.closeException().orElseThrow().getMessage()).contains("before authentication");
        assertThat(pair.server.isClosed()).isTrue();
    }

    @Test
    void rfc4344LimitForSmallBlocks() {
        assertThat(KexRun.byteLimit(1L << 30, 16)).isEqualTo(1L << 30);
        assertThat(KexRun.byteLimit(1L << 40, 8)).isEqualTo((1L << 16) * 8); // 64-bit blocks: 2^16 blocks
    }

    @Test
    void serviceMessagesSentAfterThePeersRekeyKexInitAreAccepted() throws SshException {
        // AsyncSSH keeps sending channel data during a rekey; OpenSSH takes it (RFC 4253 §7.1 binds the sender)
        EnginePair pair = pair(1L << 30, 1L << 30, 0);
        assertThat(pair.client.renegotiateKeys()).isTrue();
        pair.client.injectRaw(EngineHandshakeTest.payload(94, 0));
        pair.client.injectRaw(EngineHandshakeTest.payload(94, 1));
        pair.pump();
        pair.assertOpen();
        EngineHandshakeTest.assertPayloads(pair.serverHandler.payloads, 94, 2);
        assertThat(pair.server.keyExchangeCount()).isEqualTo(2);
    }

    @Test
    void aServiceMessageInTheInitialKeyExchangeIsStillRefused() throws SshException {
        EnginePair pair = EnginePair.defaults();
        pair.client.injectRaw(EngineHandshakeTest.payload(94, 0)); // right behind the client's first KEXINIT
        pair.pump();
        assertThat(pair.server.isClosed()).isTrue();
        assertThat(pair.server.closeException()).map(SshException::reason).contains(DisconnectReason.PROTOCOL_ERROR);
    }

    @Test
    void chachaIsAStreamCipherSoOnlyTheConfiguredLimitApplies() {
        // its 8-byte "block size" is the padding alignment, not a 64-bit block cipher (3des-cbc is one)
        int chacha = org.sshstack.crypto.cipher.CipherAlgorithm.CHACHA20_POLY1305.cipherBlockSize();
        assertThat(KexRun.byteLimit(1L << 30, chacha)).isEqualTo(1L << 30);
        int tripleDes = org.sshstack.crypto.cipher.CipherAlgorithm.TRIPLE_DES_CBC.cipherBlockSize();
        assertThat(KexRun.byteLimit(1L << 30, tripleDes)).isEqualTo((1L << 16) * 8);
    }

    @Test
    void unimplementedForOurRekeyKexInitEndsTheConnection() throws SshException {
        EnginePair pair = EnginePair.defaults().connect();
        long seq = Integer.toUnsignedLong(pair.client.sendSequenceNumber());
        assertThat(pair.client.renegotiateKeys()).isTrue();
        pair.client.drainOutbound(new byte[1 << 16], 0, 1 << 16); // the KEXINIT is lost on a peer that refuses it
        pair.server.injectRaw(new org.sshstack.wire.Unimplemented(seq).encode());
        pair.pump();
        assertThat(pair.client.isClosed()).isTrue();
        assertThat(pair.client.closeException().orElseThrow().reason())
                .isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
        assertThat(pair.clientEvents.kexFinished.get(1).success()).isFalse();
    }
}
