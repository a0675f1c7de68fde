package org.sshstack.keys.pem;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.sshstack.keys.KeyFileException;

/**
 * One PEM block: the label, the RFC 1421 headers OpenSSL's legacy encryption adds, and the decoded body.
 * Parsing follows RFC 7468 §2-3 (explanatory text before the block is ignored, whitespace is tolerated) with strict
 * base64.
 *
 * @param label the label between {@code BEGIN} and the dashes, e.g. {@code RSA PRIVATE KEY}
 * @param headers the {@code Name: value} headers (only legacy encrypted files have any)
 * @param body the decoded body
 */
record PemBlock(String label, Map<String, String> headers, byte[] body) {

    /** Largest PEM text accepted, in characters. */
    static final int MAX_TEXT = 1024 * 1024;

    private static final String BEGIN = "-----BEGIN ";
    private static final String END = "-----END ";
    private static final String DASHES = "-----";
    private static final int MAX_HEADERS = 8;
    private static final int LINE_WIDTH = 64;

    /**
     * @param text a file's text
     * @return true if it has a PEM begin line
     */
    static boolean looksLikePem(String text) {
        return text != null && text.length() <= MAX_TEXT && findBegin(text.split("\r\n|\r|\n", -1)) >= 0;
    }

    /**
     * @param text a file's text
     * @return the first PEM block in it
     * @throws KeyFileException if there is none or it is malformed
     */
    static PemBlock parse(String text) throws KeyFileException {
        if (text.length() > MAX_TEXT) {
            throw new KeyFileException("PEM text is larger than " + MAX_TEXT + " characters");
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        int begin = findBegin(lines);
        if (begin < 0) {
            throw new KeyFileException("no PEM BEGIN line found");
        }
        String first = lines[begin].strip();
        String label = first.substring(BEGIN.length(), first.length() - DASHES.length());
        Map<String, String> headers = new LinkedHashMap<>();
        int at = begin + 1;
        while (at < lines.length && lines[at].indexOf(':') > 0 && !lines[at].startsWith(END)) {
            if (headers.size() == MAX_HEADERS) {
                throw new KeyFileException("PEM block has too many headers");
            }
            String line = lines[at++];
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
        }
        StringBuilder base64 = new StringBuilder();
        String endLine = END + label + DASHES;
        for (; at < lines.length; at++) {
            String line = lines[at].strip();
            if (line.equals(endLine)) {
                return new PemBlock(label, headers, decode(base64));
            }
            if (line.startsWith(DASHES)) {
                break;
            }
            base64.append(line);
        }
        throw new KeyFileException("PEM block " + label + " has no matching END line");
    }

    /**
     * @param label the label
     * @param der the body
     * @return the block as text, 64 characters a line (RFC 7468 §2), ending in a newline
     */
    static String encode(String label, byte[] der) {
        String base64 = Base64.getEncoder().encodeToString(der);
        StringBuilder out = new StringBuilder(base64.length() + 100);
        out.append(BEGIN).append(label).append(DASHES).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
            out.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
        }
        return out.append(END).append(label).append(DASHES).append('\n').toString();
    }

    private static int findBegin(String[] lines) {
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.startsWith(BEGIN) && line.endsWith(DASHES) && line.length() > BEGIN.length() + DASHES.length()) {
                return i;
            }
        }
        return -1;
    }

    private static byte[] decode(StringBuilder base64) throws KeyFileException {
        if (base64.length() > Der.MAX_DER * 4 / 3 + 4) {
            throw new KeyFileException("PEM body is larger than " + Der.MAX_DER + " bytes");
        }
        try {
            return Base64.getDecoder().decode(base64.toString());
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("PEM body is not valid base64");
        }
    }

    @Override
    public String toString() {
        return "PemBlock[" + label + ", " + body.length + " bytes]";
    }
}
