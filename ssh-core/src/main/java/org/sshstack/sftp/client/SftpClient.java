package org.sshstack.sftp.client;

import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpException;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SymlinkArgumentOrder;

/**
 * An SFTP version 3 client (draft-ietf-secsh-filexfer-02) over the two streams of an "sftp" subsystem channel, or
 * of any process that speaks SFTP on its stdin/stdout (such as OpenSSH's {@code sftp-server}).
 *
 * <p>Requests are pipelined: any number of threads may call at once, replies are matched by id whatever their
 * order, and at most {@link SftpClientOptions#maxInFlight()} requests are outstanding. Every blocking call waits
 * at most {@link SftpClientOptions#timeout()} per reply and then throws
 * {@link org.sshstack.io.ChannelTimeoutException}. A failed request throws the {@link SftpException} subclass of
 * its status (e.g. {@link SftpNoSuchFileException}); a broken stream throws
 * {@link org.sshstack.sftp.SftpConnectionLostException}. Each operation is reported to the options' listener as an
 * {@link org.sshstack.event.SftpOperationCompleted}.
 *
 * <p>Every blocking method below also throws {@link SshException} when the connection failed or on timeout, and
 * {@link InterruptedIOException} if interrupted. The OpenSSH extensions are in {@link #extensions()}, whole-file and tree transfers in {@link #transfers()}.
 * Thread-safe.
 */
public final class SftpClient implements AutoCloseable {

    /** The most entries {@link #list} collects. */
    public static final int MAX_LIST_ENTRIES = 1_000_000;

    /** The most characters of names (filename plus longname) {@link #list} collects: 128 Mi. */
    public static final long MAX_LIST_CHARS = 128L << 20;

    private final SftpConnection connection;
    private final OperationEvents events;
    private final SftpHello hello;
    private final AutoCloseable onClose;
    private final SftpClientExtensions extensions;
    private final int readChunk;
    private final int writeChunk;
    private final SymlinkArgumentOrder symlinkOrder;

    private SftpClient(SftpConnection connection, SftpClientOptions options, SftpHello hello,
            AutoCloseable onClose) throws SshException, InterruptedIOException {
        this.connection = connection;
        this.events = new OperationEvents(options);
        this.hello = hello;
        this.onClose = onClose;
        this.symlinkOrder = options.symlinkOrder();
        this.extensions = new SftpClientExtensions(this);
        boolean announced = extensions.supports(SftpExtensionNames.LIMITS);
        SftpExtensionReplies.Limits limits = announced ? extensions.limits()
                : new SftpExtensionReplies.Limits(0, 0, 0, 0);
        // PROTOCOL §4.8 limits@openssh.com; without it, only what filexfer-02 §3 makes every server accept
        int wanted = announced ? options.chunkSize()
                : Math.min(options.chunkSize(), SftpClientOptions.PORTABLE_CHUNK);
        this.readChunk = fit(wanted, limits.maxReadLength(), limits.maxPacketLength());
        this.writeChunk = fit(wanted, limits.maxWriteLength(), limits.maxPacketLength());
    }

    /**
     * Starts a client: sends INIT, waits for VERSION, then asks for limits@openssh.com if offered.
     *
     * @param in the server's output (the channel's stdout)
     * @param out the server's input (the channel's stdin)
     * @param options the settings
     * @return the client
     * @throws SshException if the server does not speak version 3, the stream fails, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public static SftpClient open(InputStream in, OutputStream out, SftpClientOptions options)
            throws SshException, InterruptedIOException {
        return open(in, out, options, () -> { });
    }

    /**
     * Starts a client that also closes {@code onClose} (such as the SSH channel) when closed.
     *
     * @param in the server's output
     * @param out the server's input
     * @param options the settings
     * @param onClose closed after the streams by {@link #close()}
     * @return the client
     * @throws SshException if the server does not speak version 3, the stream fails, or on timeout
     * @throws InterruptedIOException if interrupted
     */
    public static SftpClient open(InputStream in, OutputStream out, SftpClientOptions options,
            AutoCloseable onClose) throws SshException, InterruptedIOException {
        SftpConnection connection = new SftpConnection(in, out, options);
        try {
            return new SftpClient(connection, options, connection.start(), onClose);
        } catch (SshException | InterruptedIOException | RuntimeException e) {
            connection.close();
            closeQuietly(onClose);
            throw e;
        }
    }

    private static int fit(int wanted, long serverMax, long serverPacket) {
        long max = serverMax > 0 ? Math.min(wanted, serverMax) : wanted;
        if (serverPacket > 1024) {
            max = Math.min(max, serverPacket - 1024); // PROTOCOL §4.8: the whole packet must fit
        }
        return (int) Math.max(1, max);
    }

    /** @return the extensions the server announced in VERSION (PROTOCOL §4.2) */
    public List<ExtensionPair> serverExtensions() {
        return hello.extensions();
    }

    /** @return the READ length in use (the configured chunk, lowered to the server's limits) */
    public int readChunkSize() {
        return readChunk;
    }

    /** @return the WRITE length in use (the configured chunk, lowered to the server's limits) */
    public int writeChunkSize() {
        return writeChunk;
    }

    /** @return the OpenSSH extension requests (posix-rename, statvfs, hardlink, fsync, limits, ...) */
    public SftpClientExtensions extensions() {
        return extensions;
    }

    /** @return whole-file and directory-tree transfers with progress, resume and preserve */
    public SftpTransfers transfers() {
        return new SftpTransfers(this);
    }

    // ---------------------------------------------------------------- files

    /**
     * Opens a file (filexfer-02 §6.3) with no initial attributes.
     *
     * @param path the remote path
     * @param flags {@link OpenFlags} bits, e.g. {@code READ} or {@code WRITE | CREATE | TRUNCATE}
     * @return the handle; close it with {@link #close(SftpHandle)}
     * @throws SftpException the status the server returned (e.g. NO_SUCH_FILE, PERMISSION_DENIED)
     */
    public SftpHandle open(String path, int flags) throws SshException, InterruptedIOException {
        return open(path, flags, SftpAttributes.EMPTY);
    }

    /**
     * Opens a file (filexfer-02 §6.3).
     *
     * @param path the remote path
     * @param flags {@link OpenFlags} bits
     * @param attrs attributes for a newly created file (e.g. permissions)
     * @return the handle
     * @throws SftpException the status the server returned
     */
    public SftpHandle open(String path, int flags, SftpAttributes attrs) throws SshException, InterruptedIOException {
        Objects.requireNonNull(path, "path");
        return events.timed("open", () -> Replies.handle(connection.call(id -> new SftpRequest.Open(id, path, flags,
                attrs).encode())));
    }

    /**
     * Reads up to {@code length} bytes at {@code fileOffset} with one READ (filexfer-02 §6.4); the server may
     * return fewer.
     *
     * @param handle an open file handle
     * @param fileOffset the file offset
     * @param buffer the destination
     * @param offset where to store in {@code buffer}
     * @param length the most bytes (capped at {@link #readChunkSize()})
     * @return the bytes read, -1 at end of file
     * @throws SftpException the status the server returned
     */
    public int read(SftpHandle handle, long fileOffset, byte[] buffer, int offset, int length)
            throws SshException, InterruptedIOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        int wanted = Math.min(length, readChunk);
        byte[] data = events.timed("read", () -> Replies.dataOrEof(connection.call(id -> new SftpRequest.Read(id,
                handle, fileOffset, wanted).encode())));
        if (data == null) {
            return -1;
        }
        if (data.length > wanted) {
            throw new SshProtocolException("SFTP DATA longer than the READ asked for");
        }
        System.arraycopy(data, 0, buffer, offset, data.length);
        return data.length;
    }

    /**
     * Writes bytes at {@code fileOffset} (filexfer-02 §6.4), split into pipelined WRITEs of
     * {@link #writeChunkSize()}; returns once all are acknowledged.
     *
     * @param handle an open file handle
     * @param fileOffset the file offset
     * @param buffer the source
     * @param offset where the bytes start in {@code buffer}
     * @param length how many bytes
     * @throws SftpException the status the server returned
     */
    public void write(SftpHandle handle, long fileOffset, byte[] buffer, int offset, int length)
            throws SshException, InterruptedIOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        events.timed("write", () -> {
            PipelinedWriter writer = new PipelinedWriter(connection, handle, fileOffset, writeChunk);
            writer.write(buffer, offset, length);
            writer.flush();
            return null;
        });
    }

    /**
     * Closes a file or directory handle (filexfer-02 §6.3).
     *
     * @param handle the handle
     * @throws SftpException the status the server returned
     */
    public void close(SftpHandle handle) throws SshException, InterruptedIOException {
        handleOk("close", SftpPacketType.CLOSE, handle);
    }

    /**
     * @param path a remote path; symbolic links are followed (filexfer-02 §6.8)
     * @return its attributes
     * @throws SftpException the status the server returned (e.g. NO_SUCH_FILE)
     */
    public SftpAttributes stat(String path) throws SshException, InterruptedIOException {
        return events.timed("stat", () -> Replies.attrs(pathCall(SftpPacketType.STAT, path)));
    }

    /**
     * @param path a remote path; a symbolic link is not followed (filexfer-02 §6.8)
     * @return its attributes
     * @throws SftpException the status the server returned
     */
    public SftpAttributes lstat(String path) throws SshException, InterruptedIOException {
        return events.timed("lstat", () -> Replies.attrs(pathCall(SftpPacketType.LSTAT, path)));
    }

    /**
     * @param handle an open handle (filexfer-02 §6.8)
     * @return its attributes
     * @throws SftpException the status the server returned
     */
    public SftpAttributes fstat(SftpHandle handle) throws SshException, InterruptedIOException {
        return events.timed("fstat", () -> Replies.attrs(connection.call(id -> new SftpRequest.HandleRequest(id,
                SftpPacketType.FSTAT, handle).encode())));
    }

    /**
     * Changes attributes of a path (filexfer-02 §6.9): only the fields present are set.
     *
     * @param path the remote path
     * @param attrs the attributes to set (e.g. {@code EMPTY.withPermissions(0644)})
     * @throws SftpException the status the server returned
     */
    public void setstat(String path, SftpAttributes attrs) throws SshException, InterruptedIOException {
        pathAttrsOk("setstat", SftpPacketType.SETSTAT, path, attrs);
    }

    /**
     * Changes attributes of an open handle (filexfer-02 §6.9).
     *
     * @param handle the handle
     * @param attrs the attributes to set
     * @throws SftpException the status the server returned
     */
    public void fsetstat(SftpHandle handle, SftpAttributes attrs) throws SshException, InterruptedIOException {
        events.timed("fsetstat", () -> ok(connection.call(id -> new SftpRequest.Fsetstat(id, handle, attrs)
                .encode())));
    }

    // ---------------------------------------------------------------- directories

    /**
     * Opens a directory for listing (filexfer-02 §6.7).
     *
     * @param path the remote directory
     * @return the handle; read it with {@link #readdir}, close it with {@link #close(SftpHandle)}
     * @throws SftpException the status the server returned
     */
    public SftpHandle opendir(String path) throws SshException, InterruptedIOException {
        return events.timed("opendir", () -> Replies.handle(pathCall(SftpPacketType.OPENDIR, path)));
    }

    /**
     * Reads the next batch of names (filexfer-02 §6.7). The names are the server's: never use them as local paths
     * without checking (see {@link SafeLocalNames}).
     *
     * @param handle a directory handle
     * @return the next names, empty at the end of the directory
     * @throws SftpException the status the server returned
     */
    public List<SftpResponse.NameEntry> readdir(SftpHandle handle) throws SshException, InterruptedIOException {
        return events.timed("readdir", () -> Replies.namesOrEof(connection.call(id -> new SftpRequest.HandleRequest(
                id, SftpPacketType.READDIR, handle).encode())));
    }

    /**
     * Lists a whole directory: opendir, readdir until the end, close. "." and ".." are left out. At most
     * {@link #MAX_LIST_ENTRIES} entries and {@link #MAX_LIST_CHARS} characters of names: use {@link #iterate} for
     * larger directories.
     *
     * @param path the remote directory
     * @return every entry
     * @throws SftpException the status the server returned
     */
    public List<SftpResponse.NameEntry> list(String path) throws SshException, InterruptedIOException {
        List<SftpResponse.NameEntry> all = new ArrayList<>();
        long chars = 0;
        try (DirectoryListing listing = iterate(path)) {
            while (listing.hasNext()) {
                if (all.size() == MAX_LIST_ENTRIES) { // a server that never says EOF must not exhaust memory
                    throw new SftpFailureException(path + " lists more than " + MAX_LIST_ENTRIES + " entries", "");
                }
                SftpResponse.NameEntry entry = listing.next();
                chars += entry.filename().length() + entry.longname().length();
                if (chars > MAX_LIST_CHARS) { // nor one whose entries are each as large as a packet
                    throw new SftpFailureException(path + " lists more than " + MAX_LIST_CHARS + " characters of names",
                            "");
                }
                all.add(entry);
            }
        } catch (UncheckedIOException e) {
            throw DirectoryListing.unwrap(e);
        }
        return all;
    }

    /**
     * Iterates over a directory, reading batches as needed; close it to release the handle. "." and ".." are left
     * out. Failures while iterating surface as {@link java.io.UncheckedIOException} wrapping the
     * {@link SshException}.
     *
     * @param path the remote directory
     * @return the listing
     * @throws SftpException the status the server returned for OPENDIR
     */
    public DirectoryListing iterate(String path) throws SshException, InterruptedIOException {
        return new DirectoryListing(this, opendir(path));
    }

    /**
     * Creates a directory with default attributes (filexfer-02 §6.6).
     *
     * @param path the new directory
     * @throws SftpException the status the server returned (FAILURE when it exists, on OpenSSH)
     */
    public void mkdir(String path) throws SshException, InterruptedIOException {
        mkdir(path, SftpAttributes.EMPTY);
    }

    /**
     * Creates a directory (filexfer-02 §6.6).
     *
     * @param path the new directory
     * @param attrs its attributes (e.g. permissions)
     * @throws SftpException the status the server returned
     */
    public void mkdir(String path, SftpAttributes attrs) throws SshException, InterruptedIOException {
        pathAttrsOk("mkdir", SftpPacketType.MKDIR, path, attrs);
    }

    /**
     * Creates a directory and any missing parents; existing directories are fine.
     *
     * @param path the directory
     * @throws SftpException if a component exists and is not a directory, or a MKDIR fails
     */
    public void mkdirs(String path) throws SshException, InterruptedIOException {
        StringBuilder prefix = new StringBuilder(path.startsWith("/") ? "/" : "");
        for (String part : path.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            prefix.append(part);
            String current = prefix.toString();
            if (!isDirectory(current)) {
                mkdir(current);
            }
            prefix.append('/');
        }
    }

    private boolean isDirectory(String path) throws SshException, InterruptedIOException {
        try {
            if (stat(path).isDirectory()) {
                return true;
            }
            throw new SftpFailureException(path + " exists and is not a directory", "");
        } catch (SftpNoSuchFileException e) {
            return false;
        }
    }

    /**
     * Removes a directory (filexfer-02 §6.6).
     *
     * @param path the directory, which must be empty
     * @throws SftpException the status the server returned
     */
    public void rmdir(String path) throws SshException, InterruptedIOException {
        pathOk("rmdir", SftpPacketType.RMDIR, path);
    }

    // ---------------------------------------------------------------- names

    /**
     * Removes a file (filexfer-02 §6.5).
     *
     * @param path the file
     * @throws SftpException the status the server returned
     */
    public void remove(String path) throws SshException, InterruptedIOException {
        pathOk("remove", SftpPacketType.REMOVE, path);
    }

    /**
     * Renames a file (filexfer-02 §6.5); fails if the target exists. See
     * {@link SftpClientExtensions#posixRename} for replacing renames.
     *
     * @param oldPath the existing path
     * @param newPath the new path
     * @throws SftpException the status the server returned
     */
    public void rename(String oldPath, String newPath) throws SshException, InterruptedIOException {
        twoPathsOk("rename", SftpPacketType.RENAME, oldPath, newPath);
    }

    /**
     * Creates a symbolic link. The paths go in the options' {@link SftpClientOptions#symlinkOrder()}: by default
     * OpenSSH's, target first (PROTOCOL §4.1), as OpenSSH's, paramiko's and most other servers expect; the draft's
     * (filexfer-02 §6.10) for AsyncSSH.
     *
     * @param target what the link points to
     * @param linkPath the link to create
     * @throws SftpException the status the server returned
     */
    public void symlink(String target, String linkPath) throws SshException, InterruptedIOException {
        twoPathsOk("symlink", SftpPacketType.SYMLINK, symlinkOrder.first(target, linkPath),
                symlinkOrder.second(target, linkPath));
    }

    /**
     * @param path a symbolic link (filexfer-02 §6.10)
     * @return its target
     * @throws SftpException the status the server returned
     */
    public String readlink(String path) throws SshException, InterruptedIOException {
        return events.timed("readlink", () -> Replies.singleName(pathCall(SftpPacketType.READLINK, path)));
    }

    /**
     * @param path a path, possibly relative or with ".." (filexfer-02 §6.11)
     * @return the canonical absolute path
     * @throws SftpException the status the server returned
     */
    public String realpath(String path) throws SshException, InterruptedIOException {
        return events.timed("realpath", () -> Replies.singleName(pathCall(SftpPacketType.REALPATH, path)));
    }

    // ---------------------------------------------------------------- streams

    /**
     * Opens a remote file for reading as a stream with pipelined read-ahead.
     *
     * @param path the remote file
     * @param offset where to start reading
     * @return the stream; closing it closes the handle
     * @throws SftpException the status the server returned
     */
    public InputStream openInputStream(String path, long offset) throws SshException, InterruptedIOException {
        SftpHandle handle = open(path, OpenFlags.READ);
        return new RemoteInputStream(this, new PipelinedReader(connection, handle, offset, readChunk, -1), handle);
    }

    /**
     * Opens a remote file for writing as a stream with pipelined write-behind.
     *
     * @param path the remote file; created if missing
     * @param append true to write after the current end, false to truncate first
     * @return the stream; {@code close()} waits for every write and closes the handle
     * @throws SftpException the status the server returned
     */
    public OutputStream openOutputStream(String path, boolean append) throws SshException, InterruptedIOException {
        int flags = OpenFlags.WRITE | OpenFlags.CREATE | (append ? 0 : OpenFlags.TRUNCATE);
        SftpHandle handle = open(path, flags);
        long start = 0;
        try {
            start = append ? fstat(handle).size().orElse(0) : 0;
        } catch (SshException | InterruptedIOException e) {
            close(handle);
            throw e;
        }
        return new RemoteOutputStream(this, new PipelinedWriter(connection, handle, start, writeChunk), handle,
                writeChunk);
    }

    // ---------------------------------------------------------------- plumbing for the helpers

    /** @return the request core (for the pipelined transfers and the extensions) */
    SftpConnection connection() {
        return connection;
    }

    /** @return the event reporter */
    OperationEvents events() {
        return events;
    }

    /** @return true when the server announced the extension with the version this client speaks */
    boolean announced(String name) {
        String version = SftpExtensionNames.versionOf(name);
        return hello.extensions().stream().anyMatch(p -> p.name().equals(name) && p.text().equals(version));
    }

    /** Sends an extension request and returns its reply. */
    SftpResponse callExtension(SftpExtensionRequest request) throws SshException, InterruptedIOException {
        return connection.call(id -> request.toRequest(id).encode());
    }

    private SftpResponse pathCall(int type, String path) throws SshException, InterruptedIOException {
        Objects.requireNonNull(path, "path");
        return connection.call(id -> new SftpRequest.PathRequest(id, type, path).encode());
    }

    private void pathOk(String op, int type, String path) throws SshException, InterruptedIOException {
        events.timed(op, () -> ok(pathCall(type, path)));
    }

    private void handleOk(String op, int type, SftpHandle handle) throws SshException, InterruptedIOException {
        events.timed(op, () -> ok(connection.call(id -> new SftpRequest.HandleRequest(id, type, handle).encode())));
    }

    private void pathAttrsOk(String op, int type, String path, SftpAttributes attrs)
            throws SshException, InterruptedIOException {
        events.timed(op, () -> ok(connection.call(id -> new SftpRequest.PathAttrsRequest(id, type, path, attrs)
                .encode())));
    }

    private void twoPathsOk(String op, int type, String first, String second)
            throws SshException, InterruptedIOException {
        events.timed(op, () -> ok(connection.call(id -> new SftpRequest.TwoPathRequest(id, type, first, second)
                .encode())));
    }

    private static Void ok(SftpResponse reply) throws SshException {
        Replies.ok(reply);
        return null;
    }

    /** Closes the streams (the server sees EOF and ends the session), then the {@code onClose} resource. */
    @Override
    public void close() {
        connection.close();
        closeQuietly(onClose);
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // closing: nothing left to report to
        }
    }
}
