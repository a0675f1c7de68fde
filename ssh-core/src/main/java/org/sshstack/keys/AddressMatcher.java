package org.sshstack.keys;

import java.util.List;

/**
 * IPv4/IPv6 address and CIDR matching for the {@code source-address} certificate option (PROTOCOL.certkeys) and the
 * {@code from=} authorized_keys option (sshd(8)). A small textual parser: no {@code java.net}, no name lookups.
 * As OpenSSH's addrmatch.c does, a CIDR block with host bits set is invalid and families never cross-match.
 */
public final class AddressMatcher {

    private AddressMatcher() {
    }

    /**
     * @param text a literal IPv4 ({@code 10.0.0.1}) or IPv6 ({@code 2001:db8::1}, {@code ::ffff:1.2.3.4}) address
     * @return its 4 or 16 bytes, or null if it is not a valid literal
     */
    public static byte[] parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text);
    }

    /**
     * @param cidr an address or {@code address/length} block
     * @return true if it is a valid block with no host bits set
     */
    public static boolean isValidCidr(String cidr) {
        return network(cidr) != null;
    }

    /**
     * @param cidr an address or {@code address/length} block
     * @param address a literal address
     * @return true if the address lies in the block; false for invalid input or a different family
     */
    public static boolean matchesCidr(String cidr, String address) {
        Object[] net = network(cidr);
        byte[] addr = parseAddress(address);
        if (net == null || addr == null) {
            return false;
        }
        byte[] prefix = (byte[]) net[0];
        return prefix.length == addr.length && samePrefix(prefix, addr, (Integer) net[1]);
    }

    /**
     * @param cidrs CIDR blocks, e.g. the comma-separated entries of {@code source-address}
     * @param address the client's address
     * @return true if any block contains it
     */
    public static boolean matchesAny(List<String> cidrs, String address) {
        return cidrs.stream().anyMatch(c -> matchesCidr(c, address));
    }

    private static Object[] network(String cidr) {
        int slash = cidr.indexOf('/');
        byte[] addr = parseAddress(slash < 0 ? cidr : cidr.substring(0, slash));
        if (addr == null) {
            return null;
        }
        int bits = addr.length * 8;
        if (slash >= 0) {
            bits = parseDecimal(cidr.substring(slash + 1), addr.length * 8);
            if (bits < 0) {
                return null;
            }
        }
        byte[] masked = addr.clone();
        for (int i = 0; i < masked.length * 8; i++) {
            if (i >= bits) {
                masked[i / 8] &= (byte) ~(0x80 >>> (i % 8));
            }
        }
        return java.util.Arrays.equals(masked, addr) ? new Object[] {addr, bits} : null;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int bits) {
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >>> (i % 8);
            if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            int value = parseDecimal(parts[i], 255);
            if (value < 0) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static int parseDecimal(String text, int max) {
        if (text.isEmpty() || text.length() > 3) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    // RFC 4291 §2.2: eight 16-bit hex groups, one "::" run of zeros, optionally a dotted IPv4 tail.
    private static byte[] parseIpv6(String text) {
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        byte[] out = new byte[16];
        String head = gap < 0 ? text : text.substring(0, gap);
        String tail = gap < 0 ? "" : text.substring(gap + 2);
        if (gap >= 0 && head.indexOf('.') >= 0) {
            return null;
        }
        int headLength = groups(head, out);
        byte[] tailBytes = new byte[16];
        int tailLength = groups(tail, tailBytes);
        if (headLength < 0 || tailLength < 0) {
            return null;
        }
        if (gap < 0) {
            return headLength == 16 ? out : null;
        }
        if (headLength + tailLength > 14) {
            return null;
        }
        System.arraycopy(tailBytes, 0, out, 16 - tailLength, tailLength);
        return out;
    }

    /** @return bytes written, or -1 when malformed; an IPv4 tail is allowed only in the last group */
    private static int groups(String part, byte[] out) {
        if (part.isEmpty()) {
            return 0;
        }
        String[] items = part.split(":", -1);
        int at = 0;
        for (int i = 0; i < items.length; i++) {
            String item = items[i];
            if (i == items.length - 1 && item.indexOf('.') >= 0) {
                byte[] v4 = parseIpv4(item);
                if (v4 == null || at + 4 > 16) {
                    return -1;
                }
                System.arraycopy(v4, 0, out, at, 4);
                return at + 4;
            }
            int value = parseHexGroup(item);
            if (value < 0 || at + 2 > 16) {
                return -1;
            }
            out[at++] = (byte) (value >>> 8);
            out[at++] = (byte) value;
        }
        return at;
    }

    private static int parseHexGroup(String item) {
        if (item.isEmpty() || item.length() > 4) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < item.length(); i++) {
            char c = item.charAt(i);
            int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) {
                return -1;
            }
            value = value * 16 + digit;
        }
        return value;
    }
}
