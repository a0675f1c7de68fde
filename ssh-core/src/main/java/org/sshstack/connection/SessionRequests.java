package org.sshstack.connection;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/** Decodes the request-specific data of channel requests into {@link SessionRequest} records, with bounds. */
public final class SessionRequests {

    /** Largest request-specific data accepted, in bytes. */
    public static final int MAX_DATA = 64 * 1024;

    /** Largest short text field (TERM, names, protocol, language tag), in bytes. */
    public static final int MAX_SHORT = 256;

    /** The signal names of RFC 4254 §6.10. */
    public static final Set<String> SIGNALS =
            Set.of("ABRT", "ALRM", "FPE", "HUP", "ILL", "INT", "KILL", "PIPE", "QUIT", "SEGV", "TERM", "USR1", "USR2");

    private SessionRequests() {
    }

    /**
     * @param type the request type name
     * @param data the request-specific data
     * @return the typed request; {@link SessionRequest.Unknown} for a type not modelled
     * @throws SshProtocolException if the data is too long or malformed for its type
     */
    public static SessionRequest decode(String type, byte[] data) throws SshProtocolException {
        if (data.length > MAX_DATA) {
            throw new SshProtocolException("channel request data of " + data.length + " bytes exceeds " + MAX_DATA);
        }
        SshReader in = new SshReader(data);
        SessionRequest request = decodeKnown(type, in, data);
        if (!(request instanceof SessionRequest.Unknown)) {
            in.expectEnd();
        }
        return request;
    }

    private static SessionRequest decodeKnown(String type, SshReader in, byte[] data) throws SshProtocolException {
        return switch (type) {
            case "pty-req" -> new SessionRequest.PtyRequest(text(in, MAX_SHORT), in.readUint32(), in.readUint32(),
                    in.readUint32(), in.readUint32(), TerminalModes.decode(in.readString(TerminalModes.MAX_ENCODED)));
            case "x11-req" -> new SessionRequest.X11Request(in.readBoolean(), text(in, MAX_SHORT),
                    text(in, MAX_SHORT), in.readUint32());
            case "env" -> new SessionRequest.Env(text(in, MAX_DATA), text(in, MAX_DATA));
            case "shell" -> new SessionRequest.Shell();
            case "exec" -> new SessionRequest.Exec(text(in, MAX_DATA));
            case "subsystem" -> new SessionRequest.Subsystem(text(in, MAX_SHORT));
            case "window-change" -> new SessionRequest.WindowChange(in.readUint32(), in.readUint32(),
                    in.readUint32(), in.readUint32());
            case "xon-xoff" -> new SessionRequest.XonXoff(in.readBoolean());
            case "signal" -> new SessionRequest.Signal(text(in, MAX_SHORT));
            case "exit-status" -> new SessionRequest.ExitStatus(in.readUint32());
            case "exit-signal" -> new SessionRequest.ExitSignal(text(in, MAX_SHORT), in.readBoolean(),
                    text(in, MAX_DATA), text(in, MAX_SHORT));
            case "break" -> new SessionRequest.Break(in.readUint32());
            case "eow@openssh.com" -> new SessionRequest.EndOfWrite();
            case "keepalive@openssh.com" -> new SessionRequest.KeepAlive();
            default -> new SessionRequest.Unknown(type, data);
        };
    }

    /** Reads a string as UTF-8, replacing malformed sequences (display text, never an identifier of trust). */
    private static String text(SshReader in, int max) throws SshProtocolException {
        return new String(in.readString(max), StandardCharsets.UTF_8);
    }
}
