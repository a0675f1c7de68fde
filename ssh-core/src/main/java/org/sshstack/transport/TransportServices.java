package org.sshstack.transport;

import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.event.GlobalRequestReceived;
import org.sshstack.event.KexTrigger;
import org.sshstack.transport.packet.PacketDecoder;
import org.sshstack.transport.packet.PacketEncoder;
import org.sshstack.wire.ExtInfo;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.RequestFailure;
import org.sshstack.wire.ServiceAccept;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;
import org.sshstack.wire.WireLimits;

/**
 * The service side of the transport: ext-info (RFC 8308), the service request (RFC 4253 §10), ping@openssh.com,
 * keepalive@openssh.com, upper-layer delivery, authentication and timers. Packets live in {@link TransportCore},
 * the key exchange in {@link TransportKex}, closing in {@link TransportLifecycle}, the public facade in
 * {@link TransportEngine}.
 */
abstract class TransportServices extends TransportKex {

    TransportServices(TransportConfig config, PacketEncoder encoder, PacketDecoder decoder) {
        super(config, encoder, decoder);
    }

    // ---------------------------------------------------------------- ext-info, services, ping

    final void onExtInfo(byte[] payload) throws SshException {
        boolean afterInitialNewKeys = kexCount == 1 && packetsSinceNewKeys == 1;
        boolean ok;
        if (role == Role.CLIENT) {
            // RFC 8308 §2.4: first packet after the first NEWKEYS, or just before USERAUTH_SUCCESS
            ok = initialAlgorithms.clientOfferedExtInfo() && (afterInitialNewKeys
                    || (acceptedService != null && !authenticated && extInfoSeen < 2));
        } else {
            ok = afterInitialNewKeys && initialAlgorithms.serverOfferedExtInfo(); // RFC 8308 §2.1
        }
        if (!ok) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "SSH_MSG_EXT_INFO where it is not allowed");
        }
        ExtInfo info = ExtInfo.decode(payload);
        if (role == Role.CLIENT && extInfoSeen == 0) {
            serverSigAlgs = info.nameList("server-sig-algs").orElse(List.of());
        }
        extInfoSeen++;
    }

    final void onServiceRequest(byte[] payload) throws SshException {
        String name = ServiceRequest.decode(payload).serviceName();
        if (!config.services().contains(name)) {
            throw new SshException(DisconnectReason.SERVICE_NOT_AVAILABLE, "service not available: "
                    + PeerText.sanitize(name));
        }
        writePacket(new ServiceAccept(name).encode());
        startService(name);
    }

    final void onServiceAccept(byte[] payload) throws SshException {
        String name = ServiceAccept.decode(payload).serviceName();
        if (requestedService == null || serviceRequestUnsent || !requestedService.equals(name)) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "SERVICE_ACCEPT for a service not requested");
        }
        startService(name);
    }

    private void startService(String name) throws SshException {
        acceptedService = name;
        phase = TransportPhases.ESTABLISHED;
        if (handler != null) {
            handler.serviceStarted(name);
        }
    }

    final void requestServiceInternal(String name) throws SshException {
        if (role != Role.CLIENT || requestedService != null) {
            throw new IllegalStateException("only a client requests a service, once");
        }
        requestedService = name;
        if (kexCount > 0 && !kexBlocksSending()) {
            writePacket(new ServiceRequest(name).encode());
        } else {
            serviceRequestUnsent = true;
        }
    }

    final void onPing(int number, byte[] payload) throws SshException {
        if (number == MessageNumbers.PONG || !authenticated || kex != null) {
            return; // draft-miller-ssh-ping §2: not before authentication nor during kex (OpenSSH CVE-2025-26466)
        }
        SshReader in = new SshReader(payload, 1, payload.length - 1);
        byte[] data = in.readString();
        in.expectEnd();
        SshWriter pong = new SshWriter(data.length + 5);
        pong.writeByte(MessageNumbers.PONG);
        pong.writeString(data);
        writePacket(pong.toByteArray());
    }

    final void onServiceMessage(int number, byte[] payload) throws SshException {
        if (number >= MessageNumbers.GLOBAL_REQUEST && !authenticated) {
            // SECURITY.md A3 (CVE-2025-32433 class): no connection protocol before authentication
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "connection protocol message " + number
                    + " before authentication");
        }
        if (number == MessageNumbers.GLOBAL_REQUEST && globalRequest(payload)) {
            return;
        }
        if ((number == MessageNumbers.REQUEST_SUCCESS || number == MessageNumbers.REQUEST_FAILURE)
                && Boolean.TRUE.equals(replyOwners.pollFirst())) {
            keepalivesUnanswered = 0;
            return;
        }
        if (handler == null) {
            sendUnimplemented();
        } else {
            handler.onPayload(payload);
        }
    }

    /** @return true if the transport answered it (keepalive, or no handler) */
    private boolean globalRequest(byte[] payload) throws SshException {
        GlobalRequest request = GlobalRequest.decode(payload);
        if (!request.requestName().equals(KEEPALIVE) && handler != null) {
            return false;
        }
        if (request.wantReply()) {
            writePacket(new RequestFailure().encode()); // as OpenSSH answers keepalive@openssh.com
        }
        listener().globalRequestReceived(new GlobalRequestReceived(role == Role.CLIENT ? "client" : "server",
                PeerText.sanitize(request.requestName()), request.wantReply(), false));
        return true;
    }

    // ---------------------------------------------------------------- authentication, timers

    final void markAuthenticated() {
        if (authenticated) {
            return;
        }
        authenticated = true;
        if (receiveCompression != null && receiveCompression.activeWhen(true) && receiveCompression.delayed()) {
            decoder.startDecompression(receiveCompression.newDecompressor(WireLimits.MAX_PACKET));
        }
        if (sendCompression != null && sendCompression.activeWhen(true) && sendCompression.delayed()) {
            if (kexBlocksSending() || !pending.isEmpty()) {
                startSendCompressionOnFlush = true;
            } else {
                startSendCompression();
            }
        }
        if (config.keepaliveIntervalNanos() > 0) {
            nextKeepaliveNanos = config.nanoClock().getAsLong() + config.keepaliveIntervalNanos();
        }
    }

    final long deadline() {
        long next = Long.MAX_VALUE;
        if (kex == null && kexCount > 0 && config.rekeyIntervalNanos() > 0) {
            next = keysSinceNanos + config.rekeyIntervalNanos();
        }
        if (acceptedService != null && authenticated) {
            next = Math.min(next, nextKeepaliveNanos);
        }
        return next;
    }

    final void timer(long now) throws SshException {
        if (kex == null && kexCount > 0 && config.rekeyIntervalNanos() > 0
                && now - keysSinceNanos >= config.rekeyIntervalNanos()) {
            rekeyOrClose(KexTrigger.TIME);
        }
        if (acceptedService != null && authenticated && now - nextKeepaliveNanos >= 0
                && nextKeepaliveNanos != Long.MAX_VALUE) {
            if (keepalivesUnanswered >= config.keepaliveMaxMissed()) {
                throw new SshException(DisconnectReason.CONNECTION_LOST, "no reply to "
                        + keepalivesUnanswered + " keepalive requests");
            }
            byte[] request = new GlobalRequest(KEEPALIVE, true, new byte[0]).encode();
            if (sendServicePayload(request)) {
                replyOwners.pollLast(); // sendServicePayload noted it as the upper layer's; it is ours
                replyOwners.addLast(true);
                keepalivesUnanswered++;
            }
            nextKeepaliveNanos = now + config.keepaliveIntervalNanos();
        }
    }

}
