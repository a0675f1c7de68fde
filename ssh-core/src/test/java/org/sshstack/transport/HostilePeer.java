package org.sshstack.transport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.wire.Debug;
import org.sshstack.wire.Disconnect;
import org.sshstack.wire.ExtInfo;
import org.sshstack.wire.GlobalRequest;
import org.sshstack.wire.Ignore;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.ServiceRequest;
import org.sshstack.wire.Unimplemented;
import org.sshstack.transport.packet.PacketEncoder;

/** Test support: hand-built peer bytes (cleartext packets) and well-formed bodies for any message number. */
final class HostilePeer {

    private final PacketEncoder encoder = new PacketEncoder(EngineKeys.seeded(99));
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    HostilePeer version(String line) {
        bytes.writeBytes((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    HostilePeer packet(byte[] payload) throws SshException {
        bytes.writeBytes(encoder.encode(payload));
        return this;
    }

    HostilePeer kexInit(Role as, boolean strict) throws SshException {
        AlgorithmPreferences prefs = AlgorithmPreferences.defaults(Role.CLIENT);
        var proposal = prefs.proposal(as, strict);
        return packet(KexInit.create(new byte[16], proposal, false).encode());
    }

    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** Feeds everything to the engine; returns the exception it threw, or null. */
    SshException feed(TransportEngine engine) {
        byte[] data = bytes();
        try {
            engine.receive(data, 0, data.length);
            return null;
        } catch (SshException e) {
            return e;
        }
    }

    /** @return a well-formed payload for the message number (minimal body where the number has a known layout) */
    static byte[] body(int number) {
        return switch (number) {
            case MessageNumbers.DISCONNECT -> new Disconnect(DisconnectReason.BY_APPLICATION, "bye").encode();
            case MessageNumbers.IGNORE -> new Ignore(new byte[3]).encode();
            case MessageNumbers.UNIMPLEMENTED -> new Unimplemented(0).encode();
            case MessageNumbers.DEBUG -> new Debug(false, "dbg", "").encode();
            case MessageNumbers.SERVICE_REQUEST -> new ServiceRequest("ssh-userauth").encode();
            case MessageNumbers.EXT_INFO -> new ExtInfo(List.of()).encode();
            case MessageNumbers.GLOBAL_REQUEST -> new GlobalRequest("x@example.com", true, new byte[0]).encode();
            case MessageNumbers.PING -> new byte[] {(byte) 192, 0, 0, 0, 1, 'p'};
            default -> new byte[] {(byte) number, 0, 0, 0, 0};
        };
    }

    /** Records the message numbers an engine sends. */
    static final class SentRecorder implements TransportEngine.OutboundHook {
        final List<Integer> sent = new ArrayList<>();

        @Override
        public void afterSend(TransportEngine engine, int number) {
            sent.add(number);
        }
    }
}
