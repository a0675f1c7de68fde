package org.sshstack.sftp;

/** The pflags bits of SSH_FXP_OPEN (filexfer-02 §6.3). */
public final class OpenFlags {

    /** SSH_FXF_READ: open for reading. */
    public static final int READ = 0x01;
    /** SSH_FXF_WRITE: open for writing. */
    public static final int WRITE = 0x02;
    /** SSH_FXF_APPEND: every write goes to the end of the file. */
    public static final int APPEND = 0x04;
    /** SSH_FXF_CREAT: create the file if it does not exist. */
    public static final int CREATE = 0x08;
    /** SSH_FXF_TRUNC: truncate an existing file (requires {@link #CREATE}). */
    public static final int TRUNCATE = 0x10;
    /** SSH_FXF_EXCL: fail if the file exists (requires {@link #CREATE}). */
    public static final int EXCLUSIVE = 0x20;

    private OpenFlags() {
    }
}
