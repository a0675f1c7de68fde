package org.sshstack.sftp;

/** Names of the OpenSSH SFTP extensions (PROTOCOL §4.3-§4.12) and the versions this codec speaks. */
public final class SftpExtensionNames {

    /** PROTOCOL §4.3, version "1": rename with POSIX semantics. */
    public static final String POSIX_RENAME = "posix-rename@openssh.com";
    /** PROTOCOL §4.4, version "2": file system statistics of a path. */
    public static final String STATVFS = "statvfs@openssh.com";
    /** PROTOCOL §4.4, version "2": file system statistics of an open handle. */
    public static final String FSTATVFS = "fstatvfs@openssh.com";
    /** PROTOCOL §4.5, version "1": create a hard link. */
    public static final String HARDLINK = "hardlink@openssh.com";
    /** PROTOCOL §4.6, version "1": fsync an open handle. */
    public static final String FSYNC = "fsync@openssh.com";
    /** PROTOCOL §4.7, version "1": setstat without following symbolic links. */
    public static final String LSETSTAT = "lsetstat@openssh.com";
    /** PROTOCOL §4.8, version "1": the server's packet, read, write and handle limits. */
    public static final String LIMITS = "limits@openssh.com";
    /** PROTOCOL §4.9, version "1": realpath with tilde expansion. */
    public static final String EXPAND_PATH = "expand-path@openssh.com";
    /** PROTOCOL §4.10, version "1": server-side copy between two handles. */
    public static final String COPY_DATA = "copy-data";
    /** PROTOCOL §4.11, version "1": a user's home directory. */
    public static final String HOME_DIRECTORY = "home-directory";
    /** PROTOCOL §4.12, version "1": user and group names of numeric ids. */
    public static final String USERS_GROUPS_BY_ID = "users-groups-by-id@openssh.com";

    private SftpExtensionNames() {
    }

    /**
     * @param name an extension name
     * @return the version this codec speaks for it ("2" for the statvfs pair, "1" for the others), or null
     */
    public static String versionOf(String name) {
        return switch (name) {
            case STATVFS, FSTATVFS -> "2";
            case POSIX_RENAME, HARDLINK, FSYNC, LSETSTAT, LIMITS, EXPAND_PATH, COPY_DATA, HOME_DIRECTORY,
                    USERS_GROUPS_BY_ID -> "1";
            default -> null;
        };
    }
}
