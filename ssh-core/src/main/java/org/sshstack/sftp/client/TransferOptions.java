package org.sshstack.sftp.client;

import java.util.Objects;

/**
 * How {@link SftpTransfers} copies files.
 *
 * @param preserve copy the modification and access times and the permission bits to the destination
 * @param resume continue a partial destination file: append from its current size instead of starting over
 * @param listener told about progress and refused names
 */
public record TransferOptions(boolean preserve, boolean resume, TransferListener listener) {

    /** Requires the listener. */
    public TransferOptions {
        Objects.requireNonNull(listener, "listener");
    }

    /** @return no preserve, no resume, no listener */
    public static TransferOptions defaults() {
        return new TransferOptions(false, false, TransferListener.NONE);
    }

    /** @return a copy with preserve set */
    public TransferOptions withPreserve(boolean value) {
        return new TransferOptions(value, resume, listener);
    }

    /** @return a copy with resume set */
    public TransferOptions withResume(boolean value) {
        return new TransferOptions(preserve, value, listener);
    }

    /** @return a copy with this listener */
    public TransferOptions withListener(TransferListener value) {
        return new TransferOptions(preserve, resume, value);
    }
}
