package org.sshstack.connection;

import java.util.Arrays;
import org.sshstack.wire.SshWriter;

/**
 * A typed channel request (RFC 4254 §6, RFC 4335, OpenSSH PROTOCOL §2): its type name and request-specific data.
 *
 * <p>Decode with {@link SessionRequests#decode(String, byte[])}; unknown types become {@link Unknown}.
 */
public sealed interface SessionRequest {

    /** @return the request type name as sent on the wire */
    String type();

    /** @return the request-specific data (everything after want-reply) */
    byte[] encodeData();

    /**
     * "pty-req" (RFC 4254 §6.2).
     *
     * @param term the TERM environment value, e.g. "xterm-256color"
     * @param columns terminal width in characters
     * @param rows terminal height in rows
     * @param widthPixels terminal width in pixels (0 if unknown)
     * @param heightPixels terminal height in pixels (0 if unknown)
     * @param modes the encoded terminal modes
     */
    record PtyRequest(String term, long columns, long rows, long widthPixels, long heightPixels,
            TerminalModes modes) implements SessionRequest {
        @Override
        public String type() {
            return "pty-req";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(term).writeUint32(columns).writeUint32(rows).writeUint32(widthPixels)
                    .writeUint32(heightPixels).writeString(modes.encode()).toByteArray();
        }
    }

    /**
     * "x11-req" (RFC 4254 §6.3.1); the cookie is never shown by {@link #toString()}.
     *
     * @param singleConnection whether only one X11 connection may be forwarded
     * @param authProtocol the X11 authentication protocol, e.g. "MIT-MAGIC-COOKIE-1"
     * @param authCookie the X11 authentication cookie (hex text as sent)
     * @param screen the X11 screen number
     */
    record X11Request(boolean singleConnection, String authProtocol, String authCookie, long screen)
            implements SessionRequest {
        @Override
        public String type() {
            return "x11-req";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeBoolean(singleConnection).writeString(authProtocol).writeString(authCookie)
                    .writeUint32(screen).toByteArray();
        }

        @Override
        public String toString() {
            return "X11Request[singleConnection=" + singleConnection + ", " + authProtocol + ", screen=" + screen
                    + "]";
        }
    }

    /**
     * "env" (RFC 4254 §6.4); {@link #toString()} shows the name only, as values may hold tokens.
     *
     * @param name the variable name
     * @param value the variable value
     */
    record Env(String name, String value) implements SessionRequest {
        @Override
        public String type() {
            return "env";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(name).writeString(value).toByteArray();
        }

        @Override
        public String toString() {
            return "Env[" + name + "=(" + value.length() + " characters)]";
        }
    }

    /** "shell" (RFC 4254 §6.5). */
    record Shell() implements SessionRequest {
        @Override
        public String type() {
            return "shell";
        }

        @Override
        public byte[] encodeData() {
            return new byte[0];
        }
    }

    /**
     * "exec" (RFC 4254 §6.5).
     *
     * @param command the command line
     */
    record Exec(String command) implements SessionRequest {
        @Override
        public String type() {
            return "exec";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(command).toByteArray();
        }
    }

    /**
     * "subsystem" (RFC 4254 §6.5).
     *
     * @param name the subsystem name, e.g. "sftp"
     */
    record Subsystem(String name) implements SessionRequest {
        @Override
        public String type() {
            return "subsystem";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(name).toByteArray();
        }
    }

    /**
     * "window-change" (RFC 4254 §6.7).
     *
     * @param columns terminal width in characters
     * @param rows terminal height in rows
     * @param widthPixels terminal width in pixels
     * @param heightPixels terminal height in pixels
     */
    record WindowChange(long columns, long rows, long widthPixels, long heightPixels) implements SessionRequest {
        @Override
        public String type() {
            return "window-change";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeUint32(columns).writeUint32(rows).writeUint32(widthPixels)
                    .writeUint32(heightPixels).toByteArray();
        }
    }

    /**
     * "xon-xoff" (RFC 4254 §6.8).
     *
     * @param clientCanDo whether the client may do flow control with control-S/control-Q
     */
    record XonXoff(boolean clientCanDo) implements SessionRequest {
        @Override
        public String type() {
            return "xon-xoff";
        }

        @Override
        public byte[] encodeData() {
            return new byte[] {(byte) (clientCanDo ? 1 : 0)};
        }
    }

    /**
     * "signal" (RFC 4254 §6.9).
     *
     * @param signalName the signal name without "SIG", e.g. "TERM" (see {@link SessionRequests#SIGNALS})
     */
    record Signal(String signalName) implements SessionRequest {
        @Override
        public String type() {
            return "signal";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(signalName).toByteArray();
        }
    }

    /**
     * "exit-status" (RFC 4254 §6.10).
     *
     * @param exitStatus the command's exit status (uint32)
     */
    record ExitStatus(long exitStatus) implements SessionRequest {
        @Override
        public String type() {
            return "exit-status";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeUint32(exitStatus).toByteArray();
        }
    }

    /**
     * "exit-signal" (RFC 4254 §6.10).
     *
     * @param signalName the signal name without "SIG"
     * @param coreDumped whether a core was dumped
     * @param errorMessage a human-readable message
     * @param languageTag the language tag (RFC 3066)
     */
    record ExitSignal(String signalName, boolean coreDumped, String errorMessage, String languageTag)
            implements SessionRequest {
        @Override
        public String type() {
            return "exit-signal";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeString(signalName).writeBoolean(coreDumped).writeString(errorMessage)
                    .writeString(languageTag).toByteArray();
        }
    }

    /**
     * "break" (RFC 4335 §3).
     *
     * @param lengthMillis the break length in milliseconds
     */
    record Break(long lengthMillis) implements SessionRequest {
        @Override
        public String type() {
            return "break";
        }

        @Override
        public byte[] encodeData() {
            return new SshWriter().writeUint32(lengthMillis).toByteArray();
        }
    }

    /** "eow@openssh.com" (OpenSSH PROTOCOL §2.1): the sender's output is closed; stop sending data. */
    record EndOfWrite() implements SessionRequest {
        @Override
        public String type() {
            return "eow@openssh.com";
        }

        @Override
        public byte[] encodeData() {
            return new byte[0];
        }
    }

    /** "keepalive@openssh.com" (OpenSSH): a liveness probe answered with CHANNEL_FAILURE. */
    record KeepAlive() implements SessionRequest {
        @Override
        public String type() {
            return "keepalive@openssh.com";
        }

        @Override
        public byte[] encodeData() {
            return new byte[0];
        }
    }

    /**
     * A request of a type this class does not model; its data is kept raw.
     *
     * @param type the request type name
     * @param data the request-specific data
     */
    record Unknown(String type, byte[] data) implements SessionRequest {
        /** Copies the data. */
        public Unknown {
            data = data.clone();
        }

        @Override
        public byte[] encodeData() {
            return data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Unknown that && type.equals(that.type) && Arrays.equals(data, that.data);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Unknown[" + type + ", " + data.length + " data bytes]";
        }
    }
}
