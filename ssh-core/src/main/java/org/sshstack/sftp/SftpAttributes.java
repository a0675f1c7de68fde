package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * File attributes (filexfer-02 §5): each group is present or absent, as its flag bit says. Owner ids and times
 * come in pairs, so {@code uid}/{@code gid} and {@code atime}/{@code mtime} are both present or both absent.
 *
 * @param size the file size in bytes
 * @param uid the owner's user id (uint32)
 * @param gid the owner's group id (uint32)
 * @param permissions the POSIX mode bits, file type included (uint32)
 * @param atime the access time, seconds since 1970 (uint32)
 * @param mtime the modification time, seconds since 1970 (uint32)
 * @param extended extended attributes (name/data pairs)
 */
public record SftpAttributes(OptionalLong size, OptionalLong uid, OptionalLong gid, OptionalLong permissions,
        OptionalLong atime, OptionalLong mtime, List<ExtensionPair> extended) {

    /** SSH_FILEXFER_ATTR_SIZE. */
    public static final int FLAG_SIZE = 0x1;
    /** SSH_FILEXFER_ATTR_UIDGID. */
    public static final int FLAG_UIDGID = 0x2;
    /** SSH_FILEXFER_ATTR_PERMISSIONS. */
    public static final int FLAG_PERMISSIONS = 0x4;
    /** SSH_FILEXFER_ATTR_ACMODTIME. */
    public static final int FLAG_ACMODTIME = 0x8;
    /** SSH_FILEXFER_ATTR_EXTENDED. */
    public static final int FLAG_EXTENDED = 0x80000000;

    /** The mask of the file type bits in {@link #permissions} (POSIX S_IFMT). */
    public static final int TYPE_MASK = 0170000;
    /** POSIX S_IFDIR. */
    public static final int TYPE_DIRECTORY = 0040000;
    /** POSIX S_IFREG. */
    public static final int TYPE_REGULAR = 0100000;
    /** POSIX S_IFLNK. */
    public static final int TYPE_SYMLINK = 0120000;

    /** No attributes at all (flags 0). */
    public static final SftpAttributes EMPTY = new SftpAttributes(OptionalLong.empty(), OptionalLong.empty(),
            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), List.of());

    private static final long UINT32 = 0xffffffffL;

    /** Checks the pairs and the uint32 ranges; copies the extended list. */
    public SftpAttributes {
        requirePair(uid, gid, "uid and gid");
        requirePair(atime, mtime, "atime and mtime");
        for (OptionalLong value : List.of(uid, gid, permissions, atime, mtime)) {
            if (value.isPresent() && (value.getAsLong() < 0 || value.getAsLong() > UINT32)) {
                throw new IllegalArgumentException("attribute value outside uint32: " + value.getAsLong());
            }
        }
        extended = List.copyOf(extended);
    }

    private static void requirePair(OptionalLong a, OptionalLong b, String what) {
        Objects.requireNonNull(a, what);
        Objects.requireNonNull(b, what);
        if (a.isPresent() != b.isPresent()) {
            throw new IllegalArgumentException(what + " must be both present or both absent");
        }
    }

    /** @return a copy with the size set */
    public SftpAttributes withSize(long newSize) {
        return new SftpAttributes(OptionalLong.of(newSize), uid, gid, permissions, atime, mtime, extended);
    }

    /** @return a copy with the owner ids set */
    public SftpAttributes withOwner(long newUid, long newGid) {
        return new SftpAttributes(size, OptionalLong.of(newUid), OptionalLong.of(newGid), permissions, atime, mtime,
                extended);
    }

    /** @return a copy with the permission bits set */
    public SftpAttributes withPermissions(long mode) {
        return new SftpAttributes(size, uid, gid, OptionalLong.of(mode), atime, mtime, extended);
    }

    /** @return a copy with access and modification times set (seconds since 1970) */
    public SftpAttributes withTimes(long newAtime, long newMtime) {
        return new SftpAttributes(size, uid, gid, permissions, OptionalLong.of(newAtime), OptionalLong.of(newMtime),
                extended);
    }

    /** @return a copy with these extended attributes */
    public SftpAttributes withExtended(List<ExtensionPair> pairs) {
        return new SftpAttributes(size, uid, gid, permissions, atime, mtime, pairs);
    }

    /** @return the flags word these attributes encode with */
    public int flags() {
        return (size.isPresent() ? FLAG_SIZE : 0) | (uid.isPresent() ? FLAG_UIDGID : 0)
                | (permissions.isPresent() ? FLAG_PERMISSIONS : 0) | (atime.isPresent() ? FLAG_ACMODTIME : 0)
                | (extended.isEmpty() ? 0 : FLAG_EXTENDED);
    }

    /** @return true when the permissions are present and say directory */
    public boolean isDirectory() {
        return hasType(TYPE_DIRECTORY);
    }

    /** @return true when the permissions are present and say regular file */
    public boolean isRegularFile() {
        return hasType(TYPE_REGULAR);
    }

    /** @return true when the permissions are present and say symbolic link */
    public boolean isSymbolicLink() {
        return hasType(TYPE_SYMLINK);
    }

    private boolean hasType(int type) {
        return permissions.isPresent() && (permissions.getAsLong() & TYPE_MASK) == type;
    }

    /** @param out receives the ATTRS structure (filexfer-02 §5) */
    public void encode(SshWriter out) {
        out.writeUint32(flags() & UINT32);
        size.ifPresent(out::writeUint64);
        uid.ifPresent(out::writeUint32);
        gid.ifPresent(out::writeUint32);
        permissions.ifPresent(out::writeUint32);
        atime.ifPresent(out::writeUint32);
        mtime.ifPresent(out::writeUint32);
        if (!extended.isEmpty()) {
            out.writeUint32(extended.size());
            SftpWire.writePairs(out, extended);
        }
    }

    /**
     * @param in positioned at an ATTRS structure
     * @return the attributes; unknown flag bits are ignored, as filexfer-02 §5 defines no others for version 3
     * @throws SshProtocolException if the structure is truncated or a count cannot fit
     */
    public static SftpAttributes decode(SshReader in) throws SshProtocolException {
        int flags = in.readRawInt();
        OptionalLong size = (flags & FLAG_SIZE) != 0 ? OptionalLong.of(in.readUint64()) : OptionalLong.empty();
        boolean owner = (flags & FLAG_UIDGID) != 0;
        OptionalLong uid = owner ? OptionalLong.of(in.readUint32()) : OptionalLong.empty();
        OptionalLong gid = owner ? OptionalLong.of(in.readUint32()) : OptionalLong.empty();
        OptionalLong mode = (flags & FLAG_PERMISSIONS) != 0 ? OptionalLong.of(in.readUint32()) : OptionalLong.empty();
        boolean times = (flags & FLAG_ACMODTIME) != 0;
        OptionalLong atime = times ? OptionalLong.of(in.readUint32()) : OptionalLong.empty();
        OptionalLong mtime = times ? OptionalLong.of(in.readUint32()) : OptionalLong.empty();
        List<ExtensionPair> extended = new ArrayList<>();
        if ((flags & FLAG_EXTENDED) != 0) {
            int count = SftpWire.readCount(in, 8, "extended attribute");
            for (int i = 0; i < count; i++) {
                extended.add(SftpWire.readPair(in));
            }
        }
        return new SftpAttributes(size, uid, gid, mode, atime, mtime, extended);
    }
}
