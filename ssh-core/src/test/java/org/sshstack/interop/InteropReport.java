package org.sshstack.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The interop matrix (peer x algorithm: pass / not supported by peer / FAIL): printed into the surefire output and
 * written to {@code target/interop-matrix/<peer>.txt} (replaced on every run).
 */
final class InteropReport {

    private static final org.slf4j.Logger REPORT = org.slf4j.LoggerFactory.getLogger(InteropReport.class);

    /** Where the files go (the module's target directory; surefire runs in the module directory). */
    static final Path DIR = Path.of("target", "interop-matrix");

    private final String peer;
    private final List<String> rows = new ArrayList<>();

    InteropReport(String peer) {
        this.peer = peer;
    }

    /** @return the peer's name */
    String peer() {
        return peer;
    }

    /** Records one algorithm's result. */
    void row(String category, String algorithm, String result) {
        rows.add(String.format("%-22s %-10s %-45s %s", peer, category, algorithm, result));
    }

    /** Records every name in {@code ours} the peer does not offer, then every one it offers that we lack. */
    void unsupported(String category, Collection<String> ours, Collection<String> peerOffers) {
        for (String name : ours) {
            if (!peerOffers.contains(name)) {
                row(category, name, "not supported by peer");
            }
        }
        notOurs(category, ours, peerOffers);
    }

    /**
     * Records every name the peer supports that {@code ours} (what the sweep covered) lacks: "not supported by us",
     * or for a certificate host key algorithm (which we implement) that it is not swept, there being no CA here.
     */
    void notOurs(String category, Collection<String> ours, Collection<String> peerSupports) {
        for (String name : new java.util.LinkedHashSet<>(peerSupports)) {
            if (!ours.contains(name) && !org.sshstack.transport.AlgorithmNames.PSEUDO_ALGORITHMS.contains(name)) {
                row(category, name, org.sshstack.transport.AlgorithmNames.HOST_KEY.contains(name)
                        ? "not swept: certificate host key (no CA here)" : "not supported by us");
            }
        }
    }

    /** Prints the rows and writes the peer's file. */
    void write() {
        String text = String.join("\n", rows) + "\n";
        REPORT.info("{}", text);
        try {
            Files.createDirectories(DIR);
            Files.writeString(DIR.resolve(peer.replaceAll("[^A-Za-z0-9.]+", "_") + ".txt"), text,
                    StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
