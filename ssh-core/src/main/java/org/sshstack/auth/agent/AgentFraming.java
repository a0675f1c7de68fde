package org.sshstack.auth.agent;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The agent protocol's message framing, {@code uint32 length || byte type || byte[length - 1] contents}
 * (RFC 9987 §3), with the bounds every reader enforces before it allocates (SECURITY.md D5).
 */
public final class AgentFraming {

    /** Largest message body accepted or sent: 256 KiB, as OpenSSH's agent (AGENT_MAX_LEN). */
    public static final int MAX_MESSAGE = 256 * 1024;

    /** Size of the length prefix. */
    public static final int HEADER = 4;

    private AgentFraming() {
    }

    /**
     * @param body a message body (type byte then contents)
     * @return the framed message, length prefix first
     * @throws AgentException if the body is empty or larger than {@link #MAX_MESSAGE}
     */
    public static byte[] frame(byte[] body) throws AgentException {
        if (body == null || body.length == 0 || body.length > MAX_MESSAGE) {
            throw new AgentException("agent request of " + (body == null ? 0 : body.length)
                    + " bytes is outside 1.." + MAX_MESSAGE);
        }
        byte[] out = new byte[HEADER + body.length];
        out[0] = (byte) (body.length >>> 24);
        out[1] = (byte) (body.length >>> 16);
        out[2] = (byte) (body.length >>> 8);
        out[3] = (byte) body.length;
        System.arraycopy(body, 0, out, HEADER, body.length);
        return out;
    }

    /**
     * Checks a received length prefix before anything of that size is allocated.
     *
     * @param header the four length bytes, big-endian
     * @return the body length, 1..{@link #MAX_MESSAGE}
     * @throws AgentException if the length is zero, negative or over the cap
     */
    public static int bodyLength(byte[] header) throws AgentException {
        if (header == null || header.length != HEADER) {
            throw new AgentException("agent reply length prefix must be 4 bytes");
        }
        long length = ((header[0] & 0xffL) << 24) | ((header[1] & 0xffL) << 16) | ((header[2] & 0xffL) << 8)
                | (header[3] & 0xffL);
        if (length == 0 || length > MAX_MESSAGE) {
            throw new AgentException("agent reply length " + length + " is outside 1.." + MAX_MESSAGE);
        }
        return (int) length;
    }

    /**
     * Reads one framed message from a stream, bounding its length before allocating.
     *
     * @param in the stream; its own timeouts (if any) apply to the blocking reads
     * @return the body (type byte then contents)
     * @throws AgentException if the stream ends early, fails, or the length is out of bounds
     */
    public static byte[] readFrame(InputStream in) throws AgentException {
        byte[] header = readFully(in, HEADER);
        return readFully(in, bodyLength(header));
    }

    private static byte[] readFully(InputStream in, int n) throws AgentException {
        try {
            byte[] out = in.readNBytes(n);
            if (out.length != n) {
                throw new EOFException("got " + out.length + " of " + n + " bytes");
            }
            return out;
        } catch (IOException e) {
            throw new AgentException("agent connection ended or failed while reading a reply", e);
        }
    }
}
