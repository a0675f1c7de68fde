package org.sshstack.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The interop matrix (peer x algorithm: pass / not supported by peer / FAIL): printed into the surefire output and
 * appended to {@code target/interop-matrix.txt}, one file per build.
 */
final class InteropReport {

    /** Where rows go (the module's target directory; surefire runs in the module directory). */
    static final Path FILE = Path.of("target", "interop-matrix.txt");

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

    /** Records every name in {@code ours} the peer does not offer. */
    void unsupported(String category, Collection<String> ours, Collection<String> peerOffers) {
        for (String name : ours) {
            if (!peerOffers.contains(name)) {
                row(category, name, "not supported by peer");
            }
        }
    }

    /** Prints and appends the rows. */
    void write() {
        String text = String.join("\n", rows) + "\n";
        System.out.print(text);
        try {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
