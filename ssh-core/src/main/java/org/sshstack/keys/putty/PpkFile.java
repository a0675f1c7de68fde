package org.sshstack.keys.putty;

import java.util.Base64;
import java.util.HexFormat;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.UnsupportedKeyException;

/**
 * The outer, text layer of a PPK file (PuTTY manual C.2): headers in a fixed order and two base64 sections.
 * LF, CR LF and CR line endings are accepted; line counts and sizes are capped before decoding.
 *
 * @param version 2 or 3
 * @param algorithm the key algorithm name, e.g. {@code ssh-ed25519}
 * @param encryption {@code none} or {@code aes256-cbc}
 * @param comment the key comment
 * @param publicBlob the public key blob
 * @param argon2 the key-derivation parameters (v3 encrypted files only), else null
 * @param privateBlob the private blob, encrypted when {@code encryption} is not {@code none}
 * @param mac the Private-MAC value
 */
record PpkFile(int version, String algorithm, String encryption, String comment, byte[] publicBlob,
        Argon2Settings argon2, byte[] privateBlob, byte[] mac) {

    /** Largest PPK text accepted, in characters. */
    static final int MAX_TEXT = 256 * 1024;

    /** Most base64 lines accepted per section (an RSA-16384 private blob needs about 110). */
    static final int MAX_LINES = 256;

    static final String MAGIC = "PuTTY-User-Key-File-";

    private static final int LINE_WIDTH = 64;

    /**
     * @param text a file's text
     * @return the parsed outer layer
     * @throws KeyFileException if the text is malformed; {@link UnsupportedKeyException} for unknown versions
     */
    static PpkFile parse(String text) throws KeyFileException {
        if (text.length() > MAX_TEXT) {
            throw new KeyFileException("PPK text is larger than " + MAX_TEXT + " characters");
        }
        Lines lines = new Lines(text.split("\r\n|\r|\n", -1));
        String first = lines.next("the PPK header");
        if (!first.startsWith(MAGIC) || first.indexOf(": ") != MAGIC.length() + 1) {
            throw new KeyFileException("not a PuTTY key file");
        }
        int version = switch (first.charAt(MAGIC.length())) {
            case '2' -> 2;
            case '3' -> 3;
            default -> throw new UnsupportedKeyException("unsupported PPK version " + first.charAt(MAGIC.length()));
        };
        String algorithm = first.substring(MAGIC.length() + 3);
        String encryption = lines.value("Encryption");
        if (!encryption.equals("none") && !encryption.equals("aes256-cbc")) {
            throw new UnsupportedKeyException("unsupported PPK encryption " + encryption);
        }
        String comment = lines.value("Comment");
        byte[] publicBlob = lines.base64Section("Public-Lines");
        Argon2Settings argon2 = version == 3 && !encryption.equals("none") ? argon2(lines) : null;
        byte[] privateBlob = lines.base64Section("Private-Lines");
        byte[] mac = hex(lines.value("Private-MAC"), "Private-MAC");
        return new PpkFile(version, algorithm, encryption, comment, publicBlob, argon2, privateBlob, mac);
    }

    /** @return the file as text, LF line endings (as PuTTY writes it) */
    String format() {
        StringBuilder out = new StringBuilder(1024);
        out.append(MAGIC).append(version).append(": ").append(algorithm).append('\n');
        out.append("Encryption: ").append(encryption).append('\n');
        out.append("Comment: ").append(comment).append('\n');
        appendSection(out, "Public-Lines", publicBlob);
        if (argon2 != null) {
            out.append("Key-Derivation: ").append(argon2.flavour()).append('\n');
            out.append("Argon2-Memory: ").append(argon2.memoryKib()).append('\n');
            out.append("Argon2-Passes: ").append(argon2.passes()).append('\n');
            out.append("Argon2-Parallelism: ").append(argon2.parallelism()).append('\n');
            out.append("Argon2-Salt: ").append(HexFormat.of().formatHex(argon2.salt())).append('\n');
        }
        appendSection(out, "Private-Lines", privateBlob);
        out.append("Private-MAC: ").append(HexFormat.of().formatHex(mac)).append('\n');
        return out.toString();
    }

    private static Argon2Settings argon2(Lines lines) throws KeyFileException {
        String flavour = lines.value("Key-Derivation");
        int memory = lines.number("Argon2-Memory");
        int passes = lines.number("Argon2-Passes");
        int parallelism = lines.number("Argon2-Parallelism");
        byte[] salt = hex(lines.value("Argon2-Salt"), "Argon2-Salt");
        return new Argon2Settings(flavour, memory, passes, parallelism, salt).validate();
    }

    private static void appendSection(StringBuilder out, String name, byte[] blob) {
        String base64 = Base64.getEncoder().encodeToString(blob);
        int count = (base64.length() + LINE_WIDTH - 1) / LINE_WIDTH;
        out.append(name).append(": ").append(count).append('\n');
        for (int i = 0; i < base64.length(); i += LINE_WIDTH) {
            out.append(base64, i, Math.min(base64.length(), i + LINE_WIDTH)).append('\n');
        }
    }

    private static byte[] hex(String value, String what) throws KeyFileException {
        if (value.length() % 2 != 0 || value.length() > 256) {
            throw new KeyFileException("PPK " + what + " is not a valid hex string");
        }
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("PPK " + what + " is not a valid hex string");
        }
    }

    /** A cursor over the lines of the file. */
    private static final class Lines {
        private final String[] lines;
        private int next;

        Lines(String[] lines) {
            this.lines = lines;
        }

        String next(String what) throws KeyFileException {
            if (next >= lines.length) {
                throw new KeyFileException("PPK file ends before " + what);
            }
            return lines[next++];
        }

        String value(String name) throws KeyFileException {
            String line = next("the " + name + " header");
            if (!line.startsWith(name + ": ")) {
                throw new KeyFileException("PPK file lacks the " + name + " header where expected");
            }
            return line.substring(name.length() + 2);
        }

        int number(String name) throws KeyFileException {
            String value = value(name);
            if (value.isEmpty() || value.length() > 9 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new KeyFileException("PPK " + name + " is not a number in range");
            }
            return Integer.parseInt(value);
        }

        byte[] base64Section(String name) throws KeyFileException {
            int count = number(name);
            if (count > MAX_LINES) {
                throw new KeyFileException("PPK " + name + " exceeds " + MAX_LINES + " lines");
            }
            StringBuilder base64 = new StringBuilder(count * LINE_WIDTH);
            for (int i = 0; i < count; i++) {
                String line = next("the end of the " + name + " section");
                if (line.length() > 2 * LINE_WIDTH) {
                    throw new KeyFileException("PPK " + name + " section has an overlong line");
                }
                base64.append(line);
            }
            try {
                return Base64.getDecoder().decode(base64.toString());
            } catch (IllegalArgumentException e) {
                throw new KeyFileException("PPK " + name + " section is not valid base64");
            }
        }
    }

    @Override
    public String toString() {
        return "PpkFile[v" + version + ", " + algorithm + ", " + encryption + "]";
    }
}
