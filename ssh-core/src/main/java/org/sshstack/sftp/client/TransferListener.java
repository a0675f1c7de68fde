package org.sshstack.sftp.client;

/**
 * Told about the progress of {@link SftpTransfers} and about server names it refused to use locally. Both methods
 * default to doing nothing; they run on the transferring thread and should be quick.
 */
public interface TransferListener {

    /** A listener that ignores everything. */
    TransferListener NONE = new TransferListener() {
    };

    /**
     * @param path the remote path being transferred
     * @param done bytes done so far (resumed bytes included)
     * @param total the file size, -1 when unknown
     */
    default void progress(String path, long done, long total) {
    }

    /**
     * A name from a server's directory listing was skipped (SECURITY.md D2).
     *
     * @param remoteDirectory the remote directory listed
     * @param name the name, in a printable form ({@link SafeLocalNames#printable})
     * @param reason why it was refused
     */
    default void nameRejected(String remoteDirectory, String name, String reason) {
    }
}
