package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * SSH_FXP_INIT or SSH_FXP_VERSION (filexfer-02 §4): a protocol version and extension pairs (PROTOCOL §4.2).
 *
 * @param type {@link SftpPacketType#INIT} or {@link SftpPacketType#VERSION}
 * @param version the protocol version (3 here)
 * @param extensions the announced extensions: name and version text
 */
public record SftpHello(int type, long version, List<ExtensionPair> extensions) {

    /** The version this codec speaks. */
    public static final int VERSION_3 = 3;

    /** Checks the type and copies the list. */
    public SftpHello {
        if (type != SftpPacketType.INIT && type != SftpPacketType.VERSION) {
            throw new IllegalArgumentException("not a hello type: " + type);
        }
        extensions = List.copyOf(extensions);
    }

    /** @return a client INIT for version 3, no extensions */
    public static SftpHello init() {
        return new SftpHello(SftpPacketType.INIT, VERSION_3, List.of());
    }

    /** @return a server VERSION for version 3 with these extensions */
    public static SftpHello version(List<ExtensionPair> extensions) {
        return new SftpHello(SftpPacketType.VERSION, VERSION_3, extensions);
    }

    /** @return the packet, length prefix included */
    public byte[] encode() {
        SshWriter out = SftpWire.start(type, 64).writeUint32(version);
        SftpWire.writePairs(out, extensions);
        return SftpWire.finish(out);
    }

    /**
     * @param body a packet body (type byte first, no length prefix)
     * @return the hello
     * @throws SshProtocolException if it is not a well-formed INIT or VERSION
     */
    public static SftpHello decode(byte[] body) throws SshProtocolException {
        SshReader in = new SshReader(body);
        int type = in.readByte();
        if (type != SftpPacketType.INIT && type != SftpPacketType.VERSION) {
            throw new SshProtocolException("expected SFTP INIT or VERSION, got type " + type);
        }
        long version = in.readUint32();
        List<ExtensionPair> pairs = new ArrayList<>();
        while (in.hasRemaining()) {
            pairs.add(SftpWire.readPair(in));
        }
        return new SftpHello(type, version, pairs);
    }
}
