package org.sshstack.wire;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Writes the SSH data types of RFC 4251 §5 into a growable buffer. Not thread-safe. */
public final class SshWriter {

    private byte[] buffer;
    private int size;

    /** Starts with a small buffer. */
    public SshWriter() {
        this(64);
    }

    /** @param initialCapacity the starting buffer size */
    public SshWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** @return how many bytes were written */
    public int size() {
        return size;
    }

    /** @return a copy of the bytes written */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** Forgets what was written, overwriting it with zeros (for buffers that held secrets). */
    public void wipe() {
        Arrays.fill(buffer, (byte) 0);
        size = 0;
    }

    /** @param value the low 8 bits are written */
    public SshWriter writeByte(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    /** @param value written as 1 or 0 */
    public SshWriter writeBoolean(boolean value) {
        return writeByte(value ? 1 : 0);
    }

    /** @param value the low 32 bits are written, big-endian */
    public SshWriter writeUint32(long value) {
        ensure(4);
        buffer[size] = (byte) (value >>> 24);
        buffer[size + 1] = (byte) (value >>> 16);
        buffer[size + 2] = (byte) (value >>> 8);
        buffer[size + 3] = (byte) value;
        size += 4;
        return this;
    }

    /** @param value written as a uint64, big-endian */
    public SshWriter writeUint64(long value) {
        writeUint32(value >>> 32);
        return writeUint32(value & 0xffffffffL);
    }

    /** @param bytes written raw, with no length prefix */
    public SshWriter writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    /**
     * @param bytes the source
     * @param offset where to start
     * @param length how many bytes to write raw
     */
    public SshWriter writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** @param bytes written as a string: uint32 length then the bytes */
    public SshWriter writeString(byte[] bytes) {
        writeUint32(bytes.length);
        return writeBytes(bytes);
    }

    /** @param text written as a UTF-8 string */
    public SshWriter writeString(String text) {
        return writeString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param names written as a name-list: comma-separated US-ASCII (RFC 4251 §5)
     * @throws IllegalArgumentException if a name is empty, contains a comma, or is not printable US-ASCII
     */
    public SshWriter writeNameList(List<String> names) {
        for (String name : names) {
            checkName(name);
        }
        return writeString(String.join(",", names).getBytes(StandardCharsets.US_ASCII));
    }

    private static void checkName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name-list entries must not be empty");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                throw new IllegalArgumentException("name-list entry is not printable US-ASCII without commas: "
                        + name);
            }
        }
    }

    /** @param value written as a canonical mpint: minimal two's complement, zero as empty (RFC 4251 §5) */
    public SshWriter writeMpint(BigInteger value) {
        if (value.signum() == 0) {
            return writeUint32(0);
        }
        return writeString(value.toByteArray());
    }

    /**
     * Writes an unsigned magnitude as a canonical mpint, adding a zero byte when the high bit is set and
     * dropping redundant leading zeros (shared secrets of X25519 and ECDH: RFC 8731 §3.1, RFC 5656 §4).
     *
     * @param magnitude big-endian unsigned bytes
     */
    public SshWriter writeMpintMagnitude(byte[] magnitude) {
        return writeMpint(new BigInteger(1, magnitude));
    }

    private void ensure(int extra) {
        if (extra > buffer.length - size) {
            long wanted = Math.max((long) buffer.length * 2, (long) size + extra);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("SSH message too large");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
