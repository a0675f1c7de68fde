package org.sshstack.sftp.server;

import java.nio.file.AccessDeniedException;
import java.time.Instant;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;

/**
 * What the operations of one SFTP session share: settings, the user, the jail and the open handles.
 *
 * @param config the server settings
 * @param user the authenticated user
 * @param root the user's jail
 * @param files opens inside the jail without following links
 * @param handles the open handles
 */
record SessionState(SftpServerConfig config, String user, SftpRoot root, JailedFiles files, HandleTable handles) {

    /** @return the current time of the configured clock */
    Instant now() {
        return config.clock().instant();
    }

    /**
     * @param handle a handle from the client
     * @return the open file it names
     * @throws SftpFailureException if it names no open file of this session
     */
    OpenHandle.File file(SftpHandle handle) throws SftpFailureException {
        if (handles.find(handle.bytes()).orElse(null) instanceof OpenHandle.File file) {
            return file;
        }
        throw new SftpFailureException("Invalid file handle", "");
    }

    /**
     * @param handle a handle from the client
     * @return the open directory it names
     * @throws SftpFailureException if it names no open directory of this session
     */
    OpenHandle.Directory directory(SftpHandle handle) throws SftpFailureException {
        if (handles.find(handle.bytes()).orElse(null) instanceof OpenHandle.Directory directory) {
            return directory;
        }
        throw new SftpFailureException("Invalid directory handle", "");
    }

    /** @throws AccessDeniedException in read-only mode */
    void requireWritable() throws AccessDeniedException {
        if (config.readOnly()) {
            throw SftpRoot.denied();
        }
    }
}
