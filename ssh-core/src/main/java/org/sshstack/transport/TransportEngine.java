package org.sshstack.transport;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.event.ConnectionStarted;
import org.sshstack.event.KexTrigger;
import org.sshstack.event.TrafficSnapshot;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.Debug;
import org.sshstack.wire.Ignore;

/**
 * The SSH transport layer (RFC 4253) for either role as a sans-I/O {@link ProtocolEngine}: version exchange, key
 * exchange with strict kex (Terrapin countermeasure), ext-info (RFC 8308), rekeying by bytes, packets, time, peer or
 * request, keepalive, ping@openssh.com, IGNORE/DEBUG/UNIMPLEMENTED/DISCONNECT and the service request, with
 * explicit phase classes ({@link TransportPhases}) that accept only legal messages.
 *
 * <p>Use: create it with a {@link TransportConfig}; it queues its identification string and first KEXINIT at once.
 * The driver feeds received bytes to {@link #receive}, writes what {@link #drainOutbound} gives, and calls
 * {@link #onTimer} at {@link #nextDeadlineNanos()}. The client calls {@link #requestService(String)}; once the
 * service is accepted, payloads of 50 and up flow through {@link #setServiceHandler(ServiceHandler)} and
 * {@link #sendPayload(byte[])}; the auth layer calls {@link #authenticated()} at USERAUTH_SUCCESS.
 *
 * <p>Not thread-safe: a driver confines each engine to one thread at a time. No I/O, no threads, no clock reads but
 * the configured {@link TransportConfig#nanoClock()}, no randomness but the configured {@link java.security.SecureRandom}.
 * Nothing is logged or formatted per packet; a {@link PacketListener} (off by default) sees every payload.
 */
public final class TransportEngine extends TransportLifecycle implements ProtocolEngine {


    /**
     * Creates the engine and queues our identification string and our first KEXINIT.
     *
     * @param config the configuration
     * @throws IllegalArgumentException if a server holds no key for any configured host key algorithm
     */
    public TransportEngine(TransportConfig config) {
        super(config, new PacketEncoder(config.random()), new PacketDecoder());
        byte[] line = config.identification().toBytes();
        out.write(line, 0, line.length);
        config.listener().connectionStarted(new ConnectionStarted(config.role() == Role.CLIENT ? "client" : "server",
                config.identification().line()));
        try {
            startKex(KexTrigger.INITIAL);
        } catch (SshException e) {
            fail(e);
        }
    }

    // ---------------------------------------------------------------- ProtocolEngine

    @Override
    public void receive(byte[] data, int offset, int length) throws SshException {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (closed) {
            return;
        }
        receiveBytes(data, offset, length);
    }

    @Override
    public void receiveEnd() {
        if (!closed) {
            closeWith(new SshException(DisconnectReason.CONNECTION_LOST, "the peer closed the connection in phase "
                    + phase().name()), true);
        }
    }

    @Override
    public int pendingOutbound() {
        return out.size();
    }

    @Override
    public int drainOutbound(byte[] target, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, target.length);
        return out.drain(target, offset, length);
    }

    @Override
    public long nextDeadlineNanos() {
        return closed ? Long.MAX_VALUE : deadline();
    }

    @Override
    public void onTimer(long nowNanos) throws SshException {
        if (closed) {
            return;
        }
        guard(() -> timer(nowNanos));
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    // ---------------------------------------------------------------- public API

    /** @return the peer's identification string, empty until it has arrived */
    public Optional<Identification> peerIdentification() {
        return Optional.ofNullable(peerIdentificationOrNull());
    }

    /**
     * @return why the connection ended: our failure, the peer's DISCONNECT (its reason and description) or the
     *     stream's end; empty while open or after a {@link #disconnect} of our own with BY_APPLICATION
     */
    public Optional<SshException> closeException() {
        return Optional.ofNullable(closeException);
    }

    /**
     * Ends the connection: queues SSH_MSG_DISCONNECT and closes. The driver still sends what is queued.
     *
     * @param reason the reason code
     * @param description a human-readable description (sent to the peer)
     */
    public void disconnect(DisconnectReason reason, String description) {
        if (closed) {
            return;
        }
        sendDisconnect(reason, description);
        closeWith(new SshException(reason, description), false);
    }

    /**
     * Sends SSH_MSG_IGNORE with random data (RFC 4253 §11.2). During the initial key exchange it is held back until
     * NEWKEYS (strict kex forbids it then).
     *
     * @param length the number of random bytes, 0 to 32768
     * @throws SshException if the connection failed while sending
     */
    public void sendIgnore(int length) throws SshException {
        if (length < 0 || length > 32768) {
            throw new IllegalArgumentException("IGNORE length must be 0..32768");
        }
        byte[] data = new byte[length];
        config().random().nextBytes(data);
        sendTransportMessage(new Ignore(data).encode());
    }

    /**
     * Sends SSH_MSG_DEBUG (RFC 4253 §11.3), held back like {@link #sendIgnore(int)} during the initial kex.
     *
     * @param alwaysDisplay the always_display flag
     * @param message the message
     * @throws SshException if the connection failed while sending
     */
    public void sendDebug(boolean alwaysDisplay, String message) throws SshException {
        sendTransportMessage(new Debug(alwaysDisplay, message, "").encode());
    }

    /**
     * Starts a key exchange now (RFC 4253 §9), unless one is running or the initial one has not finished.
     *
     * @return true if a key exchange was started
     * @throws SshException if the connection failed while sending
     */
    public boolean renegotiateKeys() throws SshException {
        checkOpen();
        if (!canStartRekey()) {
            return false;
        }
        guard(() -> startKex(KexTrigger.EXPLICIT));
        return true;
    }

    /**
     * Client: asks for a service (RFC 4253 §10), e.g. {@code ssh-userauth}. Sent as soon as the initial key exchange
     * has finished; the answer starts the service and calls {@link ServiceHandler#serviceStarted}.
     *
     * @param serviceName the service name
     * @throws SshException if the connection failed while sending
     * @throws IllegalStateException on a server, or if a service was already requested
     */
    public void requestService(String serviceName) throws SshException {
        checkOpen();
        guard(() -> requestServiceInternal(serviceName));
    }

    /**
     * Sends an upper-layer payload (message number 50 or more) once the service is accepted. During a key exchange
     * it waits in a bounded queue and goes out right after our NEWKEYS, in order.
     *
     * @param payload the payload, message number first (the engine keeps the array)
     * @return false if the queue is full: nothing was queued; retry after the next {@link #receive} (the key exchange
     *     must progress first)
     * @throws SshException if the connection failed while sending, or is closed
     * @throws IllegalStateException if no service is accepted yet
     * @throws IllegalArgumentException if the message number is below 50
     */
    public boolean sendPayload(byte[] payload) throws SshException {
        checkOpen();
        if (payload.length == 0 || (payload[0] & 0xff) < 50) {
            throw new IllegalArgumentException("upper-layer payloads have message numbers 50 and up");
        }
        if (acceptedService == null) {
            throw new IllegalStateException("no service has been accepted yet");
        }
        return guarded(() -> sendServicePayload(payload));
    }

    /**
     * Answers the packet being handled with SSH_MSG_UNIMPLEMENTED (RFC 4253 §11.4): for a {@link ServiceHandler}
     * that does not know a message number. Call it only from inside {@link ServiceHandler#onPayload}, so that the
     * sequence number is that of the rejected packet.
     *
     * @throws SshException if the connection failed while sending, or is closed
     */
    public void rejectCurrentPacket() throws SshException {
        checkOpen();
        guard(this::sendUnimplemented);
    }

    /**
     * Tells the transport that user authentication succeeded (the server right after sending USERAUTH_SUCCESS, the
     * client on receiving it): delayed compression starts, PING is answered, connection messages (80 and up) are
     * accepted, keepalives start and the pre-authentication limits end.
     */
    public void authenticated() {
        if (!closed) {
            markAuthenticated();
        }
    }

    /**
     * Installs the upper layer's handler (see {@link ServiceHandler} for what it receives).
     *
     * @param handler the handler, or null for none (service messages are then answered with UNIMPLEMENTED)
     */
    public void setServiceHandler(ServiceHandler handler) {
        this.handler = handler;
    }

    /** @return the accepted service name, empty before SERVICE_ACCEPT */
    public Optional<String> service() {
        return Optional.ofNullable(acceptedService);
    }

    /** @return true once {@link #authenticated()} was called */
    public boolean isAuthenticated() {
        return authenticated;
    }

    /** @return a copy of the session id (H of the first key exchange), empty before it finished */
    public Optional<byte[]> sessionId() {
        return Optional.ofNullable(sessionId == null ? null : sessionId.clone());
    }

    /** @return the algorithms of the last finished key exchange, empty before the first one finished */
    public Optional<NegotiatedAlgorithms> negotiatedAlgorithms() {
        return Optional.ofNullable(algorithms);
    }

    /** @return true when strict kex was negotiated in the initial key exchange */
    public boolean isStrictKex() {
        return strictKex;
    }

    /** @return client: the server's server-sig-algs from its first EXT_INFO (RFC 8308 §3.1); empty if none */
    public List<String> serverSignatureAlgorithms() {
        return serverSigAlgs;
    }

    /** @return the number of key exchanges finished so far */
    public int keyExchangeCount() {
        return kexCount;
    }

    /** @return true while a key exchange runs */
    public boolean isKeyExchangeInProgress() {
        return kex != null;
    }

    /** @return payload bytes waiting for the end of a key exchange (bounded by the configured maximum) */
    public long queuedPayloadBytes() {
        return pending.bytes();
    }

    /**
     * Installs the packet hook: from now on every payload sent or received is shown to it (see
     * {@link PacketListener}). Installed before any packet was received, it is first shown our initial KEXINIT,
     * which the constructor queued, so it sees the whole conversation. Call it on the engine's thread (under the
     * driver's engine lock).
     *
     * @param listener the listener, or null to remove it (the default: no per-packet work)
     */
    public void setPacketListener(PacketListener listener) {
        packetListener = listener;
        if (listener != null && kexCount == 0 && kex != null && encoder().counters().packets() == 1
                && decoder().counters().packets() == 0) {
            tracePacket(PacketListener.Direction.OUTBOUND, kex.ours.encode());
        }
    }

    /**
     * Replaces the algorithm lists for the next KEXINIT this engine sends: the next rekey, whoever starts it (RFC 4253
     * §9: each exchange negotiates afresh). A key exchange already running keeps the lists it was started with. A
     * server's host key list is cut to the keys it holds, as at construction.
     *
     * @param preferences the new lists
     * @throws IllegalArgumentException if a server holds no key for any of the host key algorithms
     */
    public void setOfferedAlgorithms(AlgorithmPreferences preferences) {
        offer = offerFor(Objects.requireNonNull(preferences, "preferences"));
    }

    /** @return the algorithm lists this engine offers (a server's host key list is cut to the keys it holds) */
    public AlgorithmPreferences offeredAlgorithms() {
        return offer;
    }

    /** @return the traffic counters so far */
    public TrafficSnapshot traffic() {
        return trafficSnapshot();
    }

    // ---------------------------------------------------------------- test seam (package-private)

    /** Test seam: called around every packet the engine sends; may {@link #injectRaw} packets. */
    interface OutboundHook {
        /** Before packet {@code number} is encoded. */
        default void beforeSend(TransportEngine engine, int number) throws SshException {
        }

        /** After packet {@code number} was encoded (keys switched already after NEWKEYS). */
        default void afterSend(TransportEngine engine, int number) throws SshException {
        }
    }
}
