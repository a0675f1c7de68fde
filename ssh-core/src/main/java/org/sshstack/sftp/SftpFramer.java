package org.sshstack.sftp;

import org.sshstack.SshProtocolException;

/**
 * Splits a byte stream into SFTP packets (filexfer-02 §3: uint32 length, then that many bytes). Holds at most one
 * packet: the length is checked against the cap before the body is allocated, and {@link #feed} stops consuming
 * once a packet is complete until {@link #next} takes it. Not thread-safe.
 */
public final class SftpFramer {

    /** The default packet cap: 256 KiB of data plus room for the header fields. */
    public static final int DEFAULT_MAX_PACKET = 256 * 1024 + 1024;

    private final int maxPacket;
    private final byte[] header = new byte[4];
    private int headerFilled;
    private byte[] body;
    private int bodyFilled;

    /** A framer with the default cap. */
    public SftpFramer() {
        this(DEFAULT_MAX_PACKET);
    }

    /** @param maxPacket the largest packet length accepted (at least 5) */
    public SftpFramer(int maxPacket) {
        if (maxPacket < 5) {
            throw new IllegalArgumentException("packet cap too small: " + maxPacket);
        }
        this.maxPacket = maxPacket;
    }

    /**
     * Consumes bytes until one packet is complete.
     *
     * @param data the source
     * @param offset where to start
     * @param length how many bytes are available
     * @return how many bytes were consumed (fewer than {@code length} when a packet completed)
     * @throws SshProtocolException if a length is zero or above the cap
     */
    public int feed(byte[] data, int offset, int length) throws SshProtocolException {
        int used = 0;
        if (headerFilled < 4) {
            int n = Math.min(4 - headerFilled, length);
            System.arraycopy(data, offset, header, headerFilled, n);
            headerFilled += n;
            used = n;
            if (headerFilled < 4) {
                return used;
            }
            body = new byte[checkLength(readLength(header), maxPacket)];
        }
        int n = Math.min(body.length - bodyFilled, length - used);
        System.arraycopy(data, offset + used, body, bodyFilled, n);
        bodyFilled += n;
        return used + n;
    }

    /** @return the next complete packet body (type byte first), or null when none is complete yet */
    public byte[] next() {
        if (body == null || bodyFilled < body.length) {
            return null;
        }
        byte[] packet = body;
        body = null;
        bodyFilled = 0;
        headerFilled = 0;
        return packet;
    }

    /** @return true when a partial packet is buffered */
    public boolean hasPartial() {
        return headerFilled > 0;
    }

    /**
     * @param header four bytes, big-endian
     * @return the uint32 they hold
     */
    public static long readLength(byte[] header) {
        return ((header[0] & 0xffL) << 24) | ((header[1] & 0xffL) << 16) | ((header[2] & 0xffL) << 8)
                | (header[3] & 0xffL);
    }

    /**
     * @param length a packet length from the wire
     * @param max the cap
     * @return the length as an int
     * @throws SshProtocolException if it is zero (no type byte) or above the cap
     */
    public static int checkLength(long length, int max) throws SshProtocolException {
        if (length < 1 || length > max) {
            throw new SshProtocolException("SFTP packet length " + length + " outside 1.." + max);
        }
        return (int) length;
    }
}
