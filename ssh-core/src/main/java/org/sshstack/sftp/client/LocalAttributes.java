package org.sshstack.sftp.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.sshstack.sftp.SftpAttributes;

/** Converts between local file times and permissions and SFTP attributes, for preserving transfers. */
final class LocalAttributes {

    /** POSIX permission bits in the order of {@link PosixFilePermission}'s constants. */
    private static final int[] BITS = {0400, 0200, 0100, 040, 020, 010, 04, 02, 01};

    private LocalAttributes() {
    }

    /** @return the times and, where the file system has them, the permission bits of a local file */
    static SftpAttributes of(Path file) throws IOException {
        BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
        SftpAttributes attrs = SftpAttributes.EMPTY.withTimes(seconds(basic.lastAccessTime()),
                seconds(basic.lastModifiedTime()));
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        return posix == null ? attrs : attrs.withPermissions(mode(posix.readAttributes().permissions()));
    }

    /** Sets the times and permission bits present in {@code attrs} on a local file. */
    static void apply(Path file, SftpAttributes attrs) throws IOException {
        if (attrs.mtime().isPresent()) {
            Files.getFileAttributeView(file, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setTimes(
                    FileTime.from(attrs.mtime().getAsLong(), TimeUnit.SECONDS),
                    FileTime.from(attrs.atime().getAsLong(), TimeUnit.SECONDS), null);
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (attrs.permissions().isPresent() && posix != null) {
            posix.setPermissions(permissions((int) attrs.permissions().getAsLong() & 0777));
        }
    }

    /** filexfer-02 §5: times are uint32 seconds; one before 1970 or after 2106 is clamped, not an error. */
    private static long seconds(FileTime time) {
        return Math.max(0, Math.min(time.to(TimeUnit.SECONDS), 0xffffffffL));
    }

    private static int mode(Set<PosixFilePermission> permissions) {
        int mode = 0;
        for (PosixFilePermission p : permissions) {
            mode |= BITS[p.ordinal()];
        }
        return mode;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission p : PosixFilePermission.values()) {
            if ((mode & BITS[p.ordinal()]) != 0) {
                out.add(p);
            }
        }
        return out;
    }
}
