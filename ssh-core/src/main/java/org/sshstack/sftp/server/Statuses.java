package org.sshstack.sftp.server;

import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpStatusCode;

/**
 * Turns a failed operation into an SSH_FXP_STATUS reply (filexfer-02 §7), with the errno mapping of OpenSSH's
 * sftp-server. Messages are fixed words or the operating system's reason: never a server path, so a reply
 * never tells where the root is (SECURITY.md D1).
 */
final class Statuses {

    private Statuses() {
    }

    /**
     * @param id the request id
     * @param failure what went wrong
     * @return the STATUS reply
     */
    static SftpResponse.Status of(int id, Exception failure) {
        if (failure instanceof SftpException sftp) {
            return new SftpResponse.Status(id, sftp.statusCode(), sftp.serverMessage(), "");
        }
        if (failure instanceof AccessDeniedException || failure instanceof SecurityException) {
            return status(id, SftpStatusCode.PERMISSION_DENIED, "Permission denied");
        }
        if (failure instanceof NoSuchFileException || failure instanceof NotDirectoryException
                || failure instanceof FileSystemLoopException) {
            return status(id, SftpStatusCode.NO_SUCH_FILE, "No such file");
        }
        if (failure instanceof UnsupportedOperationException) {
            return status(id, SftpStatusCode.OP_UNSUPPORTED, "Operation unsupported");
        }
        return status(id, SftpStatusCode.FAILURE, reason(failure));
    }

    /**
     * @param id the request id
     * @param code the status
     * @param message the text for the user
     * @return the STATUS reply
     */
    static SftpResponse.Status status(int id, SftpStatusCode code, String message) {
        return new SftpResponse.Status(id, code.code(), message, "");
    }

    private static String reason(Exception failure) {
        if (failure instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (failure instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (failure instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return "Failure";
    }
}
