package org.sshstack.sftp.client;

import java.io.InterruptedIOException;
import java.util.List;
import org.sshstack.SshException;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpOpUnsupportedException;
import org.sshstack.sftp.SftpResponse;

/**
 * The OpenSSH extension requests (PROTOCOL §4.3-§4.12), each sent only when the server announced the extension
 * with the expected version; otherwise the call throws {@link SftpOpUnsupportedException} without sending
 * anything. Every method throws the {@link SftpException} of the server's status on failure, another
 * {@link SshException} when the connection failed or on timeout, and {@link InterruptedIOException} if
 * interrupted. Thread-safe.
 */
public final class SftpClientExtensions {

    /** A request whose reply is parsed. */
    private interface Parser<T> {
        T parse(SftpResponse reply) throws SshException;
    }

    private final SftpClient client;

    SftpClientExtensions(SftpClient client) {
        this.client = client;
    }

    /**
     * @param name an extension name from {@link SftpExtensionNames}
     * @return true when the server announced it with the version this client speaks
     */
    public boolean supports(String name) {
        return client.announced(name);
    }

    /**
     * Renames with POSIX semantics: an existing target is replaced (PROTOCOL §4.3).
     *
     * @param oldPath the existing path
     * @param newPath the new path
     */
    public void posixRename(String oldPath, String newPath) throws SshException, InterruptedIOException {
        status(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.POSIX_RENAME, oldPath, newPath));
    }

    /**
     * Creates a hard link (PROTOCOL §4.5).
     *
     * @param oldPath the existing file
     * @param newPath the new link
     */
    public void hardlink(String oldPath, String newPath) throws SshException, InterruptedIOException {
        status(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.HARDLINK, oldPath, newPath));
    }

    /**
     * @param path any path on the file system (PROTOCOL §4.4)
     * @return the file system statistics
     */
    public SftpExtensionReplies.StatVfs statvfs(String path) throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.OnePath(SftpExtensionNames.STATVFS, path),
                r -> SftpExtensionReplies.StatVfs.decode(Replies.extended(r)));
    }

    /**
     * @param handle an open handle (PROTOCOL §4.4)
     * @return the file system statistics
     */
    public SftpExtensionReplies.StatVfs fstatvfs(SftpHandle handle) throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.OneHandle(SftpExtensionNames.FSTATVFS, handle),
                r -> SftpExtensionReplies.StatVfs.decode(Replies.extended(r)));
    }

    /**
     * Flushes an open file to stable storage on the server (PROTOCOL §4.6).
     *
     * @param handle an open file handle
     */
    public void fsync(SftpHandle handle) throws SshException, InterruptedIOException {
        status(new SftpExtensionRequest.OneHandle(SftpExtensionNames.FSYNC, handle));
    }

    /**
     * Sets attributes without following a symbolic link (PROTOCOL §4.7).
     *
     * @param path the path
     * @param attrs the attributes to set
     */
    public void lsetstat(String path, SftpAttributes attrs) throws SshException, InterruptedIOException {
        status(new SftpExtensionRequest.Lsetstat(path, attrs));
    }

    /** @return the server's packet, read, write and handle limits; 0 means none (PROTOCOL §4.8) */
    public SftpExtensionReplies.Limits limits() throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.Limits(), r -> SftpExtensionReplies.Limits.decode(Replies.extended(r)));
    }

    /**
     * @param path a path that may start with {@code ~} or {@code ~user} (PROTOCOL §4.9)
     * @return the expanded canonical path
     */
    public String expandPath(String path) throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.OnePath(SftpExtensionNames.EXPAND_PATH, path), Replies::singleName);
    }

    /**
     * @param user a user name, empty for the current user (PROTOCOL §4.11)
     * @return the user's home directory
     */
    public String homeDirectory(String user) throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.OnePath(SftpExtensionNames.HOME_DIRECTORY, user), Replies::singleName);
    }

    /**
     * Copies bytes between two open handles on the server (PROTOCOL §4.10).
     *
     * @param from the source handle (open for reading)
     * @param fromOffset the source offset
     * @param length how many bytes, 0 for all up to the end of file
     * @param to the destination handle (open for writing, not the same handle)
     * @param toOffset the destination offset
     */
    public void copyData(SftpHandle from, long fromOffset, long length, SftpHandle to, long toOffset)
            throws SshException, InterruptedIOException {
        status(new SftpExtensionRequest.CopyData(from, fromOffset, length, to, toOffset));
    }

    /**
     * @param uids user ids to name (PROTOCOL §4.12)
     * @param gids group ids to name
     * @return the names in request order, empty strings for unknown ids
     */
    public SftpExtensionReplies.UsersGroups usersGroupsById(List<Long> uids, List<Long> gids)
            throws SshException, InterruptedIOException {
        return call(new SftpExtensionRequest.UsersGroupsById(uids, gids),
                r -> SftpExtensionReplies.UsersGroups.decode(Replies.extended(r)));
    }

    private void status(SftpExtensionRequest request) throws SshException, InterruptedIOException {
        call(request, r -> {
            Replies.ok(r);
            return null;
        });
    }

    private <T> T call(SftpExtensionRequest request, Parser<T> parser) throws SshException, InterruptedIOException {
        if (!supports(request.name())) {
            throw new SftpOpUnsupportedException("the server does not offer " + request.name(), "");
        }
        return client.events().timed(request.name(), () -> parser.parse(client.callExtension(request)));
    }
}
