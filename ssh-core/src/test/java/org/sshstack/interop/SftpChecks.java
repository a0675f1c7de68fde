package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The outcome of one peer client's run against one {@link SftpTarget}: a matrix row per operation ("pass" or
 * "FAIL"), written to {@code target/interop-matrix/} by {@link InteropReport}, then one assertion over all rows so
 * that a failure lists every failed operation, not just the first.
 */
final class SftpChecks {

    private final InteropReport report;
    private final Supplier<String> serverLog;
    private final Map<String, String> failures = new LinkedHashMap<>();

    /**
     * @param peer the client's name and version, e.g. "sftp 9.2"
     * @param target the server it ran against
     */
    SftpChecks(String peer, SftpTarget target) {
        this(peer + " -> " + target.name(), target::log);
    }

    /**
     * @param pair "client -> server", the matrix file's name
     * @param serverLog the server's log, shown when a row fails
     */
    SftpChecks(String pair, Supplier<String> serverLog) {
        this.report = new InteropReport(pair);
        this.serverLog = serverLog;
    }

    /**
     * Records one operation.
     *
     * @param operation e.g. "put -p" or "rename"
     * @param ok whether it did what it should (checked on disk where it writes)
     * @param detail what to show when it failed
     * @return ok
     */
    boolean check(String operation, boolean ok, String detail) {
        report.row("op", operation, ok ? "pass" : "FAIL");
        if (!ok) {
            failures.put(operation, detail);
        }
        return ok;
    }

    /** Writes the matrix file, then fails with every failed operation and the tail of the server's log. */
    void finish() {
        report.write();
        assertThat(failures).as(() -> "server log tail:\n" + tail(serverLog.get())).isEmpty();
    }

    /** @return the last 40 lines of a log */
    static String tail(String log) {
        var lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }
}
