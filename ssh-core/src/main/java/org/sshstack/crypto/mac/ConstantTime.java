package org.sshstack.crypto.mac;

import java.security.MessageDigest;

/**
 * Constant-time comparisons for MACs and authentication tags (SECURITY.md B11: no early exit on the first differing byte).
 */
public final class ConstantTime {

    private ConstantTime() {
    }

    /**
     * Compares two whole arrays in time that depends only on their lengths.
     *
     * @param a the first array
     * @param b the second array
     * @return true when both have the same length and content
     */
    public static boolean equals(byte[] a, byte[] b) {
        // MessageDigest.isEqual has been constant-time for equal lengths since JDK 6u17.
        return MessageDigest.isEqual(a, b);
    }

    /**
     * Compares {@code len} bytes of two regions without allocating, in time that depends only on {@code len}.
     *
     * @param a the first array
     * @param aOff where the first region starts
     * @param b the second array
     * @param bOff where the second region starts
     * @param len how many bytes to compare
     * @return true when the regions are equal
     * @throws IndexOutOfBoundsException if a region lies outside its array (a caller bug, never peer input)
     */
    public static boolean equals(byte[] a, int aOff, byte[] b, int bOff, int len) {
        java.util.Objects.checkFromIndexSize(aOff, len, a.length);
        java.util.Objects.checkFromIndexSize(bOff, len, b.length);
        int diff = 0;
        for (int i = 0; i < len; i++) {
            diff |= a[aOff + i] ^ b[bOff + i];
        }
        return diff == 0;
    }
}
