package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpEofException;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;

/** The handle requests of the SFTP server: OPEN, CLOSE, READ, WRITE, FSTAT, FSETSTAT (filexfer-02 §6.3-§6.9). */
final class HandleOps {

    private static final int WRITE_FLAGS = OpenFlags.WRITE | OpenFlags.APPEND | OpenFlags.CREATE
            | OpenFlags.TRUNCATE | OpenFlags.EXCLUSIVE;
    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SessionState state;

    HandleOps(SessionState state) {
        this.state = state;
    }

    /** filexfer-02 §6.3: SSH_FXP_OPEN. */
    SftpResponse open(SftpRequest.Open request) throws IOException {
        int flags = request.pflags();
        if ((flags & WRITE_FLAGS) != 0) {
            state.requireWritable();
        }
        requireRoom();
        Path path = state.root().resolve(request.path());
        boolean write = (flags & (OpenFlags.WRITE | OpenFlags.APPEND)) != 0;
        boolean read = (flags & OpenFlags.READ) != 0 || !write;
        Set<OpenOption> options = new HashSet<>();
        if (read) {
            options.add(StandardOpenOption.READ);
        }
        if (write) {
            options.add(StandardOpenOption.WRITE);
        }
        if ((flags & OpenFlags.CREATE) != 0) {
            options.add((flags & OpenFlags.EXCLUSIVE) != 0 ? StandardOpenOption.CREATE_NEW : StandardOpenOption.CREATE);
            if (!write) {
                createForReading(path, flags, request.attrs());
            }
        }
        if ((flags & OpenFlags.TRUNCATE) != 0) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        SeekableByteChannel channel = state.files().openFile(path, options, Attributes.createMode(request.attrs()));
        boolean append = (flags & OpenFlags.APPEND) != 0;
        return handle(request.id(), new OpenHandle.File(path, channel, append, read, write));
    }

    /**
     * java.nio ignores CREATE and CREATE_NEW on a channel opened only for reading, where open(2) with
     * O_RDONLY|O_CREAT (what OpenSSH's sftp-server does for READ|CREAT) creates the file and O_EXCL refuses an
     * existing one: so the file is created first, with a write-only open that is closed at once.
     */
    private void createForReading(Path path, int flags, SftpAttributes attrs) throws IOException {
        try (SeekableByteChannel created = state.files().openFile(path, Set.of(StandardOpenOption.WRITE,
                StandardOpenOption.CREATE_NEW), Attributes.createMode(attrs))) {
            // created empty: the read-only open follows
        } catch (FileAlreadyExistsException exists) {
            if ((flags & OpenFlags.EXCLUSIVE) != 0) {
                throw exists;
            }
        }
    }

    /** filexfer-02 §6.7: SSH_FXP_OPENDIR. */
    SftpResponse openDirectory(SftpRequest.PathRequest request) throws IOException {
        requireRoom();
        Path path = state.root().resolve(request.path());
        DirectoryStream<Path> stream = state.files().openDirectory(path);
        return handle(request.id(), new OpenHandle.Directory(path, stream, stream.iterator()));
    }

    /** filexfer-02 §6.3: SSH_FXP_CLOSE; an unknown handle is a FAILURE. */
    SftpResponse close(SftpRequest.HandleRequest request) throws IOException {
        OpenHandle handle = state.handles().remove(request.handle().bytes())
                .orElseThrow(() -> new SftpFailureException("Invalid handle", ""));
        handle.close();
        return SftpResponse.Status.ok(request.id());
    }

    /**
     * filexfer-02 §6.4: SSH_FXP_READ; returns at most the configured length, EOF at the end of the file.
     *
     * @return the DATA reply
     */
    SftpResponse.Data read(SftpRequest.Read request) throws IOException {
        OpenHandle.File file = state.file(request.handle());
        int length = Math.min(request.length(), state.config().maxReadLength());
        ByteBuffer buffer = ByteBuffer.allocate(length);
        SeekableByteChannel channel = file.channel();
        if (request.offset() < 0 || request.offset() >= channel.size()) {
            throw new SftpEofException("End of file", "");
        }
        channel.position(request.offset());
        while (buffer.hasRemaining() && channel.read(buffer) > 0) {
            // keep reading until the buffer is full or the file ends
        }
        if (buffer.position() == 0) {
            throw new SftpEofException("End of file", "");
        }
        byte[] data = new byte[buffer.position()];
        buffer.flip().get(data);
        return new SftpResponse.Data(request.id(), data);
    }

    /** filexfer-02 §6.4: SSH_FXP_WRITE (at the end of the file for an APPEND handle). */
    SftpResponse write(SftpRequest.Write request) throws IOException {
        OpenHandle.File file = state.file(request.handle());
        if (!file.writable()) {
            throw new SftpFailureException("Handle not open for writing", "");
        }
        writeAt(file, request.offset(), ByteBuffer.wrap(request.data()));
        return SftpResponse.Status.ok(request.id());
    }

    /** filexfer-02 §6.8: SSH_FXP_FSTAT (on the handle's link-free path, never following a swapped link). */
    SftpResponse fstat(SftpRequest.HandleRequest request) throws IOException {
        OpenHandle handle = state.handles().find(request.handle().bytes())
                .orElseThrow(() -> new SftpFailureException("Invalid handle", ""));
        return new SftpResponse.Attrs(request.id(), Attributes.read(handle.path(), NOFOLLOW));
    }

    /** filexfer-02 §6.9: SSH_FXP_FSETSTAT. */
    SftpResponse fsetstat(SftpRequest.Fsetstat request) throws IOException {
        state.requireWritable();
        OpenHandle handle = state.handles().find(request.handle().bytes())
                .orElseThrow(() -> new SftpFailureException("Invalid handle", ""));
        Attributes.SizeSetter size = handle instanceof OpenHandle.File file ? value -> setSize(file.channel(), value)
                : value -> {
                    throw new SftpFailureException("Not a file handle", "");
                };
        Attributes.apply(handle.path(), request.attrs(), size, NOFOLLOW);
        return SftpResponse.Status.ok(request.id());
    }

    /**
     * SSH_FXP_READDIR (filexfer-02 §6.7): the next batch of names, EOF when the listing is done.
     *
     * @param request the request
     * @param batch the most names per reply
     * @return the NAME reply
     */
    SftpResponse readDirectory(SftpRequest.HandleRequest request, int batch) throws IOException {
        OpenHandle.Directory directory = state.directory(request.handle());
        List<SftpResponse.NameEntry> entries = new ArrayList<>();
        while (entries.size() < batch && directory.entries().hasNext()) {
            String name = directory.entries().next().getFileName().toString();
            try {
                Map<String, Object> raw = Attributes.readRaw(directory.path().resolve(name), NOFOLLOW);
                entries.add(new SftpResponse.NameEntry(name, LongName.of(name, raw, state.now()), Attributes.of(raw)));
            } catch (IOException vanished) {
                // removed since it was listed: leave it out
            }
        }
        if (entries.isEmpty()) {
            throw new SftpEofException("End of directory", "");
        }
        return new SftpResponse.Name(request.id(), entries);
    }

    /**
     * @param file an open file
     * @param offset where to write (ignored for APPEND handles)
     * @param data the bytes
     * @throws IOException if the write fails
     */
    static void writeAt(OpenHandle.File file, long offset, ByteBuffer data) throws IOException {
        if (offset < 0) {
            throw new SftpFailureException("Offset beyond 2^63", "");
        }
        SeekableByteChannel channel = file.channel();
        channel.position(file.append() ? channel.size() : offset);
        while (data.hasRemaining()) {
            channel.write(data);
        }
    }

    /**
     * @param channel an open file
     * @param size the new size: shorter truncates, longer extends with zeros
     * @throws IOException if it cannot be set
     */
    static void setSize(SeekableByteChannel channel, long size) throws IOException {
        if (size < channel.size()) {
            channel.truncate(size);
        } else if (size > channel.size()) {
            channel.position(size - 1).write(ByteBuffer.wrap(new byte[1]));
        }
    }

    /** @param handle the handle @return fsync of an open file, if the channel can */
    static void sync(OpenHandle.File handle) throws IOException {
        if (!(handle.channel() instanceof FileChannel channel)) {
            throw new UnsupportedOperationException("fsync");
        }
        channel.force(true);
    }

    private SftpResponse handle(int id, OpenHandle handle) {
        return new SftpResponse.Handle(id, new SftpHandle(state.handles().add(handle)));
    }

    private void requireRoom() throws SftpFailureException {
        if (!state.handles().hasRoom()) {
            throw new SftpFailureException("Too many open handles", "");
        }
    }
}
