package org.sshstack.sftp;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.sshstack.wire.SshWriter;

/**
 * The data of an OpenSSH extension request (PROTOCOL §4.3-§4.12), carried in an {@link SftpRequest.Extended}.
 * {@link #toRequest} builds the EXTENDED packet; {@link SftpExtensionDecoder} parses one.
 */
public sealed interface SftpExtensionRequest {

    /** @return the extension name */
    String name();

    /** @param out receives the request data that follows the name */
    void writeData(SshWriter out);

    /**
     * @param id the request id
     * @return the EXTENDED request
     */
    default SftpRequest.Extended toRequest(int id) {
        SshWriter out = new SshWriter();
        writeData(out);
        return new SftpRequest.Extended(id, name(), out.toByteArray());
    }

    /**
     * Two paths: posix-rename (§4.3) or hardlink (§4.5).
     *
     * @param name {@link SftpExtensionNames#POSIX_RENAME} or {@link SftpExtensionNames#HARDLINK}
     * @param oldPath the existing path
     * @param newPath the new path
     */
    record TwoPaths(String name, String oldPath, String newPath) implements SftpExtensionRequest {
        /** Checks the name and requires the paths. */
        public TwoPaths {
            check(Set.of(SftpExtensionNames.POSIX_RENAME, SftpExtensionNames.HARDLINK), name);
            Objects.requireNonNull(oldPath, "oldPath");
            Objects.requireNonNull(newPath, "newPath");
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(oldPath).writeString(newPath);
        }
    }

    /**
     * One path or name: statvfs (§4.4), expand-path (§4.9) or home-directory (§4.11, a user name, empty for the
     * current user).
     *
     * @param name the extension name
     * @param path the path or user name
     */
    record OnePath(String name, String path) implements SftpExtensionRequest {
        /** Checks the name and requires the path. */
        public OnePath {
            check(Set.of(SftpExtensionNames.STATVFS, SftpExtensionNames.EXPAND_PATH,
                    SftpExtensionNames.HOME_DIRECTORY), name);
            Objects.requireNonNull(path, "path");
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(path);
        }
    }

    /**
     * One handle: fstatvfs (§4.4) or fsync (§4.6).
     *
     * @param name the extension name
     * @param handle the open handle
     */
    record OneHandle(String name, SftpHandle handle) implements SftpExtensionRequest {
        /** Checks the name and requires the handle. */
        public OneHandle {
            check(Set.of(SftpExtensionNames.FSTATVFS, SftpExtensionNames.FSYNC), name);
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(handle.raw());
        }
    }

    /**
     * lsetstat@openssh.com (§4.7).
     *
     * @param path the path (a symbolic link is not followed)
     * @param attrs the attributes to set
     */
    record Lsetstat(String path, SftpAttributes attrs) implements SftpExtensionRequest {
        /** Requires the fields. */
        public Lsetstat {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(attrs, "attrs");
        }

        @Override
        public String name() {
            return SftpExtensionNames.LSETSTAT;
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(path);
            attrs.encode(out);
        }
    }

    /** limits@openssh.com (§4.8): no data. */
    record Limits() implements SftpExtensionRequest {
        @Override
        public String name() {
            return SftpExtensionNames.LIMITS;
        }

        @Override
        public void writeData(SshWriter out) {
            // PROTOCOL §4.8: the request carries nothing after the name.
        }
    }

    /**
     * copy-data (§4.10).
     *
     * @param readHandle the source handle
     * @param readOffset the source offset
     * @param length how many bytes (0: until end of file)
     * @param writeHandle the destination handle
     * @param writeOffset the destination offset
     */
    record CopyData(SftpHandle readHandle, long readOffset, long length, SftpHandle writeHandle, long writeOffset)
            implements SftpExtensionRequest {
        /** Requires the handles. */
        public CopyData {
            Objects.requireNonNull(readHandle, "readHandle");
            Objects.requireNonNull(writeHandle, "writeHandle");
        }

        @Override
        public String name() {
            return SftpExtensionNames.COPY_DATA;
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(readHandle.raw()).writeUint64(readOffset).writeUint64(length)
                    .writeString(writeHandle.raw()).writeUint64(writeOffset);
        }
    }

    /**
     * users-groups-by-id@openssh.com (§4.12).
     *
     * @param uids user ids (uint32 values)
     * @param gids group ids (uint32 values)
     */
    record UsersGroupsById(List<Long> uids, List<Long> gids) implements SftpExtensionRequest {
        /** Copies the lists. */
        public UsersGroupsById {
            uids = List.copyOf(uids);
            gids = List.copyOf(gids);
        }

        @Override
        public String name() {
            return SftpExtensionNames.USERS_GROUPS_BY_ID;
        }

        @Override
        public void writeData(SshWriter out) {
            out.writeString(ids(uids)).writeString(ids(gids));
        }

        private static byte[] ids(List<Long> values) {
            SshWriter out = new SshWriter(values.size() * 4);
            values.forEach(out::writeUint32);
            return out.toByteArray();
        }
    }

    private static void check(Set<String> allowed, String name) {
        if (!allowed.contains(name)) {
            throw new IllegalArgumentException("extension " + name + " does not fit this request shape");
        }
    }
}
