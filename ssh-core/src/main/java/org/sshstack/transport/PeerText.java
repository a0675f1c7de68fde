package org.sshstack.transport;

/** Makes a peer's text safe to log or show: control characters become '?' and the length is capped. */
final class PeerText {

    private static final int MAX = 256;

    private PeerText() {
    }

    /** Replaces control characters of a peer's text with '?' and caps its length. */
    static String sanitize(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), MAX));
        for (int i = 0; i < text.length() && i < MAX; i++) {
            char c = text.charAt(i);
            sb.append(c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) ? '?' : c);
        }
        return sb.toString();
    }
}
