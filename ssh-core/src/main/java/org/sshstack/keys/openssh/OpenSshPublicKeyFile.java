package org.sshstack.keys.openssh;

import java.util.Base64;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.UnsupportedKeyException;

/**
 * OpenSSH's one-line public key form ({@code <type> <base64 blob> [comment]}), as in {@code id_ed25519.pub} and in
 * option-free authorized_keys lines (sshd(8) "AUTHORIZED_KEYS FILE FORMAT"). Certificates work the same way.
 */
public final class OpenSshPublicKeyFile {

    /** Longest line accepted: far above a 16384-bit RSA certificate. */
    public static final int MAX_LINE_CHARS = 64 * 1024;

    private OpenSshPublicKeyFile() {
    }

    /**
     * A public key with the comment of its line.
     *
     * @param key the key (plain, security key or certificate)
     * @param comment the comment, or the empty string
     */
    public record Entry(SshPublicKey key, String comment) {

        /** Requires a key; a null comment becomes empty. */
        public Entry {
            Objects.requireNonNull(key, "key");
            comment = comment == null ? "" : comment;
        }
    }

    /**
     * Reads the first key line of a {@code .pub} file, skipping blank lines and {@code #} comments.
     *
     * @param text the file contents
     * @return the key and comment
     * @throws KeyFileException if there is no key line or it is malformed
     */
    public static Entry read(String text) throws KeyFileException {
        if (text.length() > 16 * MAX_LINE_CHARS) {
            throw new KeyFileException("public key file is too large");
        }
        for (String line : text.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                return parseLine(trimmed);
            }
        }
        throw new KeyFileException("no public key line found");
    }

    /**
     * @param line one line: type, base64 blob, optional comment, separated by spaces or tabs
     * @return the key and comment
     * @throws UnsupportedKeyException if the key type is unknown
     * @throws KeyFileException if the line is malformed or its type does not match the blob
     */
    public static Entry parseLine(String line) throws KeyFileException {
        if (line.length() > MAX_LINE_CHARS) {
            throw new KeyFileException("public key line is too long");
        }
        String[] parts = line.strip().split("[ \t]+", 3);
        if (parts.length < 2) {
            throw new KeyFileException("public key line needs a type and a base64 key");
        }
        String type = parts[0];
        if (KeyType.fromWireName(type).isEmpty() && KeyType.fromCertificateName(type).isEmpty()) {
            throw new UnsupportedKeyException("unsupported public key type " + printable(type));
        }
        SshPublicKey key = decodeBlob(parts[1]);
        if (!key.typeName().equals(type)) {
            throw new KeyFileException("public key line says " + type + " but its key is " + key.typeName());
        }
        return new Entry(key, parts.length == 3 ? parts[2].strip() : "");
    }

    /**
     * @param base64 a base64-encoded public key blob
     * @return the key
     * @throws KeyFileException if the base64 or the blob is malformed
     */
    static SshPublicKey decodeBlob(String base64) throws KeyFileException {
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("public key is not valid base64");
        }
        try {
            return PublicKeyCodec.decode(blob);
        } catch (SshProtocolException e) {
            throw new KeyFileException("invalid public key: " + e.getMessage(), e);
        }
    }

    /**
     * @param key the key
     * @param comment the comment, or null/empty for none; line breaks are replaced by spaces
     * @return {@code <type> <base64> [comment]}, with no line terminator
     */
    public static String format(SshPublicKey key, String comment) {
        String line = key.typeName() + " " + Base64.getEncoder().encodeToString(key.blob());
        if (comment == null || comment.isBlank()) {
            return line;
        }
        return line + " " + comment.replace('\r', ' ').replace('\n', ' ').strip();
    }

    private static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "..." : text;
        return shortened.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
