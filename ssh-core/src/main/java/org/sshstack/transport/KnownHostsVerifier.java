package org.sshstack.transport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.stream.Collectors;
import org.sshstack.keys.CertificateException;
import org.sshstack.keys.CertificateType;
import org.sshstack.keys.CertificateVerifier;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.knownhosts.HostKeyLookup;
import org.sshstack.keys.knownhosts.KnownHosts;
import org.sshstack.keys.knownhosts.KnownHostsException;
import org.sshstack.keys.knownhosts.KnownHostsWriter;
import org.sshstack.keys.knownhosts.KnownKey;

/**
 * Checks host keys against an OpenSSH known_hosts file, like {@code StrictHostKeyChecking=yes} (the default) or
 * {@code accept-new}. The file is read at every check, leniently (bad lines are skipped), so keys appended by
 * accept-new are seen by the next connection.
 *
 * <p>MATCH: accepted (a host certificate matched through {@code @cert-authority} is then checked with
 * {@link CertificateVerifier}: signature, validity by the given clock, principal). MISMATCH and REVOKED: refused in
 * both modes. UNKNOWN: refused in strict mode; in accept-new mode a hashed line is appended through
 * {@link KnownHostsWriter} and the key accepted.
 */
public final class KnownHostsVerifier implements HostKeyVerifier {

    private final Path file;
    private final boolean acceptNew;
    private final SecureRandom saltSource;
    private final Clock clock;

    private KnownHostsVerifier(Path file, boolean acceptNew, SecureRandom saltSource, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.acceptNew = acceptNew;
        this.saltSource = saltSource;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param file the known_hosts file (a missing file knows no host)
     * @param clock the clock host certificates are checked against
     * @return a verifier that refuses unknown hosts
     */
    public static KnownHostsVerifier strict(Path file, Clock clock) {
        return new KnownHostsVerifier(file, false, null, clock);
    }

    /**
     * @param file the known_hosts file; created when missing
     * @param saltSource the salt source for hashing the host names it appends
     * @param clock the clock host certificates are checked against
     * @return a verifier that appends unknown hosts and still refuses changed keys
     */
    public static KnownHostsVerifier acceptNew(Path file, SecureRandom saltSource, Clock clock) {
        return new KnownHostsVerifier(file, true, Objects.requireNonNull(saltSource, "saltSource"), clock);
    }

    @Override
    public void verify(String host, int port, SshPublicKey hostKey) throws HostKeyRejectedException {
        HostKeyLookup lookup = read().lookup(host, port, hostKey);
        String shown = display(host, port);
        String presented = Fingerprints.sha256(hostKey);
        switch (lookup.status()) {
            case MATCH -> checkCertificate(lookup, host, hostKey);
            case REVOKED -> throw new HostKeyRejectedException("Host key for " + shown + " (" + presented
                    + ") is marked @revoked (known_hosts line " + lines(lookup) + ")");
            case MISMATCH -> throw new HostKeyRejectedException("Host key for " + shown + " changed: expected "
                    + lookup.expected().stream().map(KnownKey::fingerprint).collect(Collectors.joining(" or "))
                    + ", got " + presented + " (known_hosts line "
                    + lookup.expected().stream().map(k -> String.valueOf(k.lineNumber()))
                            .collect(Collectors.joining(", ")) + ")");
            case UNKNOWN -> unknown(host, port, hostKey, lookup, shown, presented);
            default -> throw new HostKeyRejectedException("unexpected known_hosts verdict " + lookup.status());
        }
    }

    private void unknown(String host, int port, SshPublicKey hostKey, HostKeyLookup lookup, String shown,
            String presented) throws HostKeyRejectedException {
        if (!acceptNew || hostKey instanceof OpenSshCertificate) {
            throw new HostKeyRejectedException("Host key for " + shown + " (" + hostKey.typeName() + " " + presented
                    + ") is not in " + file + (lookup.otherTypes().isEmpty() ? ""
                            : "; the host is known with other key types: " + lookup.otherTypes()));
        }
        try {
            KnownHostsWriter.append(file, KnownHostsWriter.line(host, port, hostKey, saltSource));
        } catch (IOException | IllegalArgumentException e) {
            throw new HostKeyRejectedException("could not add the host key for " + shown + " to " + file, e);
        }
    }

    private void checkCertificate(HostKeyLookup lookup, String host, SshPublicKey hostKey)
            throws HostKeyRejectedException {
        if (!lookup.viaCertificateAuthority() || !(hostKey instanceof OpenSshCertificate certificate)) {
            return;
        }
        try {
            CertificateVerifier.trusting(lookup.authorities()).verify(certificate, CertificateType.HOST, host,
                    clock.instant());
        } catch (CertificateException e) {
            throw new HostKeyRejectedException("Host certificate for " + host + " refused: " + e.getMessage(), e);
        }
    }

    private KnownHosts read() throws HostKeyRejectedException {
        try {
            return Files.exists(file) ? KnownHosts.read(file, true) : KnownHosts.parse("");
        } catch (KnownHostsException e) {
            throw new HostKeyRejectedException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String lines(HostKeyLookup lookup) {
        return lookup.matchingLines().stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /**
     * @param host a host
     * @param port a port
     * @return {@code host} for port 22, else {@code [host]:port}, as known_hosts and OpenSSH show it
     */
    static String display(String host, int port) {
        return port == 22 ? host : "[" + host + "]:" + port;
    }

    @Override
    public String toString() {
        return "KnownHostsVerifier[" + file + (acceptNew ? ", accept-new" : ", strict") + "]";
    }
}
