package org.sshstack.sftp.client;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Decides whether a name a server returned (READDIR) may become a local file name (SECURITY.md D2: JSch
 * CVE-2016-5725, OpenSSH CVE-2019-6111). A name must be one plain path component: not empty, not "." or "..",
 * without '/', '\\' or NUL, at most 255 UTF-8 bytes, and the resolved path must stay directly under the target.
 */
public final class SafeLocalNames {

    /** The longest name accepted, in UTF-8 bytes (the usual NAME_MAX). */
    public static final int MAX_NAME_BYTES = 255;

    private SafeLocalNames() {
    }

    /**
     * @param name a name from the server
     * @return why it is unsafe, or empty when it is a plain component
     */
    public static Optional<String> problem(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty name");
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("dot name");
        }
        if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            return Optional.of("name contains a path separator");
        }
        if (name.indexOf('\0') >= 0) {
            return Optional.of("name contains NUL");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            return Optional.of("name longer than " + MAX_NAME_BYTES + " bytes");
        }
        return Optional.empty();
    }

    /**
     * @param target the local directory the name goes into
     * @param name a name from the server
     * @return the local path, or empty when the name is unsafe or would leave {@code target}
     */
    public static Optional<Path> resolve(Path target, String name) {
        if (problem(name).isPresent()) {
            return Optional.empty();
        }
        Path base = target.toAbsolutePath().normalize();
        Path resolved;
        try {
            resolved = base.resolve(name).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!resolved.startsWith(base) || !base.equals(resolved.getParent())) {
            return Optional.empty();
        }
        return Optional.of(resolved);
    }

    /**
     * @param name a name from the server
     * @return a short printable form for logs and messages (control characters escaped, at most 64 characters)
     */
    public static String printable(String name) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < name.length() && out.length() < 64; i++) {
            char c = name.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return name.length() > 64 ? out + "...(" + name.length() + " chars)" : out.toString();
    }
}
