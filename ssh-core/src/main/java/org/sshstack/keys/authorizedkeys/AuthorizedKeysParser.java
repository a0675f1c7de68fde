package org.sshstack.keys.authorizedkeys;

import java.time.ZoneId;
import java.util.Base64;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.wire.SshReader;

/** Parses one authorized_keys line: {@code [options] keytype base64 [comment]} (sshd(8) AUTHORIZED_KEYS FILE FORMAT). */
final class AuthorizedKeysParser {

    /** Longest line accepted (sshd(8) documents 8 KiB; a little slack for long option lists). */
    static final int MAX_LINE = 64 * 1024;

    private AuthorizedKeysParser() {
    }

    /**
     * @return the key, or null for a blank or comment line
     * @throws AuthorizedKeysException if the line is malformed (OpenSSH would ignore the whole line)
     */
    static AuthorizedKey parse(int lineNumber, String rawLine, ZoneId zone) throws AuthorizedKeysException {
        if (rawLine.length() > MAX_LINE) {
            throw new AuthorizedKeysException(lineNumber, "line longer than " + MAX_LINE + " characters");
        }
        String line = rawLine.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        AuthorizedKeyOptions options = AuthorizedKeyOptions.NONE;
        String rest = line;
        if (!isKeyType(firstToken(line))) {
            int end = optionsEnd(lineNumber, line);
            options = OptionsParser.parse(lineNumber, line.substring(0, end), zone);
            rest = line.substring(end).strip();
        }
        String[] fields = rest.split("[ \t]+", 3);
        if (fields.length < 2 || !isKeyType(fields[0])) {
            throw new AuthorizedKeysException(lineNumber, "expected a supported key type and a base64 key");
        }
        SshPublicKey key = key(lineNumber, fields[0], fields[1]);
        return new AuthorizedKey(lineNumber, options, key, fields.length > 2 ? fields[2] : "");
    }

    private static String firstToken(String line) {
        String[] parts = line.split("[ \t]", 2);
        return parts[0];
    }

    private static boolean isKeyType(String token) {
        return KeyType.fromWireName(token).isPresent();
    }

    /** @return the index of the first space or tab outside double quotes */
    private static int optionsEnd(int lineNumber, String line) throws AuthorizedKeysException {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == ' ' || c == '\t')) {
                return i;
            }
        }
        throw new AuthorizedKeysException(lineNumber, quoted ? "unterminated quote in options" : "no key after options");
    }

    private static SshPublicKey key(int lineNumber, String typeName, String base64) throws AuthorizedKeysException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new AuthorizedKeysException(lineNumber, "key is not valid base64");
        }
        try {
            String blobType = new SshReader(blob).readAscii();
            if (!blobType.equals(typeName)) {
                throw new AuthorizedKeysException(lineNumber, "key type " + typeName + " does not match its blob");
            }
            SshPublicKey key = PublicKeyCodec.decode(blob);
            if (key instanceof OpenSshCertificate) {
                throw new AuthorizedKeysException(lineNumber, "certificates are trusted through cert-authority");
            }
            return key;
        } catch (AuthorizedKeysException e) {
            throw e;
        } catch (SshException e) {
            throw new AuthorizedKeysException(lineNumber, "invalid " + typeName + " key: " + e.getMessage());
        }
    }
}
