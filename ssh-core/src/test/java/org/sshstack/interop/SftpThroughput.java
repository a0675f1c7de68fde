package org.sshstack.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Transfer figures of the 1 GiB SFTP tests, written to {@code target/interop-matrix/<file>}: a report for people,
 * never an assertion (timings on a shared machine vary too much).
 */
final class SftpThroughput {

    private final String file;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    /** @param file the file name below {@link InteropReport#DIR} */
    SftpThroughput(String file) {
        this.file = file;
    }

    /**
     * Records one transfer that started at {@code startNanos} (System.nanoTime) and has just ended.
     *
     * @param who client and server
     * @param direction "put" or "get"
     * @param bytes the file size
     */
    void transfer(String who, String direction, long bytes, long startNanos) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        lines.add(String.format("%-55s %-4s %d bytes %7.2f s %8.1f MB/s", who, direction, bytes, seconds,
                bytes / seconds / 1e6));
    }

    /** @param comment a line of context (written with a leading "# ") */
    void note(String comment) {
        lines.add("# " + comment);
    }

    /** Writes the file (replacing it) and logs it. */
    void write() throws IOException {
        List<String> text = new ArrayList<>(List.of("# SFTP 1 GiB transfers on loopback, one test run, " + Instant.now()
                + ", JDK " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors()
                + " CPUs; a report, not an assertion"));
        text.addAll(lines);
        Files.createDirectories(InteropReport.DIR);
        Files.write(InteropReport.DIR.resolve(file), text, StandardCharsets.UTF_8);
        org.slf4j.LoggerFactory.getLogger(SftpThroughput.class).info("{}", String.join("\n", text));
    }
}
