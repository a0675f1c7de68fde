package org.sshstack.sftp.server;

import java.util.Map;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;

/**
 * The names of SFTP requests as OpenSSH's sftp-server spells them for its -p/-P lists ("open", "read",
 * "posix-rename"...): used by the allow and deny lists of {@link SftpServerConfig} and in the operation events.
 */
final class RequestNames {

    private static final Map<Integer, String> TYPES = Map.ofEntries(Map.entry(SftpPacketType.OPEN, "open"),
            Map.entry(SftpPacketType.CLOSE, "close"), Map.entry(SftpPacketType.READ, "read"),
            Map.entry(SftpPacketType.WRITE, "write"), Map.entry(SftpPacketType.LSTAT, "lstat"),
            Map.entry(SftpPacketType.FSTAT, "fstat"), Map.entry(SftpPacketType.SETSTAT, "setstat"),
            Map.entry(SftpPacketType.FSETSTAT, "fsetstat"), Map.entry(SftpPacketType.OPENDIR, "opendir"),
            Map.entry(SftpPacketType.READDIR, "readdir"), Map.entry(SftpPacketType.REMOVE, "remove"),
            Map.entry(SftpPacketType.MKDIR, "mkdir"), Map.entry(SftpPacketType.RMDIR, "rmdir"),
            Map.entry(SftpPacketType.REALPATH, "realpath"), Map.entry(SftpPacketType.STAT, "stat"),
            Map.entry(SftpPacketType.RENAME, "rename"), Map.entry(SftpPacketType.READLINK, "readlink"),
            Map.entry(SftpPacketType.SYMLINK, "symlink"));

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry(SftpExtensionNames.POSIX_RENAME, "posix-rename"),
            Map.entry(SftpExtensionNames.STATVFS, "statvfs"), Map.entry(SftpExtensionNames.FSTATVFS, "fstatvfs"),
            Map.entry(SftpExtensionNames.HARDLINK, "hardlink"), Map.entry(SftpExtensionNames.FSYNC, "fsync"),
            Map.entry(SftpExtensionNames.LSETSTAT, "lsetstat"), Map.entry(SftpExtensionNames.LIMITS, "limits"),
            Map.entry(SftpExtensionNames.EXPAND_PATH, "expand-path"),
            Map.entry(SftpExtensionNames.COPY_DATA, "copy-data"),
            Map.entry(SftpExtensionNames.HOME_DIRECTORY, "home-directory"),
            Map.entry(SftpExtensionNames.USERS_GROUPS_BY_ID, "users-groups-by-id"));

    private RequestNames() {
    }

    /** @param type a packet type @return whether it is a request this server knows (INIT aside) */
    static boolean isRequest(int type) {
        return TYPES.containsKey(type) || type == SftpPacketType.EXTENDED;
    }

    /** @param request a request @return its short name; "extended" for an extension this server does not know */
    static String of(SftpRequest request) {
        if (request instanceof SftpRequest.Extended extended) {
            return EXTENSIONS.getOrDefault(extended.name(), "extended");
        }
        return TYPES.get(request.type());
    }

    /** @return the extensions announced in VERSION (PROTOCOL §4.2) */
    static Iterable<String> extensions() {
        return EXTENSIONS.keySet();
    }
}
