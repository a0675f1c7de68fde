package org.sshstack.connection;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * The encoded terminal modes of a "pty-req" (RFC 4254 §8) as a bounded, ordered map of opcode to uint32 argument.
 *
 * <p>The stream is opcode bytes each followed by a uint32 argument, ended by TTY_OP_END (0); opcodes 160 to 255 are
 * undefined and stop parsing (RFC 4254 §8). The encoded length and the number of modes are capped (SECURITY.md B7:
 * russh GHSA-cqjc-rmpq-xprq).
 */
public final class TerminalModes {

    /** TTY_OP_END (RFC 4254 §8). */
    public static final int TTY_OP_END = 0;
    /** First opcode that stops parsing (RFC 4254 §8). */
    public static final int FIRST_UNDEFINED = 160;
    /** Largest encoded modes string accepted, in bytes. */
    public static final int MAX_ENCODED = 1024;
    /** Most modes accepted. */
    public static final int MAX_MODES = 128;
    /** VINTR (RFC 4254 §8). */
    public static final int VINTR = 1;
    /** ECHO (RFC 4254 §8). */
    public static final int ECHO = 53;
    /** TTY_OP_ISPEED (RFC 4254 §8). */
    public static final int TTY_OP_ISPEED = 128;
    /** TTY_OP_OSPEED (RFC 4254 §8). */
    public static final int TTY_OP_OSPEED = 129;

    private static final TerminalModes NONE = new TerminalModes(Map.of());

    private final Map<Integer, Long> modes;

    private TerminalModes(Map<Integer, Long> modes) {
        this.modes = modes;
    }

    /** @return no modes (encoded as a lone TTY_OP_END) */
    public static TerminalModes none() {
        return NONE;
    }

    /**
     * @param modes opcode (1..159) to argument (0..2^32-1), in the order to encode
     * @return the modes
     * @throws IllegalArgumentException if an opcode or argument is out of range, or there are too many
     */
    public static TerminalModes of(Map<Integer, Long> modes) {
        if (modes.size() > MAX_MODES) {
            throw new IllegalArgumentException("at most " + MAX_MODES + " terminal modes");
        }
        LinkedHashMap<Integer, Long> copy = new LinkedHashMap<>();
        modes.forEach((opcode, value) -> {
            if (opcode == null || opcode <= TTY_OP_END || opcode >= FIRST_UNDEFINED) {
                throw new IllegalArgumentException("terminal mode opcode must be 1..159");
            }
            if (value == null || value < 0 || value > 0xffffffffL) {
                throw new IllegalArgumentException("terminal mode argument must fit a uint32");
            }
            copy.put(opcode, value);
        });
        return new TerminalModes(Collections.unmodifiableMap(copy));
    }

    /** @return the modes, opcode to argument, in encoding order (unmodifiable) */
    public Map<Integer, Long> asMap() {
        return modes;
    }

    /** @return the encoded modes string content, ended by TTY_OP_END */
    public byte[] encode() {
        SshWriter out = new SshWriter(modes.size() * 5 + 1);
        modes.forEach((opcode, value) -> out.writeByte(opcode).writeUint32(value));
        return out.writeByte(TTY_OP_END).toByteArray();
    }

    /**
     * @param encoded the content of the "encoded terminal modes" string
     * @return the modes
     * @throws SshProtocolException if the stream is too long, holds too many modes, or is not terminated
     */
    public static TerminalModes decode(byte[] encoded) throws SshProtocolException {
        if (encoded.length > MAX_ENCODED) {
            throw new SshProtocolException("terminal modes of " + encoded.length + " bytes exceed " + MAX_ENCODED);
        }
        SshReader in = new SshReader(encoded);
        LinkedHashMap<Integer, Long> modes = new LinkedHashMap<>();
        while (true) {
            if (!in.hasRemaining()) {
                throw new SshProtocolException("terminal modes are not terminated by TTY_OP_END");
            }
            int opcode = in.readByte();
            if (opcode == TTY_OP_END || opcode >= FIRST_UNDEFINED) {
                break; // RFC 4254 §8: 0 ends the stream, 160..255 stop parsing
            }
            long value = in.readUint32();
            modes.put(opcode, value);
            if (modes.size() > MAX_MODES) {
                throw new SshProtocolException("more than " + MAX_MODES + " terminal modes");
            }
        }
        return new TerminalModes(Collections.unmodifiableMap(modes));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TerminalModes that && modes.equals(that.modes);
    }

    @Override
    public int hashCode() {
        return modes.hashCode();
    }

    @Override
    public String toString() {
        return "TerminalModes" + modes;
    }
}
