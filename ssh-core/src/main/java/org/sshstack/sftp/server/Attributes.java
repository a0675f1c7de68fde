package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.sshstack.sftp.SftpAttributes;

/** Reads and writes file attributes for the SFTP server (filexfer-02 §5) through java.nio.file's "unix" view. */
final class Attributes {

    private static final long UINT32 = 0xffffffffL;

    private Attributes() {
    }

    /**
     * @param path a real path
     * @param options NOFOLLOW_LINKS for lstat
     * @return the attributes as the client sees them: size, ids, mode with type bits, times
     * @throws IOException if the file cannot be read
     */
    static SftpAttributes read(Path path, LinkOption... options) throws IOException {
        return of(readRaw(path, options));
    }

    /**
     * @param path a real path
     * @param options NOFOLLOW_LINKS for lstat
     * @return the "unix:*" attributes, or the basic ones where the file system has no unix view
     * @throws IOException if the file cannot be read
     */
    static Map<String, Object> readRaw(Path path, LinkOption... options) throws IOException {
        try {
            return Files.readAttributes(path, "unix:*", options);
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Files.readAttributes(path, "basic:*", options);
        }
    }

    /** @param raw attributes from {@link #readRaw} @return them as SFTP attributes */
    static SftpAttributes of(Map<String, Object> raw) {
        OptionalLong uid = uint32(raw.get("uid"));
        OptionalLong gid = uint32(raw.get("gid"));
        if (uid.isEmpty() || gid.isEmpty()) {
            uid = OptionalLong.empty();
            gid = OptionalLong.empty();
        }
        return new SftpAttributes(OptionalLong.of((Long) raw.get("size")), uid, gid, OptionalLong.of(mode(raw)),
                seconds(raw.get("lastAccessTime")), seconds(raw.get("lastModifiedTime")), List.of());
    }

    /** @param raw attributes from {@link #readRaw} @return the POSIX mode with its file type bits */
    static long mode(Map<String, Object> raw) {
        Object mode = raw.get("mode");
        if (mode instanceof Integer value) {
            return value & UINT32;
        }
        if (Boolean.TRUE.equals(raw.get("isDirectory"))) {
            return SftpAttributes.TYPE_DIRECTORY | 0755;
        }
        return (Boolean.TRUE.equals(raw.get("isSymbolicLink")) ? SftpAttributes.TYPE_SYMLINK
                : SftpAttributes.TYPE_REGULAR) | 0644;
    }

    /**
     * Applies SETSTAT attributes in the order of OpenSSH: size, permissions, times, owner (filexfer-02 §6.9).
     *
     * @param path a real path inside the root
     * @param attrs the attributes to set
     * @param truncate sets the size (opens the file without following links)
     * @param options NOFOLLOW_LINKS for lsetstat
     * @throws IOException if one change fails (the earlier ones stay)
     */
    static void apply(Path path, SftpAttributes attrs, SizeSetter truncate, LinkOption... options)
            throws IOException {
        if (attrs.size().isPresent()) {
            truncate.setSize(attrs.size().getAsLong());
        }
        if (attrs.permissions().isPresent()) {
            Files.setAttribute(path, "unix:mode", (int) (attrs.permissions().getAsLong() & 07777), options);
        }
        if (attrs.mtime().isPresent()) {
            FileTime mtime = FileTime.fromMillis(attrs.mtime().getAsLong() * 1000);
            FileTime atime = FileTime.fromMillis(attrs.atime().getAsLong() * 1000);
            Files.getFileAttributeView(path, BasicFileAttributeView.class, options).setTimes(mtime, atime, null);
        }
        if (attrs.uid().isPresent()) {
            Files.setAttribute(path, "unix:uid", (int) attrs.uid().getAsLong(), options);
            Files.setAttribute(path, "unix:gid", (int) attrs.gid().getAsLong(), options);
        }
    }

    /** Sets a file's size; the caller decides how the file is opened. */
    @FunctionalInterface
    interface SizeSetter {
        /** @param size the new size @throws IOException if it cannot be set */
        void setSize(long size) throws IOException;
    }

    /**
     * @param attrs the attributes of an OPEN or MKDIR request
     * @return the permissions a created file gets (the process umask still applies), none if not given
     */
    static FileAttribute<?>[] createMode(SftpAttributes attrs) {
        if (attrs.permissions().isEmpty()) {
            return new FileAttribute<?>[0];
        }
        String rwx = LongName.permissions(attrs.permissions().getAsLong() & 0777).substring(1);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(rwx))};
    }

    private static OptionalLong uint32(Object value) {
        return value instanceof Integer id ? OptionalLong.of(id & UINT32) : OptionalLong.empty();
    }

    private static OptionalLong seconds(Object time) {
        if (time instanceof FileTime value) {
            long seconds = value.toMillis() / 1000;
            return OptionalLong.of(Math.max(0, Math.min(seconds, UINT32)));
        }
        return OptionalLong.empty();
    }
}
