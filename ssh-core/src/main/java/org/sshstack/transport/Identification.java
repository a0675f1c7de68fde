package org.sshstack.transport;

import java.nio.charset.StandardCharsets;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/**
 * An identification string (RFC 4253 §4.2): {@code SSH-protoversion-softwareversion SP comments}, kept exactly as
 * sent, without CR LF, because it enters the exchange hash (V_C / V_S, RFC 4253 §8).
 *
 * <p>Rules: printable US-ASCII and space only (no NUL, no control bytes), at most {@link #MAX_LENGTH} characters,
 * a non-empty protoversion and softwareversion. The softwareversion is everything up to the first space; it may
 * contain '-' although RFC 4253 forbids it, because deployed peers send such strings ("SSH-2.0-Cisco-1.25").
 *
 * @param line the identification string without CR LF
 */
public record Identification(String line) {

    /** Longest identification string: 255 characters including CR LF (RFC 4253 §4.2). */
    public static final int MAX_LENGTH = 253;

    /** Our software name in {@code SSH-2.0-sshstack_<version>}. */
    public static final String SOFTWARE_NAME = "sshstack";

    /**
     * Validates the syntax (not the protocol version, see {@link #parse(String)}).
     *
     * @throws IllegalArgumentException if the line is malformed
     */
    public Identification {
        String problem = syntaxProblem(line);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses a peer's identification string and checks that it speaks SSH-2 (RFC 4253 §5.1: "1.99" means a
     * server that also speaks SSH-2).
     *
     * @param line the line without its CR LF
     * @return the identification
     * @throws SshProtocolException if the line is malformed
     * @throws SshException with {@link DisconnectReason#PROTOCOL_VERSION_NOT_SUPPORTED} for SSH-1 and others
     */
    public static Identification parse(String line) throws SshException {
        String problem = syntaxProblem(line);
        if (problem != null) {
            throw new SshProtocolException(problem);
        }
        Identification id = new Identification(line);
        String version = id.protocolVersion();
        if (!version.equals("2.0") && !version.equals("1.99")) {
            throw new SshException(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED,
                    "peer speaks protocol version " + version + " (\"" + line + "\"); only SSH-2.0 is supported");
        }
        return id;
    }

    /**
     * @param version our release, e.g. "0.1.0"; no space or '-'
     * @return {@code SSH-2.0-sshstack_<version>}
     */
    public static Identification sshstack(String version) {
        return of(SOFTWARE_NAME + "_" + version, "");
    }

    /**
     * @param softwareVersion the softwareversion field: printable US-ASCII, no space or '-' (RFC 4253 §4.2)
     * @param comments optional comments, empty for none
     * @return {@code SSH-2.0-softwareVersion[ SP comments]}
     * @throws IllegalArgumentException if a field breaks RFC 4253 §4.2
     */
    public static Identification of(String softwareVersion, String comments) {
        if (softwareVersion.isEmpty() || softwareVersion.indexOf('-') >= 0 || softwareVersion.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("softwareversion must be non-empty with no '-' or space");
        }
        return new Identification("SSH-2.0-" + softwareVersion + (comments.isEmpty() ? "" : " " + comments));
    }

    /** @return the protoversion field, e.g. "2.0" */
    public String protocolVersion() {
        return line.substring(4, line.indexOf('-', 4));
    }

    /** @return the softwareversion field: after the protoversion's '-' up to the first space */
    public String softwareVersion() {
        int start = line.indexOf('-', 4) + 1;
        int space = line.indexOf(' ', start);
        return space < 0 ? line.substring(start) : line.substring(start, space);
    }

    /** @return the comments after the first space, empty when there are none */
    public String comments() {
        int space = line.indexOf(' ', line.indexOf('-', 4) + 1);
        return space < 0 ? "" : line.substring(space + 1);
    }

    /** @return the line followed by CR LF, as sent on the wire */
    public byte[] toBytes() {
        return (line + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** @return the line's bytes without CR LF, as hashed into V_C / V_S */
    public byte[] hashBytes() {
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    private static String syntaxProblem(String line) {
        if (line == null || !line.startsWith("SSH-")) {
            return "identification string does not start with \"SSH-\"";
        }
        if (line.length() > MAX_LENGTH) {
            return "identification string is longer than 255 characters with CR LF";
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return "identification string contains a byte outside printable US-ASCII (0x"
                        + Integer.toHexString(c) + ")";
            }
        }
        int dash = line.indexOf('-', 4);
        int space = line.indexOf(' ');
        if (dash <= 4 || (space >= 0 && space < dash)) {
            return "identification string has no protoversion: \"" + line + "\"";
        }
        if (dash + 1 == line.length() || line.charAt(dash + 1) == ' ') {
            return "identification string has no softwareversion: \"" + line + "\"";
        }
        return null;
    }
}
