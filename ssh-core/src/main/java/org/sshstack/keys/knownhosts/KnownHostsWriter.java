package org.sshstack.keys.knownhosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;

/** Formats known_hosts lines (plain or hashed, as {@code ssh-keygen -H} writes them) and appends them to a file. */
public final class KnownHostsWriter {

    private KnownHostsWriter() {
    }

    /**
     * @param host the host name or address
     * @param port the port (22 writes the bare name, any other {@code [host]:port})
     * @param key the host key (a plain key; certificates are trusted through {@code @cert-authority} lines instead)
     * @param saltSource a random source to hash the name with a fresh salt, or null to write the name in clear
     * @return the line, without a line terminator
     */
    public static String line(String host, int port, SshPublicKey key, SecureRandom saltSource) {
        return line(HostKeyMarker.NONE, host, port, key, saltSource);
    }

    /**
     * @param marker the marker to write first ({@link HostKeyMarker#NONE} for none)
     * @param host the host name, address or pattern
     * @param port the port (22 writes the bare name, any other {@code [host]:port})
     * @param key a plain public key
     * @param saltSource a random source to hash the name with a fresh salt, or null to write the name in clear
     * @return the line, without a line terminator
     * @throws IllegalArgumentException if the host contains whitespace, commas or {@code #}, or the key is a
     *     certificate
     */
    public static String line(HostKeyMarker marker, String host, int port, SshPublicKey key, SecureRandom saltSource) {
        if (host.isEmpty() || host.chars().anyMatch(c -> c <= ' ' || c == ',' || c == '#' || c == '|')) {
            throw new IllegalArgumentException("host name must be non-empty without whitespace, ',', '|' or '#'");
        }
        if (key instanceof OpenSshCertificate) {
            throw new IllegalArgumentException("write the CA key with @cert-authority, not the certificate");
        }
        String name = HostPatterns.hostKeyName(host, port);
        String hosts = saltSource == null ? name : hash(name, saltSource);
        String prefix = marker == HostKeyMarker.NONE ? "" : marker.text() + " ";
        return prefix + hosts + " " + key.typeName() + " " + Base64.getEncoder().encodeToString(key.blob());
    }

    /**
     * @param hostKeyName the name as known_hosts stores it ({@code host} or {@code [host]:port})
     * @param saltSource where the 20-byte salt comes from
     * @return {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}
     */
    public static String hash(String hostKeyName, SecureRandom saltSource) {
        byte[] salt = new byte[KnownHostsEntry.HASH_LENGTH];
        saltSource.nextBytes(salt);
        Base64.Encoder b64 = Base64.getEncoder();
        return KnownHostsEntry.HASH_MAGIC + b64.encodeToString(salt) + "|"
                + b64.encodeToString(KnownHostsEntry.hmacSha1(salt, hostKeyName));
    }

    /**
     * Appends a line, creating the file if needed and first ending an unterminated last line. Not atomic: a crash
     * mid-write can leave a partial last line, which a lenient parse skips.
     *
     * @param file the known_hosts file
     * @param line a line from {@link #line}
     * @throws IOException if the file cannot be written
     */
    public static void append(Path file, String line) throws IOException {
        boolean needsNewline = Files.exists(file) && Files.size(file) > 0 && !endsWithNewline(file);
        String text = (needsNewline ? "\n" : "") + line + "\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }
}
