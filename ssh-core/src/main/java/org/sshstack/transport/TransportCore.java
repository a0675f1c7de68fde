package org.sshstack.transport;

import java.util.ArrayDeque;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.compression.CompressionAlgorithm;
import org.sshstack.event.DebugReceived;
import org.sshstack.event.SshEventListener;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.Debug;
import org.sshstack.wire.Disconnect;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.Unimplemented;

/**
 * The protocol state of a {@link TransportEngine} and its packet flow: sending with hold-back during a key exchange,
 * receiving with the pre-auth limit, and the generic messages (RFC 4253 §11). The key exchange lives in
 * {@link TransportKex}, the services in {@link TransportServices}, the byte plumbing and closing in
 * {@link TransportLifecycle}, the public facade in {@link TransportEngine}, the phase rules in
 * {@link TransportPhases}.
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
        return HostKeyOffer.offerFor(role, config.hostKeys(), prefs);
    }

    // ---------------------------------------------------------------- hooks for the facade

    abstract void writeWire(byte[] buffer, int length);

    abstract void beforeSend(int number) throws SshException;

    abstract void afterSend(int number) throws SshException;

    abstract void peerDisconnected(Disconnect disconnect);

    /** RFC 4253 §9 and RFC 4344 §3: starts a rekey (or closes) when a limit is reached; implemented by the kex. */
    abstract void checkLimits() throws SshException;

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

    /** Sends the held-back service request and payloads after our NEWKEYS. */
    final void flushPending() throws SshException {
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

    final void startSendCompression() {
        encoder.startCompression(sendCompression.newCompressor());
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
                        PeerText.sanitize(debug.message())));
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
}
