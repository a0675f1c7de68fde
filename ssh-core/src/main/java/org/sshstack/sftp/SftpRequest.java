package org.sshstack.sftp;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import org.sshstack.wire.SshWriter;

/**
 * A client request of filexfer-02 §6 (every request but INIT, see {@link SftpHello}). Each record encodes to a
 * whole packet, length prefix included; {@link SftpRequestDecoder} parses them.
 */
public sealed interface SftpRequest {

    /** @return the request id the reply will carry */
    int id();

    /** @return the packet type */
    int type();

    /** @return the packet, length prefix included */
    byte[] encode();

    /**
     * SSH_FXP_OPEN (filexfer-02 §6.3).
     *
     * @param id the request id
     * @param path the file name
     * @param pflags {@link OpenFlags} bits
     * @param attrs initial attributes for a created file
     */
    record Open(int id, String path, int pflags, SftpAttributes attrs) implements SftpRequest {
        /** Requires the path and attributes. */
        public Open {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(attrs, "attrs");
        }

        @Override
        public int type() {
            return SftpPacketType.OPEN;
        }

        @Override
        public byte[] encode() {
            SshWriter out = SftpWire.start(type(), id, path.length() + 32).writeString(path)
                    .writeUint32(pflags & 0xffffffffL);
            attrs.encode(out);
            return SftpWire.finish(out);
        }
    }

    /**
     * A request carrying only a handle: SSH_FXP_CLOSE (§6.3), SSH_FXP_FSTAT (§6.8), SSH_FXP_READDIR (§6.7).
     *
     * @param id the request id
     * @param type the packet type
     * @param handle the handle
     */
    record HandleRequest(int id, int type, SftpHandle handle) implements SftpRequest {
        private static final Set<Integer> TYPES = Set.of(SftpPacketType.CLOSE, SftpPacketType.FSTAT,
                SftpPacketType.READDIR);

        /** Checks the type and requires the handle. */
        public HandleRequest {
            requireType(TYPES, type);
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(type, id, handle.length() + 4).writeString(handle.raw()));
        }
    }

    /**
     * A request carrying only a path: SSH_FXP_LSTAT, STAT (§6.8), OPENDIR (§6.7), REMOVE (§6.5), RMDIR (§6.6),
     * REALPATH (§6.11), READLINK (§6.10).
     *
     * @param id the request id
     * @param type the packet type
     * @param path the path
     */
    record PathRequest(int id, int type, String path) implements SftpRequest {
        private static final Set<Integer> TYPES = Set.of(SftpPacketType.LSTAT, SftpPacketType.STAT,
                SftpPacketType.OPENDIR, SftpPacketType.REMOVE, SftpPacketType.RMDIR, SftpPacketType.REALPATH,
                SftpPacketType.READLINK);

        /** Checks the type and requires the path. */
        public PathRequest {
            requireType(TYPES, type);
            Objects.requireNonNull(path, "path");
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(type, id, path.length() + 4).writeString(path));
        }
    }

    /**
     * A path and attributes: SSH_FXP_SETSTAT (§6.9) or SSH_FXP_MKDIR (§6.6).
     *
     * @param id the request id
     * @param type the packet type
     * @param path the path
     * @param attrs the attributes to set
     */
    record PathAttrsRequest(int id, int type, String path, SftpAttributes attrs) implements SftpRequest {
        private static final Set<Integer> TYPES = Set.of(SftpPacketType.SETSTAT, SftpPacketType.MKDIR);

        /** Checks the type and requires the fields. */
        public PathAttrsRequest {
            requireType(TYPES, type);
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(attrs, "attrs");
        }

        @Override
        public byte[] encode() {
            SshWriter out = SftpWire.start(type, id, path.length() + 32).writeString(path);
            attrs.encode(out);
            return SftpWire.finish(out);
        }
    }

    /**
     * SSH_FXP_FSETSTAT (filexfer-02 §6.9).
     *
     * @param id the request id
     * @param handle the open handle
     * @param attrs the attributes to set
     */
    record Fsetstat(int id, SftpHandle handle, SftpAttributes attrs) implements SftpRequest {
        /** Requires the fields. */
        public Fsetstat {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(attrs, "attrs");
        }

        @Override
        public int type() {
            return SftpPacketType.FSETSTAT;
        }

        @Override
        public byte[] encode() {
            SshWriter out = SftpWire.start(type(), id, handle.length() + 32).writeString(handle.raw());
            attrs.encode(out);
            return SftpWire.finish(out);
        }
    }

    /**
     * Two paths in wire order: SSH_FXP_RENAME (§6.5: old, new) or SSH_FXP_SYMLINK (§6.10). For SYMLINK,
     * OpenSSH expects the target first and the link path second (PROTOCOL §4.1), the reverse of the draft.
     *
     * @param id the request id
     * @param type the packet type
     * @param first the first path on the wire
     * @param second the second path on the wire
     */
    record TwoPathRequest(int id, int type, String first, String second) implements SftpRequest {
        private static final Set<Integer> TYPES = Set.of(SftpPacketType.RENAME, SftpPacketType.SYMLINK);

        /** Checks the type and requires the paths. */
        public TwoPathRequest {
            requireType(TYPES, type);
            Objects.requireNonNull(first, "first");
            Objects.requireNonNull(second, "second");
        }

        @Override
        public byte[] encode() {
            int hint = first.length() + second.length() + 8;
            return SftpWire.finish(SftpWire.start(type, id, hint).writeString(first).writeString(second));
        }
    }

    /**
     * SSH_FXP_READ (filexfer-02 §6.4).
     *
     * @param id the request id
     * @param handle the file handle
     * @param offset the file offset (uint64)
     * @param length how many bytes at most (uint32, here at most 2^31-1)
     */
    record Read(int id, SftpHandle handle, long offset, int length) implements SftpRequest {
        /** Requires the handle and a non-negative length. */
        public Read {
            Objects.requireNonNull(handle, "handle");
            if (length < 0) {
                throw new IllegalArgumentException("negative read length");
            }
        }

        @Override
        public int type() {
            return SftpPacketType.READ;
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(type(), id, handle.length() + 16).writeString(handle.raw())
                    .writeUint64(offset).writeUint32(length));
        }
    }

    /**
     * SSH_FXP_WRITE (filexfer-02 §6.4). Compared by content.
     *
     * @param id the request id
     * @param handle the file handle
     * @param offset the file offset (uint64)
     * @param data the bytes to write
     */
    record Write(int id, SftpHandle handle, long offset, byte[] data) implements SftpRequest {
        /** Requires the fields (the data is not copied: the caller must not change it). */
        public Write {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int type() {
            return SftpPacketType.WRITE;
        }

        @Override
        public byte[] encode() {
            return encode(id, handle, offset, data, 0, data.length);
        }

        /**
         * Encodes a WRITE straight from a slice of a caller buffer: one copy, no intermediate record.
         *
         * @param id the request id
         * @param handle the file handle
         * @param offset the file offset
         * @param buffer the source
         * @param from where the data starts in {@code buffer}
         * @param length how many bytes
         * @return the packet, length prefix included
         */
        public static byte[] encode(int id, SftpHandle handle, long offset, byte[] buffer, int from, int length) {
            SshWriter out = SftpWire.start(SftpPacketType.WRITE, id, handle.length() + 20 + length)
                    .writeString(handle.raw()).writeUint64(offset).writeUint32(length);
            return SftpWire.finish(out.writeBytes(buffer, from, length));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Write w && id == w.id && offset == w.offset && handle.equals(w.handle)
                    && Arrays.equals(data, w.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, handle, offset, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Write[id=" + id + ", offset=" + offset + ", " + data.length + " bytes]";
        }
    }

    /**
     * SSH_FXP_EXTENDED (filexfer-02 §8): a named extension request; {@link SftpExtensionRequest} parses the data.
     *
     * @param id the request id
     * @param name the extension name
     * @param data the request-specific data that follows the name
     */
    record Extended(int id, String name, byte[] data) implements SftpRequest {
        /** Requires the fields. */
        public Extended {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(data, "data");
        }

        @Override
        public int type() {
            return SftpPacketType.EXTENDED;
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(type(), id, name.length() + data.length + 4).writeString(name)
                    .writeBytes(data));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Extended e && id == e.id && name.equals(e.name) && Arrays.equals(data, e.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(id, name, Arrays.hashCode(data));
        }

        @Override
        public String toString() {
            return "Extended[id=" + id + ", " + name + ", " + data.length + " bytes]";
        }
    }

    private static void requireType(Set<Integer> allowed, int type) {
        if (!allowed.contains(type)) {
            throw new IllegalArgumentException("packet type " + type + " does not fit this request shape");
        }
    }
}
