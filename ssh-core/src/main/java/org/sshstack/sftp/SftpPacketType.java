package org.sshstack.sftp;

/** The SFTP packet type numbers of filexfer-02 §3 (protocol version 3). */
public final class SftpPacketType {

    /** SSH_FXP_INIT: the client hello. */
    public static final int INIT = 1;
    /** SSH_FXP_VERSION: the server hello. */
    public static final int VERSION = 2;
    /** SSH_FXP_OPEN: open a file. */
    public static final int OPEN = 3;
    /** SSH_FXP_CLOSE: close a handle. */
    public static final int CLOSE = 4;
    /** SSH_FXP_READ: read from a file handle. */
    public static final int READ = 5;
    /** SSH_FXP_WRITE: write to a file handle. */
    public static final int WRITE = 6;
    /** SSH_FXP_LSTAT: attributes of a path, not following symbolic links. */
    public static final int LSTAT = 7;
    /** SSH_FXP_FSTAT: attributes of an open handle. */
    public static final int FSTAT = 8;
    /** SSH_FXP_SETSTAT: change the attributes of a path. */
    public static final int SETSTAT = 9;
    /** SSH_FXP_FSETSTAT: change the attributes of an open handle. */
    public static final int FSETSTAT = 10;
    /** SSH_FXP_OPENDIR: open a directory for listing. */
    public static final int OPENDIR = 11;
    /** SSH_FXP_READDIR: read the next names of a directory handle. */
    public static final int READDIR = 12;
    /** SSH_FXP_REMOVE: remove a file. */
    public static final int REMOVE = 13;
    /** SSH_FXP_MKDIR: create a directory. */
    public static final int MKDIR = 14;
    /** SSH_FXP_RMDIR: remove a directory. */
    public static final int RMDIR = 15;
    /** SSH_FXP_REALPATH: canonicalize a path. */
    public static final int REALPATH = 16;
    /** SSH_FXP_STAT: attributes of a path, following symbolic links. */
    public static final int STAT = 17;
    /** SSH_FXP_RENAME: rename a file. */
    public static final int RENAME = 18;
    /** SSH_FXP_READLINK: the target of a symbolic link. */
    public static final int READLINK = 19;
    /** SSH_FXP_SYMLINK: create a symbolic link. */
    public static final int SYMLINK = 20;
    /** SSH_FXP_STATUS: the result of a request. */
    public static final int STATUS = 101;
    /** SSH_FXP_HANDLE: a new handle. */
    public static final int HANDLE = 102;
    /** SSH_FXP_DATA: bytes read. */
    public static final int DATA = 103;
    /** SSH_FXP_NAME: one or more names with attributes. */
    public static final int NAME = 104;
    /** SSH_FXP_ATTRS: attributes. */
    public static final int ATTRS = 105;
    /** SSH_FXP_EXTENDED: a vendor extension request. */
    public static final int EXTENDED = 200;
    /** SSH_FXP_EXTENDED_REPLY: the reply to an extension request. */
    public static final int EXTENDED_REPLY = 201;

    private SftpPacketType() {
    }
}
