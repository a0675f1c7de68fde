package org.sshstack.sftp;

import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/**
 * Parses client request packets (filexfer-02 §6) into {@link SftpRequest} records. Bytes after a request's fields
 * are ignored, as OpenSSH's sftp-server does (rclone sends WRITE packets longer than their data string).
 */
public final class SftpRequestDecoder {

    private SftpRequestDecoder() {
    }

    /**
     * @param body a packet body: type byte first, no length prefix
     * @return the request
     * @throws SshProtocolException if the type is unknown or the packet is malformed
     */
    public static SftpRequest decode(byte[] body) throws SshProtocolException {
        SshReader in = new SshReader(body);
        int type = in.readByte();
        int id = in.readRawInt();
        SftpRequest request = switch (type) {
            case SftpPacketType.OPEN -> new SftpRequest.Open(id, SftpWire.readText(in), in.readRawInt(),
                    SftpAttributes.decode(in));
            case SftpPacketType.CLOSE, SftpPacketType.FSTAT, SftpPacketType.READDIR ->
                    new SftpRequest.HandleRequest(id, type, SftpWire.readHandle(in));
            case SftpPacketType.LSTAT, SftpPacketType.STAT, SftpPacketType.OPENDIR, SftpPacketType.REMOVE,
                    SftpPacketType.RMDIR, SftpPacketType.REALPATH, SftpPacketType.READLINK ->
                    new SftpRequest.PathRequest(id, type, SftpWire.readText(in));
            case SftpPacketType.SETSTAT, SftpPacketType.MKDIR ->
                    new SftpRequest.PathAttrsRequest(id, type, SftpWire.readText(in), SftpAttributes.decode(in));
            case SftpPacketType.FSETSTAT -> new SftpRequest.Fsetstat(id, SftpWire.readHandle(in),
                    SftpAttributes.decode(in));
            case SftpPacketType.RENAME, SftpPacketType.SYMLINK ->
                    new SftpRequest.TwoPathRequest(id, type, SftpWire.readText(in), SftpWire.readText(in));
            // filexfer-02 §6.4: the length is a uint32 and the server may return less; asking for 2^31 or more is
            // legal, so it is clamped rather than refused
            case SftpPacketType.READ -> new SftpRequest.Read(id, SftpWire.readHandle(in), in.readUint64(),
                    (int) Math.min(in.readUint32(), Integer.MAX_VALUE));
            case SftpPacketType.WRITE -> new SftpRequest.Write(id, SftpWire.readHandle(in), in.readUint64(),
                    in.readString(in.remaining()));
            case SftpPacketType.EXTENDED -> new SftpRequest.Extended(id, SftpWire.readText(in),
                    in.readBytes(in.remaining()));
            default -> throw new SshProtocolException("unknown SFTP request type " + type);
        };
        return request; // trailing bytes ignored: see the class comment
    }

    /**
     * @param body a packet body that failed to decode
     * @return its request id, or -1 when the body is too short to carry one (for a BAD_MESSAGE reply)
     */
    public static long peekId(byte[] body) {
        if (body.length < 5) {
            return -1;
        }
        return ((body[1] & 0xffL) << 24) | ((body[2] & 0xffL) << 16) | ((body[3] & 0xffL) << 8) | (body[4] & 0xffL);
    }
}
