package org.sshstack.keys.openssh;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.SshPublicKey;

/**
 * The SSH public key file format of RFC 4716 ({@code ---- BEGIN SSH2 PUBLIC KEY ----}), as {@code ssh-keygen -e}
 * writes and {@code ssh-keygen -i -m RFC4716} reads it: headers with {@code \} continuation, a quoted Comment
 * header, base64 body, lines of at most 72 bytes.
 */
public final class Rfc4716PublicKeyFile {

    /** RFC 4716 §3.2. */
    public static final String BEGIN = "---- BEGIN SSH2 PUBLIC KEY ----";
    /** RFC 4716 §3.2. */
    public static final String END = "---- END SSH2 PUBLIC KEY ----";

    /** RFC 4716 §3: each line is at most 72 bytes, not counting the terminator. */
    public static final int MAX_LINE_BYTES = 72;

    /** RFC 4716 §3.3: header tags at most 64 bytes. */
    private static final int MAX_TAG = 64;
    /** RFC 4716 §3.3: header values at most 1024 bytes. */
    private static final int MAX_VALUE = 1024;
    private static final int MAX_TEXT = 256 * 1024;
    private static final int BODY_WIDTH = 70;

    private Rfc4716PublicKeyFile() {
    }

    /**
     * A decoded RFC 4716 file.
     *
     * @param key the public key
     * @param comment the Comment header with surrounding quotes removed, or empty
     * @param headers every header in file order, tag as written
     */
    public record Entry(SshPublicKey key, String comment, List<Map.Entry<String, String>> headers) {

        /** Copies the header list. */
        public Entry {
            Objects.requireNonNull(key, "key");
            comment = comment == null ? "" : comment;
            headers = List.copyOf(headers);
        }
    }

    /**
     * @param text the file contents
     * @return the key, comment and headers
     * @throws KeyFileException if the file is malformed
     */
    public static Entry read(String text) throws KeyFileException {
        if (text.length() > MAX_TEXT) {
            throw new KeyFileException("RFC 4716 file is too large");
        }
        List<String> lines = text.lines().map(String::stripTrailing).toList();
        int at = 0;
        while (at < lines.size() && lines.get(at).isBlank()) {
            at++;
        }
        if (at >= lines.size() || !lines.get(at).strip().equals(BEGIN)) {
            throw new KeyFileException("not an RFC 4716 public key: missing " + BEGIN);
        }
        at++;
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String comment = "";
        while (at < lines.size() && lines.get(at).indexOf(':') >= 0) {
            StringBuilder header = new StringBuilder();
            at = joinContinued(lines, at, header);
            Map.Entry<String, String> parsed = parseHeader(header.toString());
            headers.add(parsed);
            if (parsed.getKey().toLowerCase(Locale.ROOT).equals("comment")) {
                comment = unquote(parsed.getValue());
            }
        }
        StringBuilder body = new StringBuilder();
        for (; at < lines.size() && !lines.get(at).strip().equals(END); at++) {
            checkLength(lines.get(at));
            body.append(lines.get(at).strip());
        }
        if (at >= lines.size()) {
            throw new KeyFileException("RFC 4716 public key is truncated: missing " + END);
        }
        SshPublicKey key = OpenSshPublicKeyFile.decodeBlob(body.toString());
        return new Entry(key, comment, headers);
    }

    // RFC 4716 §3.3: a line ending in a backslash continues on the next line
    private static int joinContinued(List<String> lines, int at, StringBuilder header) throws KeyFileException {
        int index = at;
        while (true) {
            if (index >= lines.size()) {
                throw new KeyFileException("RFC 4716 header continues past the end of the file");
            }
            String line = lines.get(index++);
            checkLength(line);
            if (!line.endsWith("\\")) {
                header.append(line);
                return index;
            }
            header.append(line, 0, line.length() - 1);
            if (header.length() > MAX_TAG + MAX_VALUE + 2) {
                throw new KeyFileException("RFC 4716 header is too long");
            }
        }
    }

    private static Map.Entry<String, String> parseHeader(String header) throws KeyFileException {
        int colon = header.indexOf(':');
        String tag = header.substring(0, colon);
        String value = header.substring(colon + 1).strip();
        if (tag.isEmpty() || bytes(tag) > MAX_TAG || !tag.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new KeyFileException("RFC 4716 header tag is malformed");
        }
        if (bytes(value) > MAX_VALUE) {
            throw new KeyFileException("RFC 4716 header value is longer than 1024 bytes");
        }
        return Map.entry(tag, value);
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static void checkLength(String line) throws KeyFileException {
        if (bytes(line) > MAX_LINE_BYTES) {
            throw new KeyFileException("RFC 4716 line is longer than 72 bytes");
        }
    }

    private static int bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /**
     * @param key the key
     * @param comment the Comment header value (written quoted), or null/empty for none
     * @return the file text, lines of at most 72 bytes, ending in a newline
     */
    public static String format(SshPublicKey key, String comment) {
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        if (comment != null && !comment.isBlank()) {
            String clean = comment.replace('\r', ' ').replace('\n', ' ').replace("\"", "'").strip();
            appendHeader(out, "Comment: \"" + truncate(clean) + "\"");
        }
        String base64 = Base64.getEncoder().encodeToString(key.blob());
        for (int i = 0; i < base64.length(); i += BODY_WIDTH) {
            out.append(base64, i, Math.min(base64.length(), i + BODY_WIDTH)).append('\n');
        }
        return out.append(END).append('\n').toString();
    }

    private static String truncate(String comment) {
        String result = comment;
        while (bytes(result) > MAX_VALUE - 2) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }

    // RFC 4716 §3.3: split long headers with a trailing backslash, never inside a character
    private static void appendHeader(StringBuilder out, String header) {
        int start = 0;
        while (start < header.length()) {
            int end = start;
            int size = 0;
            while (end < header.length()) {
                int next = header.offsetByCodePoints(end, 1);
                int width = bytes(header.substring(end, next));
                if (size + width > MAX_LINE_BYTES - 1 && next < header.length()) {
                    break;
                }
                if (size + width > MAX_LINE_BYTES) {
                    break;
                }
                size += width;
                end = next;
            }
            boolean last = end >= header.length();
            out.append(header, start, end).append(last ? "\n" : "\\\n");
            start = end;
        }
    }
}
