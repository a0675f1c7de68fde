package org.sshstack.wire;

import java.nio.charset.StandardCharsets;
import org.sshstack.SshProtocolException;

/** Shared checks for the message records: the leading message number and algorithm-style names. */
final class Payloads {

    /** Longest name (RFC 4251 §6: names MUST NOT be longer than 64 characters). */
    static final int MAX_NAME = 64;

    private Payloads() {
    }

    /**
     * Opens a payload for decoding after checking its message number.
     *
     * @param payload the whole payload, first byte the message number
     * @param number the expected message number
     * @return a reader positioned just after the message number
     */
    static SshReader open(byte[] payload, int number) throws SshProtocolException {
        if (payload.length == 0) {
            throw new SshProtocolException("empty payload where " + MessageNumbers.name(number) + " was expected");
        }
        int actual = payload[0] & 0xff;
        if (actual != number) {
            throw new SshProtocolException("expected " + MessageNumbers.name(number) + " (" + number + ") but got "
                    + MessageNumbers.name(actual) + " (" + actual + ")");
        }
        return new SshReader(payload, 1, payload.length - 1);
    }

    /**
     * @param number the message number
     * @return a writer holding the message number
     */
    static SshWriter start(int number) {
        return new SshWriter().writeByte(number);
    }

    /**
     * Reads a name (service, request or extension name): 1..64 printable US-ASCII characters, no space or comma
     * (RFC 4251 §6).
     *
     * @param in the reader
     * @param what what the name is, for the error message
     * @return the name
     */
    static String readName(SshReader in, String what) throws SshProtocolException {
        byte[] raw = in.readString(MAX_NAME);
        String name = new String(raw, StandardCharsets.ISO_8859_1);
        if (!isValidName(name)) {
            throw new SshProtocolException(what + " is empty or holds a byte outside printable US-ASCII");
        }
        return name;
    }

    /**
     * @param name a candidate name
     * @return true for 1..64 characters in 0x21..0x7e other than the comma (RFC 4251 §6)
     */
    static boolean isValidName(String name) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x21 || c > 0x7e || c == ',') {
                return false;
            }
        }
        return true;
    }

    /**
     * @param name a name given by local code
     * @param what what the name is, for the error message
     * @return the name
     * @throws IllegalArgumentException if it breaks RFC 4251 §6
     */
    static String requireName(String name, String what) {
        if (name == null || !isValidName(name)) {
            throw new IllegalArgumentException(what + " must be 1..64 printable US-ASCII characters without comma");
        }
        return name;
    }

    /**
     * @param value a uint32 value held in a long
     * @param what what the value is, for the error message
     * @return the value
     * @throws IllegalArgumentException if it is outside 0..2^32-1
     */
    static long requireUint32(long value, String what) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " must fit a uint32");
        }
        return value;
    }
}
