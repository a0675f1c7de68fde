package org.sshstack.keys.authorizedkeys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.sshstack.keys.SshPublicKey;

/**
 * A parsed authorized_keys file (sshd(8) AUTHORIZED_KEYS FILE FORMAT). Immutable.
 *
 * <p>Every option is typed ({@link AuthorizedKeyOptions}); an unknown option, a malformed value or an unsupported key
 * type makes the line malformed, as OpenSSH refuses such lines. A strict parse fails on the first malformed line with
 * its line number; a lenient parse skips it and lists it in {@link #skippedLines()}. Lines over 64 KiB are malformed;
 * {@link #read} refuses files over {@value #MAX_FILE} bytes.
 */
public final class AuthorizedKeys {

    /** Largest file {@link #read} accepts: 4 MiB. */
    public static final long MAX_FILE = 4L * 1024 * 1024;

    private final List<AuthorizedKey> keys;
    private final List<Integer> skippedLines;

    private AuthorizedKeys(List<AuthorizedKey> keys, List<Integer> skippedLines) {
        this.keys = List.copyOf(keys);
        this.skippedLines = List.copyOf(skippedLines);
    }

    /**
     * @param text the file content
     * @param lenient true to skip malformed lines instead of failing
     * @param zone the time zone of {@code expiry-time} values without a {@code Z} suffix (OpenSSH: the system's)
     * @return the parsed file
     * @throws AuthorizedKeysException in strict mode, naming the first malformed line
     */
    public static AuthorizedKeys parse(String text, boolean lenient, ZoneId zone) throws AuthorizedKeysException {
        List<AuthorizedKey> keys = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                AuthorizedKey key = AuthorizedKeysParser.parse(i + 1, lines[i], zone);
                if (key != null) {
                    keys.add(key);
                }
            } catch (AuthorizedKeysException e) {
                if (!lenient) {
                    throw e;
                }
                skipped.add(i + 1);
            }
        }
        return new AuthorizedKeys(keys, skipped);
    }

    /**
     * Parses strictly, reading {@code expiry-time} in the system time zone as OpenSSH does.
     *
     * @param text the file content
     * @return the parsed file
     * @throws AuthorizedKeysException naming the first malformed line
     */
    public static AuthorizedKeys parse(String text) throws AuthorizedKeysException {
        return parse(text, false, ZoneId.systemDefault());
    }

    /**
     * @param file the authorized_keys file (UTF-8); a missing file has no keys
     * @param lenient true to skip malformed lines instead of failing
     * @param zone the time zone of {@code expiry-time} values without {@code Z}
     * @return the parsed file
     * @throws AuthorizedKeysException if the file is too large, unreadable or (strict) malformed
     */
    public static AuthorizedKeys read(Path file, boolean lenient, ZoneId zone) throws AuthorizedKeysException {
        try {
            if (!Files.exists(file)) {
                return new AuthorizedKeys(List.of(), List.of());
            }
            byte[] content = org.sshstack.keys.KeyFiles.readBounded(file, MAX_FILE);
            return parse(new String(content, StandardCharsets.UTF_8), lenient, zone);
        } catch (AuthorizedKeysException e) {
            throw e;
        } catch (IOException e) {
            throw new AuthorizedKeysException(0, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @return the key lines in file order */
    public List<AuthorizedKey> keys() {
        return keys;
    }

    /** @return line numbers of malformed lines a lenient parse skipped */
    public List<Integer> skippedLines() {
        return skippedLines;
    }

    /**
     * @param key a key offered for plain public-key authentication
     * @return the non-{@code cert-authority} lines holding exactly that key, in file order
     */
    public List<AuthorizedKey> forKey(SshPublicKey key) {
        byte[] blob = key.blob();
        return keys.stream().filter(k -> !k.options().certAuthority() && Arrays.equals(k.key().blob(), blob)).toList();
    }

    /** @return the {@code cert-authority} lines: CA keys trusted for user certificates */
    public List<AuthorizedKey> certificateAuthorities() {
        return keys.stream().filter(k -> k.options().certAuthority()).toList();
    }
}
