package org.sshstack.transport;

import java.util.Optional;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.event.ConnectionClosed;
import org.sshstack.event.SshEventListener;
import org.sshstack.event.TrafficSnapshot;
import org.sshstack.event.VersionReceived;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.Disconnect;

/**
 * The byte plumbing of a {@link TransportEngine} and how its connection ends: inbound bytes (version line, then
 * packets), outbound bytes, and closing on our failure (DISCONNECT with its reason, RFC 4253 §11.1), the peer's
 * DISCONNECT or the end of the stream, with the closed state every call checks.
 */
abstract class TransportLifecycle extends TransportServices {

    /** A step that may fail the connection. */
    interface Step {
        void run() throws SshException;
    }

    /** A call that may fail the connection. */
    interface Call<T> {
        T run() throws SshException;
    }

    /** The bytes for the driver to send. */
    final OutboundBuffer out = new OutboundBuffer();
    boolean closed;
    SshException closeException;
    private VersionExchange versionExchange;
    private Identification peerIdentification;
    private TransportEngine.OutboundHook hook;
    private boolean injecting;

    TransportLifecycle(TransportConfig config, PacketEncoder encoder, PacketDecoder decoder) {
        super(config, encoder, decoder);
        this.versionExchange = VersionExchange.reading(config.role());
    }

    /** Feeds bytes from the peer: the version line first (RFC 4253 §4.2), then packets; a failure ends it all. */
    final void receiveBytes(byte[] data, int offset, int length) throws SshException {
        try {
            if (peerIdentification == null) {
                Optional<VersionExchange.Result> result = versionExchange.feed(data, offset, length);
                if (result.isEmpty()) {
                    return;
                }
                onVersion(result.get().peer());
                byte[] rest = result.get().leftover();
                feedPackets(rest, 0, rest.length);
            } else {
                feedPackets(data, offset, length);
            }
        } catch (SshException e) {
            fail(e);
            throw e;
        } catch (RuntimeException e) {
            SshException wrapped = new SshProtocolException("malformed input from the peer: " + e.getClass()
                    .getSimpleName(), e);
            fail(wrapped);
            throw wrapped;
        }
    }

    private void onVersion(Identification peer) {
        peerIdentification = peer;
        versionExchange = null;
        listener().versionReceived(new VersionReceived(peer.line()));
    }

    private void feedPackets(byte[] data, int offset, int length) throws SshException {
        int off = offset;
        int len = length;
        while (!closed) {
            int taken = decoder().feed(data, off, len);
            off += taken;
            len -= taken;
            byte[] payload;
            while (!closed && (payload = decoder().poll()) != null) {
                onPacket(payload);
            }
            if (len == 0) {
                return;
            }
        }
    }

    /** @return the peer's identification, or null before it arrived */
    final Identification peerIdentificationOrNull() {
        return peerIdentification;
    }

    /** Sends IGNORE or DEBUG: held back during the initial key exchange (strict kex forbids them then). */
    final void sendTransportMessage(byte[] payload) throws SshException {
        checkOpen();
        guard(() -> {
            if (initialKexBlocksSending()) {
                holdBack(payload);
            } else {
                writePacket(payload);
            }
        });
    }

    @Override
    final void writeWire(byte[] buffer, int length) {
        out.write(buffer, 0, length);
    }

    /** Runs a step; on failure ends the connection ({@link #fail}) and rethrows. */
    final void guard(Step step) throws SshException {
        guarded(() -> {
            step.run();
            return null;
        });
    }

    /** Runs a call; on failure ends the connection ({@link #fail}) and rethrows. */
    final <T> T guarded(Call<T> call) throws SshException {
        try {
            return call.run();
        } catch (SshException e) {
            fail(e);
            throw e;
        }
    }

    @Override
    final void peerDisconnected(Disconnect disconnect) {
        String description = PeerText.sanitize(disconnect.description());
        closeWith(new SshException(disconnect.reason(), "the peer disconnected (" + disconnect.reason() + "): "
                + description), true);
    }

    final void checkOpen() throws SshException {
        if (closed) {
            throw closeException != null ? new SshException(closeException.reason(), "connection closed: "
                    + closeException.getMessage()) : new SshException(DisconnectReason.BY_APPLICATION,
                    "connection closed");
        }
    }

    /** Ends the connection after our failure: DISCONNECT with the exception's reason where possible, then close. */
    final void fail(SshException e) {
        if (closed) {
            return;
        }
        kexFailed(e.getMessage());
        sendDisconnect(e.reason(), e.getMessage());
        closeWith(e, false);
    }

    final void sendDisconnect(DisconnectReason reason, String description) {
        if (encoder().isFailed()) {
            return;
        }
        String text = description == null ? "" : description;
        try {
            byte[] payload = new Disconnect(reason, text.length() > 200 ? text.substring(0, 200) : text).encode();
            tracePacket(PacketListener.Direction.OUTBOUND, payload);
            int n = encoder().encode(payload, 0, payload.length);
            out.write(encoder().buffer(), 0, n);
        } catch (SshException | RuntimeException ignored) {
            // the connection ends anyway
        }
    }

    final void closeWith(SshException reason, boolean peerInitiated) {
        if (closed) {
            return;
        }
        closed = true;
        closeException = reason;
        kexFailed(reason.getMessage());
        releaseCodecs();
        SshEventListener listener = listener();
        listener.traffic(trafficSnapshot());
        listener.connectionClosed(new ConnectionClosed(reason.reason(), peerInitiated,
                reason.getMessage() == null ? "" : reason.getMessage()));
    }

    /** @return the traffic counters so far */
    final TrafficSnapshot trafficSnapshot() {
        return new TrafficSnapshot(decoder().counters().packets(), decoder().counters().bytes(),
                encoder().counters().packets(), encoder().counters().bytes());
    }

    // ---------------------------------------------------------------- test seams (package-private)

    @Override
    final void beforeSend(int number) throws SshException {
        runHook(true, number);
    }

    @Override
    final void afterSend(int number) throws SshException {
        runHook(false, number);
    }

    /** Shows a packet to the test hook, if one is installed; packets the hook injects are not shown again. */
    private void runHook(boolean before, int number) throws SshException {
        if (hook != null && !injecting) {
            injecting = true;
            try {
                if (before) {
                    hook.beforeSend((TransportEngine) this, number);
                } else {
                    hook.afterSend((TransportEngine) this, number);
                }
            } finally {
                injecting = false;
            }
        }
    }

    /** Test seam: installs the {@link TransportEngine.OutboundHook}, or null for none. */
    final void setOutboundHook(TransportEngine.OutboundHook value) {
        this.hook = value;
    }

    /** Test seam: sends a payload with the current keys, bypassing every rule. */
    final void injectRaw(byte[] payload) throws SshException {
        int n = encoder().encode(payload, 0, payload.length);
        writeWire(encoder().buffer(), n);
    }

    /** @return the current phase's name (for tests) */
    final String phaseName() {
        return phase().name();
    }

    /** @return the sequence number of the next packet sent (for tests) */
    final int sendSequenceNumber() {
        return encoder().sequenceNumber();
    }

    /** @return the sequence number of the next packet received (for tests) */
    final int receiveSequenceNumber() {
        return decoder().sequenceNumber();
    }
}
