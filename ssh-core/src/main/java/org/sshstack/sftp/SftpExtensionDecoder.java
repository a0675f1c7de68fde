package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/** Parses the data of the OpenSSH extension requests (PROTOCOL §4.3-§4.12) for a server. */
public final class SftpExtensionDecoder {

    private SftpExtensionDecoder() {
    }

    /**
     * @param request an EXTENDED request
     * @return its parsed data
     * @throws SshProtocolException if the data is malformed or has trailing bytes
     * @throws SftpOpUnsupportedException if the extension is not one of PROTOCOL §4
     */
    public static SftpExtensionRequest decode(SftpRequest.Extended request) throws SshException {
        SshReader in = new SshReader(request.data());
        String name = request.name();
        SftpExtensionRequest parsed = switch (name) {
            case SftpExtensionNames.POSIX_RENAME, SftpExtensionNames.HARDLINK ->
                    new SftpExtensionRequest.TwoPaths(name, SftpWire.readText(in), SftpWire.readText(in));
            case SftpExtensionNames.STATVFS, SftpExtensionNames.EXPAND_PATH, SftpExtensionNames.HOME_DIRECTORY ->
                    new SftpExtensionRequest.OnePath(name, SftpWire.readText(in));
            case SftpExtensionNames.FSTATVFS, SftpExtensionNames.FSYNC ->
                    new SftpExtensionRequest.OneHandle(name, SftpWire.readHandle(in));
            case SftpExtensionNames.LSETSTAT ->
                    new SftpExtensionRequest.Lsetstat(SftpWire.readText(in), SftpAttributes.decode(in));
            case SftpExtensionNames.LIMITS -> new SftpExtensionRequest.Limits();
            case SftpExtensionNames.COPY_DATA -> new SftpExtensionRequest.CopyData(SftpWire.readHandle(in),
                    in.readUint64(), in.readUint64(), SftpWire.readHandle(in), in.readUint64());
            case SftpExtensionNames.USERS_GROUPS_BY_ID ->
                    new SftpExtensionRequest.UsersGroupsById(ids(in), ids(in));
            default -> throw new SftpOpUnsupportedException("unsupported extension " + name, "");
        };
        in.expectEnd();
        return parsed;
    }

    private static List<Long> ids(SshReader in) throws SshProtocolException {
        byte[] raw = in.readString(in.remaining());
        if (raw.length % 4 != 0) {
            throw new SshProtocolException("id list of " + raw.length + " bytes is not a multiple of 4");
        }
        SshReader ids = new SshReader(raw);
        List<Long> out = new ArrayList<>(raw.length / 4);
        while (ids.hasRemaining()) {
            out.add(ids.readUint32());
        }
        return out;
    }
}
