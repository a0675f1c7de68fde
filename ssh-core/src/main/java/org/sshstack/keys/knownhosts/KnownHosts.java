package org.sshstack.keys.knownhosts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.SshPublicKey;

/**
 * A parsed known_hosts file (sshd(8) SSH_KNOWN_HOSTS FILE FORMAT) and host-key lookup in it. Immutable.
 *
 * <p>Bounds: lines longer than {@value KnownHostsParser#MAX_LINE} characters are malformed; {@link #read} refuses
 * files larger than {@value #MAX_FILE} bytes. Lines naming a key type sshstack does not know are kept as entries
 * without a key and never match. Malformed lines fail a strict parse with their line number; a lenient parse skips
 * them and lists them in {@link #skippedLines()}.
 */
public final class KnownHosts {

    /** Largest file {@link #read} accepts: 16 MiB. */
    public static final long MAX_FILE = 16L * 1024 * 1024;

    private final List<KnownHostsEntry> entries;
    private final List<Integer> skippedLines;

    private KnownHosts(List<KnownHostsEntry> entries, List<Integer> skippedLines) {
        this.entries = List.copyOf(entries);
        this.skippedLines = List.copyOf(skippedLines);
    }

    /**
     * Parses strictly: the first malformed line fails the whole file.
     *
     * @param text the file content
     * @return the parsed file
     * @throws KnownHostsException naming the first malformed line
     */
    public static KnownHosts parse(String text) throws KnownHostsException {
        return parse(text, false);
    }

    /**
     * @param text the file content
     * @param lenient true to skip malformed lines (listed in {@link #skippedLines()}) instead of failing
     * @return the parsed file
     * @throws KnownHostsException in strict mode, naming the first malformed line
     */
    public static KnownHosts parse(String text, boolean lenient) throws KnownHostsException {
        List<KnownHostsEntry> entries = new ArrayList<>();
        List<Integer> skipped = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            try {
                KnownHostsEntry entry = KnownHostsParser.parse(i + 1, lines[i]);
                if (entry != null) {
                    entries.add(entry);
                }
            } catch (KnownHostsException e) {
                if (!lenient) {
                    throw e;
                }
                skipped.add(i + 1);
            }
        }
        return new KnownHosts(entries, skipped);
    }

    /**
     * Reads a file as UTF-8; a missing file is an empty known_hosts.
     *
     * @param file the known_hosts file
     * @param lenient true to skip malformed lines instead of failing
     * @return the parsed file
     * @throws KnownHostsException if the file is too large, unreadable, or (strict) has a malformed line
     */
    public static KnownHosts read(Path file, boolean lenient) throws KnownHostsException {
        try {
            if (!Files.exists(file)) {
                return new KnownHosts(List.of(), List.of());
            }
            return parse(new String(KeyFiles.readBounded(file, MAX_FILE), StandardCharsets.UTF_8), lenient);
        } catch (IOException e) {
            if (e instanceof KnownHostsException known) {
                throw known;
            }
            throw new KnownHostsException(0, "cannot read " + file + ": " + e.getMessage());
        }
    }

    /** @return the key lines, in file order (comments and blank lines are not kept) */
    public List<KnownHostsEntry> entries() {
        return entries;
    }

    /** @return line numbers of malformed lines a lenient parse skipped */
    public List<Integer> skippedLines() {
        return skippedLines;
    }

    /**
     * Looks up a presented host key at the current time: {@code lookup(host, port, presented, Instant.now())}.
     *
     * @param host the host name or address the user asked for
     * @param port the port (22 looks up the bare name, any other {@code [host]:port})
     * @param presented the key or host certificate the server presented
     * @return the verdict with its evidence
     */
    public HostKeyLookup lookup(String host, int port, SshPublicKey presented) {
        return lookup(host, port, presented, Instant.now());
    }

    /**
     * Looks up a presented host key, as OpenSSH's client does (see {@link HostKeyLookup} for the rules). A presented
     * certificate whose CA is on a {@code @cert-authority} line for the host is verified (HOST type, CA signature,
     * validity at {@code now}, {@code host} among its principals, no critical options) before it can
     * {@link HostKeyStatus#MATCH}; if that fails the result is {@link HostKeyStatus#CERTIFICATE_INVALID} with
     * the verifier's reason in {@link HostKeyLookup#certificateFailure()}, unless a plain line holds the certified key
     * (OpenSSH then retries with the plain key: {@link HostKeyStatus#MATCH} with the failure still reported).
     *
     * @param host the host name or address the user asked for; a certificate must list it as a principal
     * @param port the port (22 looks up the bare name, any other {@code [host]:port})
     * @param presented the key or host certificate the server presented
     * @param now the time a certificate must be valid at
     * @return the verdict with its evidence
     */
    public HostKeyLookup lookup(String host, int port, SshPublicKey presented, Instant now) {
        java.util.Objects.requireNonNull(now, "now");
        String name = HostPatterns.hostKeyName(host, port);
        List<KnownHostsEntry> forHost = new ArrayList<>();
        for (KnownHostsEntry entry : entries) {
            if (entry.key().isPresent() && entry.matchesHost(name)) {
                forHost.add(entry);
            }
        }
        return HostKeyMatcher.match(name, host, forHost, presented, now);
    }
}
