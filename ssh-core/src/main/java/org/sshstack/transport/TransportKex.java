package org.sshstack.transport;

import java.util.Arrays;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.event.KexStarted;
import org.sshstack.event.KexTrigger;
import org.sshstack.transport.kex.ClientKeyExchange;
import org.sshstack.transport.kex.KexMethods;
import org.sshstack.transport.kex.KexStep;
import org.sshstack.transport.kex.KexTranscript;
import org.sshstack.transport.kex.ServerHostKey;
import org.sshstack.transport.kex.ServerKeyExchange;
import org.sshstack.transport.packet.PacketCounters;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.ExtInfo;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.NewKeys;
import org.sshstack.wire.WireLimits;

/**
 * The key exchange of a {@link TransportEngine} (RFC 4253 §7-§9 with strict kex, draft-ietf-sshm-strict-kex): KEXINIT
 * negotiation, the method messages, NEWKEYS with the switch of keys and compression, and the rekey limits.
 */
abstract class TransportKex extends TransportCore {

    TransportKex(TransportConfig config, PacketEncoder encoder, PacketDecoder decoder) {
        super(config, encoder, decoder);
    }

    final void startKex(KexTrigger trigger) throws SshException {
        boolean initial = kexCount == 0;
        kex = new KexRun(trigger, initial, config.nanoClock().getAsLong());
        byte[] cookie = new byte[KexInit.COOKIE_LENGTH];
        config.random().nextBytes(cookie);
        kex.ours = KexInit.create(cookie, offer.proposal(role, initial), false);
        listener().kexStarted(new KexStarted(initial, trigger));
        kex.oursSequence = Integer.toUnsignedLong(encoder.sequenceNumber());
        writePacket(kex.ours.encode());
    }

    final boolean canStartRekey() {
        return kex == null && kexCount > 0;
    }

    final void onKexInit(byte[] payload) throws SshException {
        KexInit theirs = KexInit.decode(payload);
        boolean firstPacket = decoder.counters().packets() == 1;
        if (kex == null) {
            if (!authenticated && kexCount >= config.preAuthKexLimit()) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "too many key exchanges before authentication");
            }
            startKex(KexTrigger.PEER);
        }
        kex.theirs = theirs;
        KexInit client = role == Role.CLIENT ? kex.ours : theirs;
        KexInit server = role == Role.CLIENT ? theirs : kex.ours;
        NegotiatedAlgorithms negotiated = AlgorithmNegotiator.negotiate(client, server);
        if (kex.initial) {
            strictKex = negotiated.strictKex(); // only the initial KEXINIT counts (draft §3.1)
            if (strictKex && !firstPacket) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR,
                        "strict kex: the peer's KEXINIT was not its first packet (Terrapin, CVE-2023-48795)");
            }
            if (config.requireStrictKex() && !strictKex) {
                throw new SshException(DisconnectReason.KEY_EXCHANGE_FAILED,
                        "the peer does not support strict key exchange (kex-strict-*-v00@openssh.com), which is required");
            }
        }
        kex.algorithms = negotiated;
        ignoreNextPacket = negotiated.ignoreGuessedPacketFrom(role == Role.CLIENT ? Role.SERVER : Role.CLIENT);
        startMethod();
    }

    private void startMethod() throws SshException {
        Identification local = config.identification();
        Identification peer = ((TransportEngine) this).peerIdentification().orElseThrow();
        KexTranscript transcript = role == Role.CLIENT
                ? new KexTranscript(local, peer, kex.ours, kex.theirs)
                : new KexTranscript(peer, local, kex.theirs, kex.ours);
        NegotiatedAlgorithms a = kex.algorithms;
        phase = TransportPhases.EXPECT_KEX_REPLY;
        if (role == Role.CLIENT) {
            kex.client = ClientKeyExchange.create(KexMethods.require(a.kex()), transcript, a.hostKey(), sessionId,
                    config.random(), config.gexPreferences());
            writePacket(kex.client.start());
        } else {
            ServerHostKey key = HostKeyOffer.hostKeyFor(config.hostKeys(), a.hostKey());
            kex.server = ServerKeyExchange.create(KexMethods.require(a.kex()), transcript, a.hostKey(), key,
                    sessionId, config.random(), config.dhGroups());
        }
    }

    final void onKexMethodMessage(byte[] payload) throws SshException {
        KexStep step = role == Role.CLIENT ? kex.client.onMessage(payload) : kex.server.onMessage(payload);
        for (byte[] out : step.payloads()) {
            writePacket(out);
        }
        if (step.complete()) {
            kex.result = step.result().orElseThrow();
            if (role == Role.CLIENT) {
                verifyHostKey();
            }
            phase = TransportPhases.EXPECT_NEW_KEYS;
            sendNewKeys();
        }
    }

    private void verifyHostKey() throws SshException {
        byte[] blob = kex.result.hostKeyBlob();
        if (firstHostKeyBlob == null || !Arrays.equals(firstHostKeyBlob, blob)) {
            config.hostKeyVerifier().verify(config.host(), config.port(), kex.result.hostKey()); // RFC 4253 §8
        }
        if (firstHostKeyBlob == null) {
            firstHostKeyBlob = blob;
        }
    }

    private void sendNewKeys() throws SshException {
        writePacket(new NewKeys().encode());
        DirectionAlgorithms direction = kex.algorithms.sentBy(role);
        sendCompression = KexRun.compression(direction);
        encoder.install(KexRun.sealer(direction, kex.keys().sentBy(role)),
                sendCompression.activeWhen(authenticated) ? sendCompression.newCompressor() : null); // RFC 4253 §7.3
        if (strictKex) {
            encoder.resetSequenceNumber(); // draft-ietf-sshm-strict-kex §3.3
        }
        kex.newKeysSent = true;
        if (kex.initial && role == Role.SERVER && kex.algorithms.clientOfferedExtInfo()) {
            writePacket(serverExtInfo().encode()); // RFC 8308 §2.4: the first packet after NEWKEYS
        }
        flushPending();
    }

    private static ExtInfo serverExtInfo() {
        return new ExtInfo(List.of(ExtInfo.Extension.ofNameList("server-sig-algs", SERVER_SIG_ALGS),
                new ExtInfo.Extension("ping@openssh.com", new byte[] {'0'})));
    }

    final void onNewKeys(byte[] payload) throws SshException {
        NewKeys.decode(payload);
        if (strictKex && kex.initial && decoder.sequenceWrapped()) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "strict kex: sequence number wrapped during "
                    + "the initial key exchange");
        }
        DirectionAlgorithms direction = kex.algorithms.sentBy(role == Role.CLIENT ? Role.SERVER : Role.CLIENT);
        receiveCompression = KexRun.compression(direction);
        decoder.install(KexRun.opener(direction, kex.keys().receivedBy(role)),
                receiveCompression.activeWhen(authenticated)
                        ? receiveCompression.newDecompressor(WireLimits.MAX_PACKET) : null);
        if (strictKex) {
            decoder.resetSequenceNumber();
        }
        packetsSinceNewKeys = 0;
        finishKex();
    }

    private void finishKex() throws SshException {
        KexRun done = kex;
        long now = config.nanoClock().getAsLong();
        if (done.initial) {
            sessionId = done.result.sessionId();
            initialAlgorithms = done.algorithms;
        }
        algorithms = done.algorithms;
        byteLimit = Math.min(KexRun.byteLimit(config.rekeyBytes(), KexRun.cipher(algorithms.clientToServer())
                .cipherBlockSize()), KexRun.byteLimit(config.rekeyBytes(), KexRun.cipher(algorithms.serverToClient())
                .cipherBlockSize()));
        done.destroySecrets();
        kex = null;
        kexCount++;
        keysSinceNanos = now;
        if (phase == TransportPhases.EXPECT_NEW_KEYS) {
            phase = servicePhase();
        }
        listener().kexFinished(done.finished(true, strictKex, now, ""));
        listener().traffic(((TransportEngine) this).traffic());
    }

    private TransportPhase servicePhase() {
        if (acceptedService != null) {
            return TransportPhases.ESTABLISHED;
        }
        return role == Role.SERVER ? TransportPhases.EXPECT_SERVICE_REQUEST : TransportPhases.EXPECT_SERVICE_ACCEPT;
    }

    /** Reports a failed exchange, if one is running, and wipes its secrets. */
    final void kexFailed(String message) {
        if (kex != null) {
            KexRun failed = kex;
            kex = null;
            failed.destroySecrets();
            listener().kexFinished(failed.finished(false, strictKex, config.nanoClock().getAsLong(),
                    message == null ? "" : message));
        }
    }

    final void releaseCodecs() {
        pending.clear();
        encoder.close();
        decoder.close();
    }

    /** RFC 4253 §9 and RFC 4344 §3: rekey by bytes or packets; before authentication the limit closes instead. */
    @Override
    final void checkLimits() throws SshException {
        PacketCounters sent = encoder.counters();
        PacketCounters received = decoder.counters();
        KexTrigger trigger = null;
        if (sent.bytesSinceKeys() >= byteLimit || received.bytesSinceKeys() >= byteLimit) {
            trigger = KexTrigger.BYTES;
        } else if (sent.packetsSinceKeys() >= config.rekeyPackets()
                || received.packetsSinceKeys() >= config.rekeyPackets()) {
            trigger = KexTrigger.PACKETS;
        }
        if (trigger != null) {
            rekeyOrClose(trigger);
        }
    }

    final void rekeyOrClose(KexTrigger trigger) throws SshException {
        if (!authenticated) {
            // OpenSSH ca313fef, SECURITY.md B12: no rekey before authentication, close instead
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "rekey limit (" + trigger
                    + ") reached before authentication");
        }
        startKex(trigger);
    }
}
