package org.sshstack.keys.openssh;

import java.util.Base64;
import org.sshstack.keys.KeyFileException;

/** The text armor of an openssh-key-v1 file: base64 between BEGIN/END OPENSSH PRIVATE KEY lines, 70 columns. */
final class OpenSshArmor {

    static final String BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    static final String END = "-----END OPENSSH PRIVATE KEY-----";

    /** Line width ssh-keygen uses for the base64 body (sshkey.c, 70 columns). */
    private static final int LINE_WIDTH = 70;

    /** Largest armored text accepted: far above any real key (a 16384-bit RSA key is about 13 KiB). */
    static final int MAX_TEXT_CHARS = 1 << 20;

    private OpenSshArmor() {
    }

    /**
     * @param text file contents
     * @return true if the text holds an openssh-key-v1 BEGIN line
     */
    static boolean recognizes(CharSequence text) {
        return text.toString().contains(BEGIN);
    }

    /**
     * @param text the armored file
     * @return the binary key
     * @throws KeyFileException if the armor or base64 is malformed or the text is too long
     */
    static byte[] decode(String text) throws KeyFileException {
        if (text.length() > MAX_TEXT_CHARS) {
            throw new KeyFileException("private key file is too large");
        }
        int begin = text.indexOf(BEGIN);
        if (begin < 0) {
            throw new KeyFileException("not an OpenSSH private key: missing " + BEGIN);
        }
        int bodyStart = begin + BEGIN.length();
        int end = text.indexOf(END, bodyStart);
        if (end < 0) {
            throw new KeyFileException("OpenSSH private key is truncated: missing " + END);
        }
        if (!text.substring(end + END.length()).isBlank()) {
            throw new KeyFileException("unexpected text after " + END);
        }
        StringBuilder body = new StringBuilder(end - bodyStart);
        for (int i = bodyStart; i < end; i++) {
            char c = text.charAt(i);
            if (c != '\n' && c != '\r' && c != ' ' && c != '\t') {
                body.append(c);
            }
        }
        try {
            return Base64.getDecoder().decode(body.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("OpenSSH private key body is not valid base64");
        }
    }

    /**
     * @param binary the binary key
     * @return the armored text, ending in a newline
     */
    static String encode(byte[] binary) {
        String base64 = Base64.getEncoder().encodeToString(binary);
        StringBuilder out = new StringBuilder(base64.length() + base64.length() / LINE_WIDTH + 80);
        out.append(BEGIN).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
            out.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }
}
