package org.sshstack.sftp.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpResponse;

/**
 * Whole-file and directory-tree transfers over an {@link SftpClient}, pipelined (read-ahead and write-behind),
 * with progress, resume and preserve ({@link TransferOptions}). Tree downloads never trust the server's names:
 * each must be a plain component that stays under the local target ({@link SafeLocalNames}); others are skipped
 * and reported. Symbolic links are not followed or copied. Every method throws {@link org.sshstack.SshException}
 * subclasses for SFTP failures and plain {@link IOException} for local ones. Thread-safe.
 */
public final class SftpTransfers {

    /** The deepest remote tree a download descends into. */
    public static final int MAX_DEPTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(SftpTransfers.class);

    private final SftpClient client;

    SftpTransfers(SftpClient client) {
        this.client = client;
    }

    /**
     * Downloads a remote file.
     *
     * @param remote the remote file
     * @param local the local file (created or replaced; appended to when resuming)
     * @param options preserve, resume and listener
     * @return the bytes transferred (resumed bytes not counted)
     * @throws IOException an SFTP failure, a local failure, or a local file larger than the remote one on resume
     */
    public long get(String remote, Path local, TransferOptions options) throws IOException {
        return timed("get", () -> download(remote, local, options));
    }

    /**
     * Uploads a local file.
     *
     * @param local the local file
     * @param remote the remote file (created or truncated; appended to when resuming)
     * @param options preserve, resume and listener
     * @return the bytes transferred (resumed bytes not counted)
     * @throws IOException an SFTP failure, a local failure, or a remote file larger than the local one on resume
     */
    public long put(Path local, String remote, TransferOptions options) throws IOException {
        return timed("put", () -> upload(local, remote, options));
    }

    /** A whole-file transfer that returns the bytes it moved. */
    private interface Transfer {
        long run() throws IOException;
    }

    private long timed(String operation, Transfer transfer) throws IOException {
        long start = client.events().start();
        try {
            long bytes = transfer.run();
            client.events().emit(operation, "OK", start, bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            client.events().emit(operation, OperationEvents.statusOf(e), start, 0);
            throw e;
        }
    }

    /**
     * Downloads a remote directory tree into a local directory (created if missing). Unsafe names are skipped and
     * reported to {@link TransferListener#nameRejected}; symbolic links and special files are skipped.
     *
     * @param remoteDir the remote directory
     * @param localDir the local directory
     * @param options preserve, resume and listener
     * @return the bytes transferred
     * @throws IOException an SFTP or a local failure
     */
    public long getTree(String remoteDir, Path localDir, TransferOptions options) throws IOException {
        Files.createDirectories(localDir);
        return getTree(remoteDir, localDir.toAbsolutePath().normalize(), options, 0);
    }

    private long getTree(String remoteDir, Path localDir, TransferOptions options, int depth) throws IOException {
        long bytes = 0;
        for (SftpResponse.NameEntry entry : client.list(remoteDir)) {
            Optional<Path> target = safeTarget(remoteDir, localDir, entry.filename(), options);
            if (target.isEmpty()) {
                continue;
            }
            String remote = join(remoteDir, entry.filename());
            SftpAttributes attrs = entry.attrs().permissions().isPresent() ? entry.attrs() : client.lstat(remote);
            if (attrs.isDirectory() && depth < MAX_DEPTH) {
                Files.createDirectories(target.get());
                bytes += getTree(remote, target.get(), options, depth + 1);
            } else if (attrs.isRegularFile()) {
                bytes += get(remote, target.get(), options);
            } else {
                LOG.debug("skipping {}: not a regular file or directory, or too deep", remote);
            }
        }
        return bytes;
    }

    private Optional<Path> safeTarget(String remoteDir, Path localDir, String name, TransferOptions options) {
        Optional<String> problem = SafeLocalNames.problem(name);
        Optional<Path> target = SafeLocalNames.resolve(localDir, name);
        if (target.isPresent() && Files.isSymbolicLink(target.get())) {
            problem = Optional.of("the local path is a symbolic link");
            target = Optional.empty();
        }
        if (target.isEmpty()) {
            String reason = problem.orElse("name leaves the target directory");
            String shown = SafeLocalNames.printable(name);
            LOG.warn("skipping server name \"{}\" in {}: {}", shown, remoteDir, reason);
            options.listener().nameRejected(remoteDir, shown, reason);
        }
        return target;
    }

    /**
     * Uploads a local directory tree into a remote directory (created with its parents if missing). Symbolic links
     * and special files are skipped.
     *
     * @param localDir the local directory
     * @param remoteDir the remote directory
     * @param options preserve, resume and listener
     * @return the bytes transferred
     * @throws IOException an SFTP or a local failure
     */
    public long putTree(Path localDir, String remoteDir, TransferOptions options) throws IOException {
        client.mkdirs(remoteDir);
        long bytes = 0;
        List<Path> children;
        try (Stream<Path> list = Files.list(localDir)) {
            children = list.sorted().toList();
        }
        for (Path child : children) {
            String remote = join(remoteDir, child.getFileName().toString());
            if (Files.isDirectory(child, LinkOption.NOFOLLOW_LINKS)) {
                bytes += putTree(child, remote, options);
            } else if (Files.isRegularFile(child, LinkOption.NOFOLLOW_LINKS)) {
                bytes += put(child, remote, options);
            }
        }
        return bytes;
    }

    private long download(String remote, Path local, TransferOptions options) throws IOException {
        SftpAttributes attrs = client.stat(remote);
        long total = attrs.size().orElse(-1);
        long offset = options.resume() && Files.exists(local) ? Files.size(local) : 0;
        if (total >= 0 && offset > total) {
            throw new SftpFailureException("cannot resume: local " + local + " is larger than " + remote, "");
        }
        SftpHandle handle = client.open(remote, OpenFlags.READ);
        long done = offset;
        try (OutputStream out = Files.newOutputStream(local, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                offset > 0 ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            PipelinedReader reader = new PipelinedReader(client.connection(), handle, offset,
                    client.readChunkSize(), total);
            for (byte[] block = reader.nextBlock(); block != null; block = reader.nextBlock()) {
                out.write(block);
                done += block.length;
                options.listener().progress(remote, done, total);
            }
        } finally {
            client.close(handle);
        }
        if (options.preserve()) {
            LocalAttributes.apply(local, attrs);
        }
        return done - offset;
    }

    private long upload(Path local, String remote, TransferOptions options) throws IOException {
        long total = Files.size(local);
        long offset = options.resume() ? remoteSize(remote) : 0;
        if (offset < 0 || offset > total) { // filexfer-02 §5: the size is a uint64, "negative" is above 2^63
            throw new SftpFailureException("cannot resume: remote " + remote + " is larger than " + local, "");
        }
        int flags = OpenFlags.WRITE | OpenFlags.CREATE | (offset > 0 ? 0 : OpenFlags.TRUNCATE);
        SftpHandle handle = client.open(remote, flags);
        long done = offset;
        try (InputStream in = Files.newInputStream(local)) {
            in.skipNBytes(offset);
            PipelinedWriter writer = new PipelinedWriter(client.connection(), handle, offset, client.writeChunkSize());
            byte[] buffer = new byte[client.writeChunkSize()];
            for (int n = in.readNBytes(buffer, 0, buffer.length); n > 0; n = in.readNBytes(buffer, 0, buffer.length)) {
                writer.write(buffer, 0, n);
                done += n;
                options.listener().progress(remote, done, total);
            }
            writer.flush();
            if (options.preserve()) {
                client.fsetstat(handle, LocalAttributes.of(local));
            }
        } finally {
            client.close(handle);
        }
        return done - offset;
    }

    private long remoteSize(String remote) throws IOException {
        try {
            return client.stat(remote).size().orElse(0);
        } catch (SftpNoSuchFileException e) {
            return 0;
        }
    }

    private static String join(String dir, String name) {
        return dir.endsWith("/") ? dir + name : dir + "/" + name;
    }
}
