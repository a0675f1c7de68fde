package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/** Parses server reply packets (filexfer-02 §7) into {@link SftpResponse} records; strict, no trailing bytes. */
public final class SftpResponseDecoder {

    /** The smallest NAME entry: two empty strings and a flags word. */
    private static final int MIN_NAME_ENTRY = 12;

    private SftpResponseDecoder() {
    }

    /**
     * @param body a packet body: type byte first, no length prefix
     * @return the reply
     * @throws SshProtocolException if the type is unknown or the packet is malformed
     */
    public static SftpResponse decode(byte[] body) throws SshProtocolException {
        SshReader in = new SshReader(body);
        int type = in.readByte();
        int id = in.readRawInt();
        SftpResponse response = switch (type) {
            case SftpPacketType.STATUS -> status(id, in);
            case SftpPacketType.HANDLE -> new SftpResponse.Handle(id, SftpWire.readHandle(in));
            case SftpPacketType.DATA -> new SftpResponse.Data(id, in.readString(in.remaining()));
            case SftpPacketType.NAME -> new SftpResponse.Name(id, names(in));
            case SftpPacketType.ATTRS -> new SftpResponse.Attrs(id, SftpAttributes.decode(in));
            case SftpPacketType.EXTENDED_REPLY -> new SftpResponse.ExtendedReply(id, in.readBytes(in.remaining()));
            default -> throw new SshProtocolException("unknown SFTP reply type " + type);
        };
        in.expectEnd();
        return response;
    }

    private static SftpResponse.Status status(int id, SshReader in) throws SshProtocolException {
        int code = in.readRawInt();
        // filexfer-02 §7: message and language tag; some old servers omit both, so accept their absence.
        if (!in.hasRemaining()) {
            return new SftpResponse.Status(id, code, "", "");
        }
        String message = SftpWire.readText(in);
        String language = in.hasRemaining() ? SftpWire.readText(in) : "";
        return new SftpResponse.Status(id, code, message, language);
    }

    private static List<SftpResponse.NameEntry> names(SshReader in) throws SshProtocolException {
        int count = SftpWire.readCount(in, MIN_NAME_ENTRY, "NAME entry");
        List<SftpResponse.NameEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String filename = SftpWire.readText(in);
            String longname = SftpWire.readText(in);
            entries.add(new SftpResponse.NameEntry(filename, longname, SftpAttributes.decode(in)));
        }
        return entries;
    }
}
