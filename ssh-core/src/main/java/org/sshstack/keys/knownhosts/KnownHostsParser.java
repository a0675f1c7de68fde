package org.sshstack.keys.knownhosts;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.sshstack.SshException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.wire.SshReader;

/** Parses one known_hosts line (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT: marker, hostnames, keytype, base64, comment). */
final class KnownHostsParser {

    /** Longest line accepted; real lines are well under 16 KiB even for RSA-16384. */
    static final int MAX_LINE = 64 * 1024;

    private KnownHostsParser() {
    }

    /**
     * @return the entry, or null for a blank or comment line
     * @throws KnownHostsException if the line is malformed
     */
    static KnownHostsEntry parse(int lineNumber, String rawLine) throws KnownHostsException {
        if (rawLine.length() > MAX_LINE) {
            throw new KnownHostsException(lineNumber, "line longer than " + MAX_LINE + " characters");
        }
        String line = rawLine.strip();
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] fields = line.split("[ \t]+", 4);
        int next = 0;
        HostKeyMarker marker = HostKeyMarker.NONE;
        if (fields[0].startsWith("@")) {
            marker = marker(lineNumber, fields[0]);
            fields = line.split("[ \t]+", 5);
            next = 1;
        }
        if (fields.length < next + 3) {
            throw new KnownHostsException(lineNumber, "expected host names, key type and key");
        }
        String hosts = fields[next];
        checkHosts(lineNumber, hosts);
        String typeName = fields[next + 1];
        String comment = fields.length > next + 3 ? fields[next + 3] : "";
        return new KnownHostsEntry(lineNumber, marker, hosts, typeName, key(lineNumber, typeName, fields[next + 2]),
                comment);
    }

    private static HostKeyMarker marker(int lineNumber, String token) throws KnownHostsException {
        for (HostKeyMarker marker : HostKeyMarker.values()) {
            if (marker != HostKeyMarker.NONE && marker.text().equals(token)) {
                return marker;
            }
        }
        throw new KnownHostsException(lineNumber, "unknown marker " + printable(token));
    }

    private static void checkHosts(int lineNumber, String hosts) throws KnownHostsException {
        if (hosts.startsWith("@")) {
            throw new KnownHostsException(lineNumber, "more than one marker");
        }
        if (!hosts.startsWith("|")) {
            return;
        }
        // Only "|1|base64(salt)|base64(hmac)" is defined; one hashed name per line, no patterns.
        String[] parts = hosts.startsWith(KnownHostsEntry.HASH_MAGIC)
                ? hosts.substring(KnownHostsEntry.HASH_MAGIC.length()).split("\\|", -1) : new String[0];
        if (parts.length != 2 || decodedLength(parts[0]) != KnownHostsEntry.HASH_LENGTH
                || decodedLength(parts[1]) != KnownHostsEntry.HASH_LENGTH) {
            throw new KnownHostsException(lineNumber, "malformed hashed host name");
        }
    }

    private static int decodedLength(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    private static Optional<SshPublicKey> key(int lineNumber, String typeName, String base64)
            throws KnownHostsException {
        if (KeyType.fromCertificateName(typeName).isPresent()) {
            throw new KnownHostsException(lineNumber, "a certificate cannot be a known host key");
        }
        if (KeyType.fromWireName(typeName).isEmpty()) {
            return Optional.empty(); // unknown or unsupported type: kept, never matches (real files have them)
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new KnownHostsException(lineNumber, "key is not valid base64");
        }
        try {
            String blobType = new SshReader(blob).readAscii();
            if (!blobType.equals(typeName)) {
                throw new KnownHostsException(lineNumber, "key type " + typeName + " does not match its blob ("
                        + blobType + ")");
            }
            SshPublicKey key = PublicKeyCodec.decode(blob);
            if (key instanceof OpenSshCertificate) {
                throw new KnownHostsException(lineNumber, "a certificate cannot be a known host key");
            }
            return Optional.of(key);
        } catch (KnownHostsException e) {
            throw e;
        } catch (SshException e) {
            throw new KnownHostsException(lineNumber, "invalid " + typeName + " key: " + e.getMessage());
        }
    }

    private static String printable(String token) {
        String shortened = token.length() > 40 ? token.substring(0, 40) + "..." : token;
        return new String(shortened.getBytes(StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
    }
}
