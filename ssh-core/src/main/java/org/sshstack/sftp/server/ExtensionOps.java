package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpResponse;

/** The OpenSSH extension requests of the SFTP server that are not plain path operations (PROTOCOL §4.4-§4.12). */
final class ExtensionOps {

    private static final int COPY_CHUNK = 64 * 1024;

    private final SessionState state;
    private long copied;

    ExtensionOps(SessionState state) {
        this.state = state;
    }

    /** statvfs@openssh.com and fstatvfs@openssh.com (PROTOCOL §4.4), from the JDK's {@link FileStore}. */
    SftpResponse statVfs(int id, Path real) throws IOException {
        FileStore store = Files.getFileStore(real);
        long block = Math.max(1, store.getBlockSize());
        long flags = store.isReadOnly() || state.config().readOnly() ? SftpExtensionReplies.StatVfs.READ_ONLY : 0;
        SftpExtensionReplies.StatVfs reply = new SftpExtensionReplies.StatVfs(block, block,
                store.getTotalSpace() / block, store.getUnallocatedSpace() / block, store.getUsableSpace() / block,
                0, 0, 0, 0, flags, SftpRoot.MAX_NAME);
        return new SftpResponse.ExtendedReply(id, reply.encode());
    }

    /** limits@openssh.com (PROTOCOL §4.8): the packet, read, write and handle caps of this server. */
    SftpResponse limits(int id) {
        SftpServerConfig config = state.config();
        int write = config.maxPacketLength() - 1024;
        return new SftpResponse.ExtendedReply(id, new SftpExtensionReplies.Limits(config.maxPacketLength(),
                config.maxReadLength(), write, config.maxHandles()).encode());
    }

    /**
     * expand-path@openssh.com (PROTOCOL §4.9): "~" and "~user" (this user only) are the root, the rest is
     * REALPATH.
     */
    SftpResponse expandPath(int id, String path) throws IOException {
        String expanded = path;
        if (path.equals("~") || path.startsWith("~/")) {
            expanded = "/" + path.substring(1);
        } else if (path.startsWith("~")) {
            int slash = path.indexOf('/');
            String user = path.substring(1, slash < 0 ? path.length() : slash);
            if (!user.equals(state.user())) {
                throw new SftpNoSuchFileException("No such user", "");
            }
            expanded = "/" + (slash < 0 ? "" : path.substring(slash));
        }
        return PathOps.name(id, PathOps.existing(state.root(), expanded));
    }

    /** home-directory (PROTOCOL §4.11): "/" for this user (or ""), no other user is known. */
    SftpResponse homeDirectory(int id, String user) throws IOException {
        if (!user.isEmpty() && !user.equals(state.user())) {
            throw new SftpNoSuchFileException("No such user", "");
        }
        return PathOps.name(id, "/");
    }

    /** users-groups-by-id@openssh.com (PROTOCOL §4.12): every name empty, the host's accounts stay private. */
    SftpResponse usersGroups(int id, SftpExtensionRequest.UsersGroupsById request) {
        SftpExtensionReplies.UsersGroups reply = new SftpExtensionReplies.UsersGroups(
                Collections.nCopies(request.uids().size(), ""), Collections.nCopies(request.gids().size(), ""));
        return new SftpResponse.ExtendedReply(id, reply.encode());
    }

    /** copy-data (PROTOCOL §4.10): length 0 copies to the end of the source. */
    SftpResponse copyData(int id, SftpExtensionRequest.CopyData request) throws IOException {
        state.requireWritable();
        OpenHandle.File from = state.file(request.readHandle());
        OpenHandle.File to = state.file(request.writeHandle());
        if (from == to || !from.readable() || !to.writable()) {
            throw new SftpFailureException("copy-data needs two handles: one readable, one writable", "");
        }
        copied = 0;
        // PROTOCOL §4.10: length 0 means up to the end of file, taken as it is now, and no copy reads past it: a
        // target that is the same file (another handle, or APPEND) grows as it is written, and reading to a
        // moving end would never stop
        long end = Math.max(0, from.channel().size() - Math.max(0, request.readOffset()));
        long length = request.length(); // uint64: a "negative" one is beyond any end of file
        long remaining = length == 0 || Long.compareUnsigned(length, end) > 0 ? end : length;
        ByteBuffer buffer = ByteBuffer.allocate(COPY_CHUNK);
        long readAt = request.readOffset();
        long writeAt = request.writeOffset();
        while (remaining > 0 && readAt >= 0) {
            buffer.clear().limit((int) Math.min(COPY_CHUNK, remaining));
            int n = from.channel().position(readAt).read(buffer);
            if (n <= 0) {
                break;
            }
            HandleOps.writeAt(to, writeAt, buffer.flip());
            readAt += n;
            writeAt += n;
            remaining -= n;
            copied += n;
        }
        return SftpResponse.Status.ok(id);
    }

    /** @return the bytes moved by the last copy-data */
    long copied() {
        return copied;
    }
}
