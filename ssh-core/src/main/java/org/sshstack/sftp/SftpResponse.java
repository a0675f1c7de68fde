package org.sshstack.sftp;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.sshstack.wire.SshWriter;

/**
 * A server reply of filexfer-02 §7 (every reply but VERSION, see {@link SftpHello}). Each record encodes to a
 * whole packet, length prefix included; {@link SftpResponseDecoder} parses them.
 */
public sealed interface SftpResponse {

    /** @return the id of the request this answers */
    int id();

    /** @return the packet, length prefix included */
    byte[] encode();

    /**
     * SSH_FXP_STATUS (filexfer-02 §7).
     *
     * @param id the request id
     * @param code the status code (see {@link SftpStatusCode})
     * @param message a human-readable message
     * @param languageTag the message's language tag (RFC 1766)
     */
    record Status(int id, int code, String message, String languageTag) implements SftpResponse {
        /** Requires the texts. */
        public Status {
            Objects.requireNonNull(message, "message");
            Objects.requireNonNull(languageTag, "languageTag");
        }

        /** @return an OK status for this request id */
        public static Status ok(int id) {
            return new Status(id, SftpStatusCode.OK.code(), "", "");
        }

        /** @return the code as a constant */
        public SftpStatusCode status() {
            return SftpStatusCode.of(code);
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(SftpPacketType.STATUS, id, message.length() + 16)
                    .writeUint32(code & 0xffffffffL).writeString(message).writeString(languageTag));
        }
    }

    /**
     * SSH_FXP_HANDLE (filexfer-02 §7).
     *
     * @param id the request id
     * @param handle the new handle
     */
    record Handle(int id, SftpHandle handle) implements SftpResponse {
        /** Requires the handle. */
        public Handle {
            Objects.requireNonNull(handle, "handle");
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(SftpPacketType.HANDLE, id, handle.length() + 4)
                    .writeString(handle.raw()));
        }
    }

    /**
     * SSH_FXP_DATA (filexfer-02 §7). Compared by content.
     *
     * @param id the request id
     * @param data the bytes read (not copied)
     */
    record Data(int id, byte[] data) implements SftpResponse {
        /** Requires the data. */
        public Data {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(SftpPacketType.DATA, id, data.length + 4).writeString(data));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Data d && id == d.id && Arrays.equals(data, d.data);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Data[id=" + id + ", " + data.length + " bytes]";
        }
    }

    /**
     * One entry of a NAME reply (filexfer-02 §7).
     *
     * @param filename the name (a bare name for READDIR, a path for REALPATH); untrusted
     * @param longname an {@code ls -l} style line, for display only
     * @param attrs the attributes (possibly {@link SftpAttributes#EMPTY})
     */
    record NameEntry(String filename, String longname, SftpAttributes attrs) {
        /** Requires every field. */
        public NameEntry {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(longname, "longname");
            Objects.requireNonNull(attrs, "attrs");
        }
    }

    /**
     * SSH_FXP_NAME (filexfer-02 §7).
     *
     * @param id the request id
     * @param entries the names
     */
    record Name(int id, List<NameEntry> entries) implements SftpResponse {
        /** Copies the list. */
        public Name {
            entries = List.copyOf(entries);
        }

        @Override
        public byte[] encode() {
            SshWriter out = SftpWire.start(SftpPacketType.NAME, id, 64 * entries.size() + 4)
                    .writeUint32(entries.size());
            for (NameEntry entry : entries) {
                out.writeString(entry.filename()).writeString(entry.longname());
                entry.attrs().encode(out);
            }
            return SftpWire.finish(out);
        }
    }

    /**
     * SSH_FXP_ATTRS (filexfer-02 §7).
     *
     * @param id the request id
     * @param attrs the attributes
     */
    record Attrs(int id, SftpAttributes attrs) implements SftpResponse {
        /** Requires the attributes. */
        public Attrs {
            Objects.requireNonNull(attrs, "attrs");
        }

        @Override
        public byte[] encode() {
            SshWriter out = SftpWire.start(SftpPacketType.ATTRS, id, 40);
            attrs.encode(out);
            return SftpWire.finish(out);
        }
    }

    /**
     * SSH_FXP_EXTENDED_REPLY (filexfer-02 §8): the extension-specific data is parsed by the records of
     * {@link SftpExtensionReplies}. Compared by content.
     *
     * @param id the request id
     * @param data the reply data after the id
     */
    record ExtendedReply(int id, byte[] data) implements SftpResponse {
        /** Requires the data. */
        public ExtendedReply {
            Objects.requireNonNull(data, "data");
        }

        @Override
        public byte[] encode() {
            return SftpWire.finish(SftpWire.start(SftpPacketType.EXTENDED_REPLY, id, data.length)
                    .writeBytes(data));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ExtendedReply r && id == r.id && Arrays.equals(data, r.data);
        }

        @Override
        public int hashCode() {
            return 31 * id + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "ExtendedReply[id=" + id + ", " + data.length + " bytes]";
        }
    }
}
