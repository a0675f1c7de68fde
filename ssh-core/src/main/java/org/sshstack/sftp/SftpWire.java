package org.sshstack.sftp;

import java.nio.charset.StandardCharsets;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** Helpers shared by the SFTP records: packet framing on encode, bounded strings, handles and counts on decode. */
final class SftpWire {

    private SftpWire() {
    }

    /**
     * Starts a packet: a length placeholder, then the type byte (filexfer-02 §3).
     *
     * @param type the packet type
     * @param sizeHint the expected packet size, so the buffer rarely grows
     * @return the writer to append the rest to
     */
    static SshWriter start(int type, int sizeHint) {
        return new SshWriter(sizeHint + 9).writeUint32(0).writeByte(type);
    }

    /** @return a request or response start: type then request id */
    static SshWriter start(int type, int id, int sizeHint) {
        return start(type, sizeHint).writeUint32(id & 0xffffffffL);
    }

    /**
     * @param out a packet begun by {@link #start}
     * @return the bytes with the uint32 length prefix filled in
     */
    static byte[] finish(SshWriter out) {
        byte[] packet = out.toByteArray();
        putLength(packet, packet.length - 4);
        return packet;
    }

    /** Writes {@code value} big-endian into the first four bytes. */
    static void putLength(byte[] packet, int value) {
        packet[0] = (byte) (value >>> 24);
        packet[1] = (byte) (value >>> 16);
        packet[2] = (byte) (value >>> 8);
        packet[3] = (byte) value;
    }

    /** @return the next string as text; bytes that are not UTF-8 become replacement characters */
    static String readText(SshReader in) throws SshProtocolException {
        return new String(in.readString(in.remaining()), StandardCharsets.UTF_8);
    }

    /** @return the next handle string, at most {@link SftpHandle#MAX_LENGTH} bytes (filexfer-02 §6.3) */
    static SftpHandle readHandle(SshReader in) throws SshProtocolException {
        byte[] raw = in.readString(in.remaining());
        if (raw.length > SftpHandle.MAX_LENGTH) {
            throw new SshProtocolException("SFTP handle of " + raw.length + " bytes exceeds "
                    + SftpHandle.MAX_LENGTH);
        }
        return new SftpHandle(raw);
    }

    /**
     * Reads an element count and checks that that many elements of at least {@code minBytes} each can fit in
     * what remains, before anything is allocated.
     */
    static int readCount(SshReader in, int minBytes, String what) throws SshProtocolException {
        long count = in.readUint32();
        if (count * minBytes > in.remaining()) {
            throw new SshProtocolException(what + " count " + count + " cannot fit in the " + in.remaining()
                    + " bytes left");
        }
        return (int) count;
    }

    /** Writes each pair as two strings: name then data. */
    static void writePairs(SshWriter out, java.util.List<ExtensionPair> pairs) {
        for (ExtensionPair pair : pairs) {
            out.writeString(pair.name()).writeString(pair.data());
        }
    }

    /** @return the next name/data pair */
    static ExtensionPair readPair(SshReader in) throws SshProtocolException {
        String name = readText(in);
        return new ExtensionPair(name, in.readString(in.remaining()));
    }

    /** @return a reader over a packet body whose first byte must be one of {@code types} */
    static SshReader open(byte[] body, int type) throws SshProtocolException {
        SshReader in = new SshReader(body);
        int actual = in.readByte();
        if (actual != type) {
            throw new SshProtocolException("expected SFTP packet type " + type + ", got " + actual);
        }
        return in;
    }
}
