package org.sshstack.keys.pem;

import java.io.IOException;
import org.bouncycastle.asn1.ASN1Primitive;
import org.sshstack.keys.KeyFileException;

/**
 * Parses DER through Bouncy Castle behind a pre-check of sizes and nesting depth, and turns every failure into a
 * {@link KeyFileException}, so hostile bytes cannot exhaust the stack or leak BC's unchecked exceptions (X.690 §8.1).
 */
final class Der {

    /** Largest DER structure accepted: an RSA-16384 PKCS#8 key is about 9.5 KiB. */
    static final int MAX_DER = 64 * 1024;

    /** Deepest nesting accepted; real keys need 5. */
    private static final int MAX_DEPTH = 16;

    /** A conversion step of Bouncy Castle that may throw unchecked exceptions on bad input. */
    @FunctionalInterface
    interface Step<T> {
        /** @return the converted value */
        T apply() throws IOException;
    }

    private Der() {
    }

    /**
     * @param der DER bytes holding exactly one element
     * @param what what is parsed, for the message
     * @return the parsed element
     * @throws KeyFileException if the bytes are not well-formed DER within the caps
     */
    static ASN1Primitive parse(byte[] der, String what) throws KeyFileException {
        if (der.length > MAX_DER) {
            throw new KeyFileException(what + " is larger than " + MAX_DER + " bytes");
        }
        int end = checkElements(der, 0, der.length, 0, what);
        if (end != der.length || der.length == 0) {
            throw new KeyFileException(what + " is not a single DER element");
        }
        return convert(() -> ASN1Primitive.fromByteArray(der), what);
    }

    /**
     * Runs one Bouncy Castle conversion ({@code getInstance}, accessors), mapping its failures.
     *
     * @param step the conversion
     * @param what what is converted, for the message
     * @return its result, never null
     * @throws KeyFileException if it fails or yields null
     */
    static <T> T convert(Step<T> step, String what) throws KeyFileException {
        T result = optional(step, what);
        if (result == null) {
            throw new KeyFileException(what + " is malformed");
        }
        return result;
    }

    /**
     * Like {@link #convert} for an element that may be absent.
     *
     * @param step the conversion
     * @param what what is converted, for the message
     * @return its result, or null when absent
     * @throws KeyFileException if it fails
     */
    static <T> T optional(Step<T> step, String what) throws KeyFileException {
        try {
            return step.apply();
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException
                | IndexOutOfBoundsException | ArithmeticException | NullPointerException e) {
            throw new KeyFileException(what + " is malformed");
        }
    }

    /** Walks TLV headers (X.690 §8.1.2-8.1.3), definite lengths only, returning where the last element ends. */
    private static int checkElements(byte[] der, int offset, int end, int depth, String what) throws KeyFileException {
        if (depth > MAX_DEPTH) {
            throw new KeyFileException(what + " is nested too deeply");
        }
        int at = offset;
        while (at < end) {
            int tag = der[at++] & 0xff;
            if ((tag & 0x1f) == 0x1f) {
                at = skipLongTag(der, at, end, what);
            }
            if (at >= end) {
                throw new KeyFileException(what + " is truncated");
            }
            int first = der[at++] & 0xff;
            long length = first;
            if (first == 0x80 || first == 0xff) {
                throw new KeyFileException(what + " uses an indefinite or reserved length");
            }
            if (first > 0x80) {
                int count = first & 0x7f;
                if (count > 3 || count > end - at) {
                    throw new KeyFileException(what + " has an oversized length");
                }
                length = 0;
                for (int i = 0; i < count; i++) {
                    length = (length << 8) | (der[at++] & 0xff);
                }
            }
            if (length > end - at) {
                throw new KeyFileException(what + " is truncated");
            }
            if ((tag & 0x20) != 0) {
                checkElements(der, at, at + (int) length, depth + 1, what);
            }
            at += (int) length;
            if (depth == 0) {
                return at;
            }
        }
        return at;
    }

    private static int skipLongTag(byte[] der, int offset, int end, String what) throws KeyFileException {
        int at = offset;
        for (int i = 0; i < 4; i++) {
            if (at >= end) {
                throw new KeyFileException(what + " is truncated");
            }
            if ((der[at++] & 0x80) == 0) {
                return at;
            }
        }
        throw new KeyFileException(what + " has an oversized tag");
    }
}
