package org.sshstack.wire;

import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sshstack.SshProtocolException;

/**
 * Reads the SSH data types of RFC 4251 §5 from a byte range, checking every length against what remains
 * and against {@link WireLimits} before allocating. Not thread-safe.
 */
public final class SshReader {

    private final byte[] data;
    private final int limit;
    private int position;

    /** @param data the bytes to read, in full */
    public SshReader(byte[] data) {
        this(data, 0, data.length);
    }

    /**
     * @param data the backing array (not copied)
     * @param offset where reading starts
     * @param length how many bytes may be read
     */
    public SshReader(byte[] data, int offset, int length) {
        if (offset < 0 || length < 0 || offset > data.length - length) {
            throw new IllegalArgumentException("range outside the array");
        }
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
    }

    /** @return how many bytes remain */
    public int remaining() {
        return limit - position;
    }

    /** @return true when bytes remain */
    public boolean hasRemaining() {
        return position < limit;
    }

    /** @throws SshProtocolException if any bytes remain (strict decoding: no trailing data) */
    public void expectEnd() throws SshProtocolException {
        if (position != limit) {
            throw new SshProtocolException(remaining() + " unexpected trailing bytes");
        }
    }

    /** @return the next byte, unsigned (0..255) */
    public int readByte() throws SshProtocolException {
        need(1, "byte");
        return data[position++] & 0xff;
    }

    /** @return the next boolean: any non-zero byte is true (RFC 4251 §5) */
    public boolean readBoolean() throws SshProtocolException {
        return readByte() != 0;
    }

    /** @return the next uint32 as a non-negative long */
    public long readUint32() throws SshProtocolException {
        need(4, "uint32");
        long value = ((data[position] & 0xffL) << 24) | ((data[position + 1] & 0xffL) << 16)
                | ((data[position + 2] & 0xffL) << 8) | (data[position + 3] & 0xffL);
        position += 4;
        return value;
    }

    /** @return the next uint32, which must fit a non-negative int */
    public int readInt() throws SshProtocolException {
        long value = readUint32();
        if (value > Integer.MAX_VALUE) {
            throw new SshProtocolException("uint32 value " + value + " is too large");
        }
        return (int) value;
    }

    /** @return the next uint32 bit pattern as an int (may be negative: for flags and sequence numbers) */
    public int readRawInt() throws SshProtocolException {
        return (int) readUint32();
    }

    /** @return the next uint64 bit pattern (compare with {@link Long#compareUnsigned}) */
    public long readUint64() throws SshProtocolException {
        long high = readUint32();
        long low = readUint32();
        return (high << 32) | low;
    }

    /** @return the next {@code n} raw bytes, no length prefix */
    public byte[] readBytes(int n) throws SshProtocolException {
        if (n < 0) {
            throw new SshProtocolException("negative length " + n);
        }
        need(n, "byte run");
        byte[] out = Arrays.copyOfRange(data, position, position + n);
        position += n;
        return out;
    }

    /** @return the next string as raw bytes, bounded by the packet cap */
    public byte[] readString() throws SshProtocolException {
        return readString(WireLimits.MAX_PACKET);
    }

    /**
     * @param max the largest length accepted
     * @return the next string as raw bytes
     */
    public byte[] readString(int max) throws SshProtocolException {
        return readBytes(readLength(max, "string"));
    }

    /** @return the next string decoded as strict UTF-8 (RFC 4251 §5: ISO-10646 UTF-8) */
    public String readUtf8() throws SshProtocolException {
        return decodeUtf8(readString());
    }

    /** @return the next string, which must be US-ASCII (algorithm and method names) */
    public String readAscii() throws SshProtocolException {
        byte[] raw = readString();
        for (byte b : raw) {
            if (b < 0x20 || b > 0x7e) {
                throw new SshProtocolException("name contains a non-printable or non-ASCII byte");
            }
        }
        return new String(raw, StandardCharsets.US_ASCII);
    }

    /** @return the next name-list (RFC 4251 §5), empty names rejected, 64 KiB cap */
    public List<String> readNameList() throws SshProtocolException {
        byte[] raw = readString(WireLimits.MAX_NAME_LIST);
        List<String> names = new ArrayList<>();
        if (raw.length == 0) {
            return names;
        }
        int start = 0;
        for (int i = 0; i <= raw.length; i++) {
            if (i == raw.length || raw[i] == ',') {
                names.add(nameAt(raw, start, i));
                start = i + 1;
            }
        }
        return names;
    }

    /** @return the next mpint (RFC 4251 §5): two's complement, canonical, at most 16384 bits */
    public BigInteger readMpint() throws SshProtocolException {
        int maxBytes = WireLimits.MAX_MPINT_BITS / 8 + 1;
        byte[] raw = readString(maxBytes);
        if (raw.length == 0) {
            return BigInteger.ZERO;
        }
        checkCanonical(raw);
        BigInteger value = new BigInteger(raw);
        if (value.bitLength() > WireLimits.MAX_MPINT_BITS) {
            throw new SshProtocolException("mpint of " + value.bitLength() + " bits exceeds the cap of "
                    + WireLimits.MAX_MPINT_BITS);
        }
        return value;
    }

    /** @return the next mpint, which must not be negative */
    public BigInteger readPositiveMpint() throws SshProtocolException {
        BigInteger value = readMpint();
        if (value.signum() < 0) {
            throw new SshProtocolException("mpint must not be negative");
        }
        return value;
    }

    private static void checkCanonical(byte[] raw) throws SshProtocolException {
        if (raw.length == 1 && raw[0] == 0) {
            throw new SshProtocolException("mpint zero must be encoded as an empty string");
        }
        if (raw.length < 2) {
            return;
        }
        boolean redundantZero = raw[0] == 0 && (raw[1] & 0x80) == 0;
        boolean redundantOnes = raw[0] == (byte) 0xff && (raw[1] & 0x80) != 0;
        if (redundantZero || redundantOnes) {
            throw new SshProtocolException("mpint has a redundant leading byte");
        }
    }

    private int readLength(int max, String what) throws SshProtocolException {
        long length = readUint32();
        if (length > max) {
            throw new SshProtocolException(what + " length " + length + " exceeds the cap of " + max);
        }
        if (length > remaining()) {
            throw new SshProtocolException(what + " length " + length + " exceeds the " + remaining() + " bytes left");
        }
        return (int) length;
    }

    private void need(int n, String what) throws SshProtocolException {
        if (n > remaining()) {
            throw new SshProtocolException("truncated " + what + ": need " + n + " bytes, " + remaining() + " left");
        }
    }

    private static String nameAt(byte[] raw, int from, int to) throws SshProtocolException {
        if (from == to) {
            throw new SshProtocolException("name-list contains an empty name");
        }
        for (int i = from; i < to; i++) {
            if (raw[i] < 0x21 || raw[i] > 0x7e) {
                throw new SshProtocolException("name-list contains a non-printable or non-ASCII byte");
            }
        }
        return new String(raw, from, to - from, StandardCharsets.US_ASCII);
    }

    /**
     * Decodes strict UTF-8, rejecting malformed sequences.
     *
     * @param raw the bytes
     * @return the text
     * @throws SshProtocolException if the bytes are not valid UTF-8
     */
    public static String decodeUtf8(byte[] raw) throws SshProtocolException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SshProtocolException("string is not valid UTF-8", e);
        }
    }
}
