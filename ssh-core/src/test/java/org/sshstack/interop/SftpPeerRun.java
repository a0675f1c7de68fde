package org.sshstack.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * One peer client's run against an {@link SftpTarget}: the client's local directory, the server's root on disk,
 * and the checks on both. Subclasses drive one client each.
 */
abstract class SftpPeerRun {

    /** The server. */
    protected final SftpTarget target;
    /** The test's directory for this client (config files, known_hosts). */
    protected final Path dir;
    /** The client's local working directory. */
    protected final Path local;
    /** The local directory behind the server's root. */
    protected final Path root;
    /** Commands with their checks, and the SHA-256 comparisons. */
    protected final SftpBatch batch;

    /**
     * @param target the server
     * @param dir a temporary directory owned by the test
     */
    SftpPeerRun(SftpTarget target, Path dir) {
        this.target = target;
        this.dir = dir;
        this.local = dir.resolve("local");
        this.root = target.root();
        this.batch = new SftpBatch(local, root);
    }

    /**
     * Prepares the files, runs the client and records a row per operation.
     *
     * @param checks where the rows go
     */
    abstract void run(SftpChecks checks) throws IOException, InterruptedException;

    /**
     * Writes the files the resume commands need: local {@code c.bin} (1 MiB) with its first 400 000 bytes already
     * on the server, and server-side {@code d.bin} (1 MiB) with its first 300 000 bytes already local.
     *
     * @param seed varies the contents between clients
     */
    void writeResumeFiles(long seed) throws IOException {
        SftpFiles.write(local.resolve("c.bin"), 1 << 20, seed);
        Files.write(root.resolve("c.bin"), prefix(local.resolve("c.bin"), 400_000));
        SftpFiles.write(root.resolve("d.bin"), 1 << 20, seed + 1);
        Files.write(local.resolve("d.bin"), prefix(root.resolve("d.bin"), 300_000));
    }

    /** @return the first {@code length} bytes of a small file */
    static byte[] prefix(Path file, int length) throws IOException {
        return Arrays.copyOf(Files.readAllBytes(file), length);
    }
}
