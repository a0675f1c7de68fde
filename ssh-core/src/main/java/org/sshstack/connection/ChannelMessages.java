package org.sshstack.connection;

import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.ChannelClose;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelEof;
import org.sshstack.wire.ChannelExtendedData;
import org.sshstack.wire.ChannelFailure;
import org.sshstack.wire.ChannelOpen;
import org.sshstack.wire.ChannelOpenConfirmation;
import org.sshstack.wire.ChannelOpenFailure;
import org.sshstack.wire.ChannelRequest;
import org.sshstack.wire.ChannelSuccess;
import org.sshstack.wire.ChannelWindowAdjust;
import org.sshstack.wire.MessageNumbers;

/**
 * Applies the peer's channel messages (RFC 4254 §5, §6) to the channel table, enforcing windows, packet sizes and
 * the EOF/CLOSE rules; every violation is an {@link SshProtocolException} (disconnect with PROTOCOL_ERROR).
 */
final class ChannelMessages {

    private static final long UINT32_MAX = 0xffffffffL;

    private final ConnectionMultiplexer mux;

    ChannelMessages(ConnectionMultiplexer mux) {
        this.mux = mux;
    }

    /** @return false for a message number this layer does not know */
    boolean onChannelMessage(int number, byte[] payload) throws SshException {
        switch (number) {
            case MessageNumbers.CHANNEL_OPEN_CONFIRMATION -> onConfirmation(ChannelOpenConfirmation.decode(payload));
            case MessageNumbers.CHANNEL_OPEN_FAILURE -> onOpenFailure(ChannelOpenFailure.decode(payload));
            case MessageNumbers.CHANNEL_WINDOW_ADJUST -> onWindowAdjust(ChannelWindowAdjust.decode(payload));
            case MessageNumbers.CHANNEL_DATA -> onData(payload);
            case MessageNumbers.CHANNEL_EXTENDED_DATA -> onExtendedData(payload);
            case MessageNumbers.CHANNEL_EOF -> onEof(open(ChannelEof.decode(payload).recipientChannel(), "EOF"));
            case MessageNumbers.CHANNEL_CLOSE -> onClose(ChannelClose.decode(payload).recipientChannel());
            case MessageNumbers.CHANNEL_REQUEST -> onRequest(ChannelRequest.decode(payload));
            case MessageNumbers.CHANNEL_SUCCESS -> onReply(ChannelSuccess.decode(payload).recipientChannel(), true);
            case MessageNumbers.CHANNEL_FAILURE -> onReply(ChannelFailure.decode(payload).recipientChannel(), false);
            default -> {
                return false;
            }
        }
        return true;
    }

    void onOpen(ChannelOpen open) throws SshException {
        ChannelTable table = mux.table();
        int id = table.freeId();
        if (id < 0) {
            refuse(open, OpenFailureReason.RESOURCE_SHORTAGE, "too many channels", null);
            return;
        }
        // OPENING until our confirmation is out, so data written by the handler cannot overtake it
        ConnectionChannel channel = new ConnectionChannel(mux, id, open.channelType(), mux.config(),
                ConnectionChannel.State.OPENING);
        channel.remoteId = open.senderChannel();
        channel.sendWindow = open.initialWindow();
        channel.sendMaxPacket = (int) Math.min(open.maxPacket(), mux.config().maxPacket());
        if (ConnectionMultiplexer.SESSION.equals(open.channelType()) && mux.noMoreSessions()) {
            // OpenSSH PROTOCOL §2.2: no further session channels after no-more-sessions@openssh.com
            refuse(open, OpenFailureReason.ADMINISTRATIVELY_PROHIBITED, "no more sessions", channel);
            return;
        }
        table.put(channel);
        OpenDecision decision = mux.handler().onChannelOpen(channel, open.typeData());
        if (!decision.accepted()) {
            table.remove(channel);
            refuse(open, decision.reason(), decision.description(), channel);
            return;
        }
        mux.outbox().send(new ChannelOpenConfirmation(open.senderChannel(), id, mux.config().initialWindow(),
                mux.config().maxPacket(), new byte[0]).encode());
        channel.state = ConnectionChannel.State.OPEN;
        mux.listener().onChannelOpened(channel);
        mux.flushChannel(channel);
    }

    private void refuse(ChannelOpen open, OpenFailureReason reason, String description, ConnectionChannel channel)
            throws SshException {
        mux.outbox().send(new ChannelOpenFailure(open.senderChannel(), reason.code(), description, "").encode());
        if (channel != null) {
            channel.state = ConnectionChannel.State.REFUSED;
            mux.listener().onChannelRefused(channel, reason.code(), description, false);
        }
    }

    private void onConfirmation(ChannelOpenConfirmation confirmation) throws SshException {
        ConnectionChannel channel = opening(confirmation.recipientChannel());
        channel.remoteId = confirmation.senderChannel();
        channel.sendWindow = confirmation.initialWindow();
        channel.sendMaxPacket = (int) Math.min(confirmation.maxPacket(), mux.config().maxPacket());
        channel.state = ConnectionChannel.State.OPEN;
        mux.listener().onChannelOpened(channel);
        mux.flushChannel(channel);
    }

    private void onOpenFailure(ChannelOpenFailure failure) throws SshException {
        ConnectionChannel channel = opening(failure.recipientChannel());
        channel.state = ConnectionChannel.State.REFUSED;
        mux.table().remove(channel);
        mux.listener().onChannelRefused(channel, failure.reasonCode(), failure.description(), true);
    }

    private ConnectionChannel opening(int id) throws SshProtocolException {
        ConnectionChannel channel = mux.table().get(id);
        if (channel == null || channel.state != ConnectionChannel.State.OPENING) {
            throw new SshProtocolException("open answer for channel " + Integer.toUnsignedString(id)
                    + ", which is not awaiting one");
        }
        return channel;
    }

    /** @return the channel, open (confirmed) and not closed by the peer */
    private ConnectionChannel open(int id, String what) throws SshProtocolException {
        ConnectionChannel channel = mux.table().get(id);
        if (channel == null) {
            throw new SshProtocolException(what + " for unknown channel " + Integer.toUnsignedString(id));
        }
        if (channel.state != ConnectionChannel.State.OPEN) {
            throw new SshProtocolException(what + " for channel " + id + " before its open was confirmed");
        }
        return channel;
    }

    private void onWindowAdjust(ChannelWindowAdjust adjust) throws SshException {
        ConnectionChannel channel = open(adjust.recipientChannel(), "window adjust");
        long window = channel.sendWindow + adjust.bytesToAdd();
        if (window > UINT32_MAX) {
            // RFC 4254 §5.2: the window is a uint32 (SECURITY.md B4)
            throw new SshProtocolException("window adjust of " + adjust.bytesToAdd() + " on channel " + channel.localId()
                    + " overflows the 2^32-1 window");
        }
        channel.sendWindow = window;
        mux.flushChannel(channel);
    }

    private void onData(byte[] payload) throws SshException {
        int length = ChannelData.checkedDataLength(payload);
        ConnectionChannel channel = open(ChannelData.getInt(payload, 1), "data");
        if (accept(channel, length)) {
            channel.deliver(payload, ChannelData.HEADER, length, false);
            mux.listener().onData(channel, false);
        }
    }

    private void onExtendedData(byte[] payload) throws SshException {
        int length = ChannelExtendedData.checkedDataLength(payload);
        ConnectionChannel channel = open(ChannelData.getInt(payload, 1), "extended data");
        if (!accept(channel, length)) {
            return;
        }
        if (ChannelData.getInt(payload, 5) != ChannelExtendedData.STDERR) {
            channel.discard(length); // RFC 4254 §5.2: only stderr is defined; others consume window and are dropped
            return;
        }
        channel.deliver(payload, ChannelExtendedData.HEADER, length, true);
        mux.listener().onData(channel, true);
    }

    /** @return true to buffer the data, false to drop it (we already sent CLOSE) */
    private boolean accept(ConnectionChannel channel, int length) throws SshException {
        if (channel.eofReceived) {
            throw new SshProtocolException("data on channel " + channel.localId() + " after EOF");
        }
        if (length > mux.config().maxPacket()) {
            throw new SshProtocolException("data packet of " + length + " bytes on channel " + channel.localId()
                    + " exceeds the maximum packet size " + mux.config().maxPacket());
        }
        if (length > channel.receiveWindow) {
            // RFC 4254 §5.2: the peer may not send more than the window allows (SECURITY.md B5)
            throw new SshProtocolException("peer sent " + length + " bytes on channel " + channel.localId()
                    + " with only " + channel.receiveWindow + " bytes of window left");
        }
        if (channel.closeSent) {
            channel.discard(length);
            return false;
        }
        return true;
    }

    private void onEof(ConnectionChannel channel) {
        if (channel.eofReceived) {
            // RFC 4254 §5.3 sets no rule for a repeated EOF; rclone (Go's x/crypto/ssh) sends one on closing an SFTP
            // session. It changes nothing, so it is ignored, as OpenSSH does (nchan.c chan_rcvd_ieof).
            return;
        }
        channel.eofReceived = true;
        mux.listener().onEof(channel);
    }

    private void onClose(int id) throws SshException {
        ConnectionChannel channel = open(id, "close");
        channel.closeReceived = true;
        if (!channel.closeSent) {
            channel.sendClose(mux.outbox()); // RFC 4254 §5.3: answer CLOSE unless already sent
        }
        channel.state = ConnectionChannel.State.CLOSED;
        mux.table().remove(channel);
        mux.listener().onChannelClosed(channel);
    }

    private void onRequest(ChannelRequest request) throws SshException {
        ConnectionChannel channel = open(request.recipientChannel(), "channel request");
        SessionRequest typed = SessionRequests.decode(request.requestType(), request.typeData());
        if (channel.closeSent) {
            return; // our CLOSE is on its way: no reply (RFC 4254 §5.3)
        }
        boolean success = apply(channel, typed);
        if (request.wantReply()) {
            byte[] reply = success ? new ChannelSuccess(channel.remoteId).encode()
                    : new ChannelFailure(channel.remoteId).encode();
            mux.outbox().send(reply);
        }
    }

    private boolean apply(ConnectionChannel channel, SessionRequest request) {
        if (request instanceof SessionRequest.ExitStatus status) {
            channel.exitStatus = status.exitStatus();
            mux.listener().onExitStatus(channel, status.exitStatus());
            return true;
        }
        if (request instanceof SessionRequest.ExitSignal signal) {
            channel.exitSignal = signal;
            mux.listener().onExitSignal(channel, signal);
            return true;
        }
        if (request instanceof SessionRequest.EndOfWrite) {
            channel.endOfWriteReceived = true;
            mux.listener().onEndOfWrite(channel);
            return true;
        }
        if (request instanceof SessionRequest.KeepAlive) {
            return false; // OpenSSH answers keepalive@openssh.com with failure
        }
        return mux.handler().onChannelRequest(channel, request);
    }

    private void onReply(int id, boolean success) throws SshProtocolException {
        ConnectionChannel channel = open(id, "channel request reply");
        String type = channel.pendingReplies.poll();
        if (type != null) { // SECURITY.md B5: unsolicited replies are dropped
            mux.listener().onRequestReply(channel, type, success);
        }
    }
}
