package org.sshstack.transport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.compression.CompressionAlgorithm;
import org.sshstack.event.DebugReceived;
import org.sshstack.event.KexStarted;
import org.sshstack.event.KexTrigger;
import org.sshstack.event.SshEventListener;
import org.sshstack.transport.kex.ClientKeyExchange;
import org.sshstack.transport.kex.HostKeyAlgorithms;
import org.sshstack.transport.kex.KexMethods;
import org.sshstack.transport.kex.KexStep;
import org.sshstack.transport.kex.KexTranscript;
import org.sshstack.transport.kex.ServerHostKey;
import org.sshstack.transport.kex.ServerKeyExchange;
import org.sshstack.transport.packet.PacketCounters;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.Debug;
import org.sshstack.wire.Disconnect;
import org.sshstack.wire.ExtInfo;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.NewKeys;
import org.sshstack.wire.RequestFailure;
import org.sshstack.wire.ServiceAccept;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;
import org.sshstack.wire.Unimplemented;
import org.sshstack.wire.WireLimits;

/**
 * The protocol state of a {@link TransportEngine}: key exchange (RFC 4253 §7-§9, strict kex), ext-info (RFC 8308),
 * services (§10), generic messages (§11), keepalive, ping and the rekey and pre-auth limits. The public facade
 * and the byte plumbing live in {@link TransportEngine}; the phase rules in {@link TransportPhases}.
 */
abstract class TransportCore {

    /**
     * Signature algorithms a server accepts for publickey auth, announced in server-sig-algs (RFC 8308 §3.1): exactly
     * what the server authenticator verifies (security-key signatures are not verified, so they are not announced).
     */
    static final List<String> SERVER_SIG_ALGS = List.of("ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384",
            "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256");
    static final String KEEPALIVE = "keepalive@openssh.com";

    final TransportConfig config;
    final Role role;
    AlgorithmPreferences offer;
    final PacketEncoder encoder;
    final PacketDecoder decoder;
    final PendingPayloads pending;
    final ArrayDeque<Boolean> replyOwners = new ArrayDeque<>();
    TransportPhase phase = TransportPhases.EXPECT_KEX_INIT;
    KexRun kex;
    int kexCount;
    boolean strictKex;
    byte[] sessionId;
    byte[] firstHostKeyBlob;
    NegotiatedAlgorithms algorithms;
    NegotiatedAlgorithms initialAlgorithms;
    boolean ignoreNextPacket;
    long packetsSinceNewKeys;
    long keysSinceNanos;
    long byteLimit;
    boolean authenticated;
    long preAuthPackets;
    String requestedService;
    boolean serviceRequestUnsent;
    String acceptedService;
    ServiceHandler handler;
    List<String> serverSigAlgs = List.of();
    int extInfoSeen;
    CompressionAlgorithm sendCompression;
    CompressionAlgorithm receiveCompression;
    boolean startSendCompressionOnFlush;
    long nextKeepaliveNanos = Long.MAX_VALUE;
    int keepalivesUnanswered;
    PacketListener packetListener;

    TransportCore(TransportConfig config, PacketEncoder encoder, PacketDecoder decoder) {
        this.config = config;
        this.role = config.role();
        this.encoder = encoder;
        this.decoder = decoder;
        this.pending = new PendingPayloads(config.maxQueuedBytes());
        this.offer = offerFor(config.algorithms());
        this.byteLimit = config.rekeyBytes();
    }

    /**
     * What this engine offers for the given preferences: a client all of them; a server only the host key algorithms
     * it can sign with (an engine never negotiates one it cannot).
     *
     * @throws IllegalArgumentException if a server holds no key for any of the host key algorithms
     */
    final AlgorithmPreferences offerFor(AlgorithmPreferences prefs) {
        if (role != Role.SERVER) {
            return prefs;
        }
        List<String> usable = new ArrayList<>();
        for (String algorithm : prefs.hostKeys()) {
            if (hostKeyFor(config.hostKeys(), algorithm) != null) {
                usable.add(algorithm);
            }
        }
        if (usable.isEmpty()) {
            throw new IllegalArgumentException("no host key fits any of the host key algorithms " + prefs.hostKeys());
        }
        return new AlgorithmPreferences(prefs.kex(), usable, prefs.ciphers(), prefs.macs(), prefs.compression());
    }

    static ServerHostKey hostKeyFor(List<ServerHostKey> keys, String algorithm) {
        for (ServerHostKey key : keys) {
            try {
                HostKeyAlgorithms.verificationKey(algorithm, key.publicKey());
                if (key.signer().keyTypeName().equals(HostKeyAlgorithms.signatureAlgorithm(algorithm).keyTypeName())) {
                    return key;
                }
            } catch (SshException e) {
                // this key does not fit the algorithm
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- hooks for the facade

    abstract void writeWire(byte[] buffer, int length);

    abstract void beforeSend(int number) throws SshException;

    abstract void afterSend(int number) throws SshException;

    abstract void peerDisconnected(Disconnect disconnect);

    final TransportConfig config() {
        return config;
    }

    final SshEventListener listener() {
        return config.listener();
    }

    final PacketEncoder encoder() {
        return encoder;
    }

    final PacketDecoder decoder() {
        return decoder;
    }

    final TransportPhase phase() {
        return phase;
    }

    // ---------------------------------------------------------------- sending

    /** Encodes and queues one packet; checks the rekey limits afterwards. */
    final void writePacket(byte[] payload) throws SshException {
        int number = payload[0] & 0xff;
        tracePacket(PacketListener.Direction.OUTBOUND, payload);
        beforeSend(number);
        int n = encoder.encode(payload, 0, payload.length);
        writeWire(encoder.buffer(), n);
        afterSend(number);
        if (kex == null && kexCount > 0) {
            checkLimits();
        }
    }

    /** @return true while our KEXINIT of the initial exchange is out and our NEWKEYS is not */
    final boolean initialKexBlocksSending() {
        return kex != null && kex.initial && !kex.newKeysSent;
    }

    final boolean kexBlocksSending() {
        return kex != null && !kex.newKeysSent;
    }

    final void holdBack(byte[] payload) throws SshException {
        if (!pending.offer(payload)) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "too many messages queued during key exchange");
        }
    }

    final boolean sendServicePayload(byte[] payload) throws SshException {
        if (kexBlocksSending() || !pending.isEmpty()) {
            boolean queued = pending.offer(payload);
            if (queued) {
                noteGlobalRequest(payload, false);
            }
            return queued;
        }
        noteGlobalRequest(payload, false);
        writePacket(payload);
        return true;
    }

    /** RFC 4254 §4: replies to want-reply global requests come in order; remember whose each one is. */
    private void noteGlobalRequest(byte[] payload, boolean ours) throws SshException {
        if ((payload[0] & 0xff) == MessageNumbers.GLOBAL_REQUEST && GlobalRequest.decode(payload).wantReply()) {
            replyOwners.addLast(ours);
        }
    }

    private void flushPending() throws SshException {
        if (serviceRequestUnsent) {
            serviceRequestUnsent = false;
            writePacket(new ServiceRequest(requestedService).encode());
        }
        byte[] payload;
        while ((payload = pending.poll()) != null) {
            writePacket(payload);
            if (kexBlocksSending()) {
                return; // a limit started a new exchange; the rest waits for its NEWKEYS
            }
        }
        if (startSendCompressionOnFlush) {
            startSendCompressionOnFlush = false;
            startSendCompression();
        }
    }

    /** Shows a packet to the packet listener, if one is installed (nothing else happens without one). */
    final void tracePacket(PacketListener.Direction direction, byte[] payload) {
        PacketListener traced = packetListener;
        if (traced != null) {
            traced.onPacket(direction, payload[0] & 0xff, payload);
        }
    }

    final void sendUnimplemented() throws SshException {
        long seq = Integer.toUnsignedLong(decoder.sequenceNumber() - 1); // RFC 4253 §11.4: the rejected packet
        writePacket(new Unimplemented(seq).encode());
    }

    // ---------------------------------------------------------------- receiving

    final void onPacket(byte[] payload) throws SshException {
        if (payload.length == 0) {
            throw new SshProtocolException("empty payload");
        }
        if (!authenticated && ++preAuthPackets > config.preAuthPacketLimit()) {
            // SECURITY.md B5/B12: bounded work before authentication (IGNORE/PING floods)
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "more than " + config.preAuthPacketLimit()
                    + " packets before authentication");
        }
        tracePacket(PacketListener.Direction.INBOUND, payload);
        packetsSinceNewKeys++;
        if (ignoreNextPacket) {
            ignoreNextPacket = false; // RFC 4253 §7: the peer's wrong guess
            return;
        }
        int number = payload[0] & 0xff;
        phase.onMessage((TransportEngine) this, number, payload);
        if (kex == null && kexCount > 0) {
            checkLimits();
        }
    }

    final void onGeneric(int number, byte[] payload) throws SshException {
        switch (number) {
            case MessageNumbers.DISCONNECT -> peerDisconnected(Disconnect.decode(payload));
            case MessageNumbers.IGNORE -> {
                // RFC 4253 §11.2: ignored (not decoded: no allocation)
            }
            case MessageNumbers.UNIMPLEMENTED -> {
                long seq = Unimplemented.decode(payload).sequenceNumber();
                if (kex != null && !kex.negotiated() && !kex.initial && seq == kex.oursSequence) {
                    // e.g. OpenSSH before authentication: it answers a rekey KEXINIT with UNIMPLEMENTED
                    throw new SshException(DisconnectReason.KEY_EXCHANGE_FAILED, "the peer refused our KEXINIT "
                            + "with UNIMPLEMENTED (OpenSSH does not rekey before authentication)");
                }
                if (Boolean.TRUE.equals(replyOwners.peekFirst())) {
                    replyOwners.pollFirst(); // a peer that does not know keepalive@openssh.com still answered
                    keepalivesUnanswered = 0;
                }
            }
            default -> {
                Debug debug = Debug.decode(payload);
                listener().debugReceived(new DebugReceived(debug.alwaysDisplay(),
                        TransportEngine.sanitize(debug.message())));
            }
        }
    }

    final boolean isServer() {
        return role == Role.SERVER;
    }

    final boolean initialKex() {
        return kex != null && kex.initial;
    }

    /** @return true during the initial exchange with strict kex negotiated (draft-ietf-sshm-strict-kex §3.2) */
    final boolean strictInitialKex() {
        return strictKex && kex != null && kex.initial;
    }

    final void countIgnoredPing() {
        // counted by the pre-auth limit in onPacket; never answered during a key exchange (OpenSSH 6ce00f0c)
    }

    // ---------------------------------------------------------------- key exchange

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
            ServerHostKey key = hostKeyFor(config.hostKeys(), a.hostKey());
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
    private void checkLimits() throws SshException {
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

    final void startSendCompression() {
        encoder.startCompression(sendCompression.newCompressor());
    }

    // ---------------------------------------------------------------- accessors

    /** @return the service accepted, or null */
    final String acceptedService() {
        return acceptedService;
    }

    /** @param value the upper layer's handler */
    final void installHandler(ServiceHandler value) {
        handler = value;
    }

    final boolean authenticatedFlag() {
        return authenticated;
    }

    final byte[] sessionIdOrNull() {
        return sessionId == null ? null : sessionId.clone();
    }

    final NegotiatedAlgorithms algorithmsOrNull() {
        return algorithms;
    }

    final boolean strictKexOn() {
        return strictKex;
    }

    final List<String> serverSigAlgsList() {
        return serverSigAlgs;
    }

    final int completedKexCount() {
        return kexCount;
    }

    final boolean kexRunning() {
        return kex != null;
    }

    final long queuedBytes() {
        return pending.bytes();
    }

    final AlgorithmPreferences offered() {
        return offer;
    }
}
