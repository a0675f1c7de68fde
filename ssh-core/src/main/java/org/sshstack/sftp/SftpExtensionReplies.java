package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.List;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** The EXTENDED_REPLY data of the OpenSSH extensions (PROTOCOL §4.4, §4.8, §4.12). */
public final class SftpExtensionReplies {

    private SftpExtensionReplies() {
    }

    /**
     * The statvfs/fstatvfs reply (PROTOCOL §4.4): eleven uint64 values.
     *
     * @param blockSize f_bsize
     * @param fragmentSize f_frsize, the unit of the block counts
     * @param blocks f_blocks
     * @param freeBlocks f_bfree
     * @param availableBlocks f_bavail, free for non-root
     * @param files f_files, total inodes
     * @param freeFiles f_ffree
     * @param availableFiles f_favail
     * @param fsid f_fsid
     * @param flags f_flag: {@link #READ_ONLY}, {@link #NO_SUID}
     * @param nameMax f_namemax, the longest file name
     */
    public record StatVfs(long blockSize, long fragmentSize, long blocks, long freeBlocks, long availableBlocks,
            long files, long freeFiles, long availableFiles, long fsid, long flags, long nameMax) {

        /** SSH_FXE_STATVFS_ST_RDONLY. */
        public static final long READ_ONLY = 0x1;
        /** SSH_FXE_STATVFS_ST_NOSUID. */
        public static final long NO_SUID = 0x2;

        /** @return the reply data */
        public byte[] encode() {
            SshWriter out = new SshWriter(88);
            for (long value : new long[] {blockSize, fragmentSize, blocks, freeBlocks, availableBlocks, files,
                    freeFiles, availableFiles, fsid, flags, nameMax}) {
                out.writeUint64(value);
            }
            return out.toByteArray();
        }

        /**
         * @param data EXTENDED_REPLY data
         * @return the statistics
         * @throws SshProtocolException if the data is not eleven uint64 values
         */
        public static StatVfs decode(byte[] data) throws SshProtocolException {
            SshReader in = new SshReader(data);
            StatVfs value = new StatVfs(in.readUint64(), in.readUint64(), in.readUint64(), in.readUint64(),
                    in.readUint64(), in.readUint64(), in.readUint64(), in.readUint64(), in.readUint64(),
                    in.readUint64(), in.readUint64());
            in.expectEnd();
            return value;
        }
    }

    /**
     * The limits@openssh.com reply (PROTOCOL §4.8); 0 means "no specific limit".
     *
     * @param maxPacketLength the largest packet
     * @param maxReadLength the largest READ length
     * @param maxWriteLength the largest WRITE length
     * @param maxOpenHandles the most open handles
     */
    public record Limits(long maxPacketLength, long maxReadLength, long maxWriteLength, long maxOpenHandles) {

        /** @return the reply data */
        public byte[] encode() {
            return new SshWriter(32).writeUint64(maxPacketLength).writeUint64(maxReadLength)
                    .writeUint64(maxWriteLength).writeUint64(maxOpenHandles).toByteArray();
        }

        /**
         * @param data EXTENDED_REPLY data
         * @return the limits
         * @throws SshProtocolException if the data is not four uint64 values
         */
        public static Limits decode(byte[] data) throws SshProtocolException {
            SshReader in = new SshReader(data);
            Limits value = new Limits(in.readUint64(), in.readUint64(), in.readUint64(), in.readUint64());
            in.expectEnd();
            return value;
        }
    }

    /**
     * The users-groups-by-id@openssh.com reply (PROTOCOL §4.12): names in request order, empty when unknown.
     *
     * @param users user names
     * @param groups group names
     */
    public record UsersGroups(List<String> users, List<String> groups) {

        /** Copies the lists. */
        public UsersGroups {
            users = List.copyOf(users);
            groups = List.copyOf(groups);
        }

        /** @return the reply data */
        public byte[] encode() {
            return new SshWriter().writeString(names(users)).writeString(names(groups)).toByteArray();
        }

        private static byte[] names(List<String> names) {
            SshWriter out = new SshWriter();
            names.forEach(out::writeString);
            return out.toByteArray();
        }

        /**
         * @param data EXTENDED_REPLY data
         * @return the names
         * @throws SshProtocolException if the data is malformed
         */
        public static UsersGroups decode(byte[] data) throws SshProtocolException {
            SshReader in = new SshReader(data);
            UsersGroups value = new UsersGroups(names(in), names(in));
            in.expectEnd();
            return value;
        }

        private static List<String> names(SshReader outer) throws SshProtocolException {
            SshReader in = new SshReader(outer.readString(outer.remaining()));
            List<String> names = new ArrayList<>();
            while (in.hasRemaining()) {
                names.add(SftpWire.readText(in));
            }
            return names;
        }
    }
}
