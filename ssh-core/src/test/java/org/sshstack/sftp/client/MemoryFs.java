package org.sshstack.sftp.client;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpStatusCode;

/**
 * A tiny in-memory SFTP file system for {@link FakeSftpServer}: files, directories and extra (possibly hostile)
 * names per directory. Paths are absolute strings; no normalization beyond what tests need. Used by one server
 * thread only.
 */
final class MemoryFs implements FakeSftpServer.Handler {

    private final Map<String, byte[]> files = new TreeMap<>();
    private final Map<String, List<SftpResponse.NameEntry>> extraNames = new HashMap<>();
    private final Map<SftpHandle, String> handles = new HashMap<>();
    private final Map<SftpHandle, Boolean> listed = new HashMap<>();
    private final AtomicInteger nextHandle = new AtomicInteger();
    private volatile byte[] fallback;
    private volatile SftpExtensionReplies.Limits limits;

    MemoryFs dir(String path) {
        files.put(path, null);
        return this;
    }

    MemoryFs file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    /** Adds a name READDIR returns for {@code dir} whatever it is; it claims to be a regular file. */
    MemoryFs extraName(String dir, String name) {
        extraNames.computeIfAbsent(dir, d -> new ArrayList<>()).add(new SftpResponse.NameEntry(name, name,
                SftpAttributes.EMPTY.withSize(4).withPermissions(SftpAttributes.TYPE_REGULAR | 0644)));
        return this;
    }

    /** Every unknown path reads as this content (a hostile server serving whatever is asked). */
    MemoryFs fallback(byte[] content) {
        fallback = content;
        return this;
    }

    MemoryFs limits(SftpExtensionReplies.Limits value) {
        limits = value;
        return this;
    }

    byte[] content(String path) {
        return files.get(path);
    }

    @Override
    public SftpResponse handle(SftpRequest request) {
        int id = request.id();
        if (request instanceof SftpRequest.Open open) {
            return open(open);
        } else if (request instanceof SftpRequest.Read read) {
            return read(read);
        } else if (request instanceof SftpRequest.Write write) {
            return write(write);
        } else if (request instanceof SftpRequest.HandleRequest h) {
            return handleRequest(h);
        } else if (request instanceof SftpRequest.PathRequest p) {
            return pathRequest(p);
        } else if (request instanceof SftpRequest.PathAttrsRequest p) {
            return p.type() == SftpPacketType.MKDIR ? mkdir(p) : status(id, 0);
        } else if (request instanceof SftpRequest.Extended e && e.name().equals(SftpExtensionNames.LIMITS)
                && limits != null) {
            return new SftpResponse.ExtendedReply(id, limits.encode());
        }
        return status(id, SftpStatusCode.OP_UNSUPPORTED.code());
    }

    private SftpResponse open(SftpRequest.Open open) {
        String path = open.path();
        if (!files.containsKey(path)) {
            if ((open.pflags() & OpenFlags.CREATE) != 0) {
                files.put(path, new byte[0]);
            } else if (fallback != null) {
                files.put(path, fallback);
            } else {
                return status(open.id(), SftpStatusCode.NO_SUCH_FILE.code());
            }
        }
        if ((open.pflags() & OpenFlags.TRUNCATE) != 0) {
            files.put(path, new byte[0]);
        }
        return new SftpResponse.Handle(open.id(), newHandle(path));
    }

    private SftpHandle newHandle(String path) {
        SftpHandle handle = new SftpHandle(Integer.toString(nextHandle.incrementAndGet())
                .getBytes(StandardCharsets.US_ASCII));
        handles.put(handle, path);
        return handle;
    }

    private SftpResponse read(SftpRequest.Read read) {
        byte[] content = files.get(handles.get(read.handle()));
        if (read.offset() >= content.length) {
            return status(read.id(), SftpStatusCode.EOF.code());
        }
        int end = (int) Math.min(content.length, read.offset() + read.length());
        return new SftpResponse.Data(read.id(), Arrays.copyOfRange(content, (int) read.offset(), end));
    }

    private SftpResponse write(SftpRequest.Write write) {
        String path = handles.get(write.handle());
        byte[] content = files.get(path);
        int end = (int) (write.offset() + write.data().length);
        byte[] grown = Arrays.copyOf(content, Math.max(end, content.length));
        System.arraycopy(write.data(), 0, grown, (int) write.offset(), write.data().length);
        files.put(path, grown);
        return status(write.id(), 0);
    }

    private SftpResponse handleRequest(SftpRequest.HandleRequest h) {
        String path = handles.get(h.handle());
        if (path == null) {
            return status(h.id(), SftpStatusCode.FAILURE.code());
        }
        return switch (h.type()) {
            case SftpPacketType.CLOSE -> {
                handles.remove(h.handle());
                yield status(h.id(), 0);
            }
            case SftpPacketType.FSTAT -> new SftpResponse.Attrs(h.id(), attrs(path));
            default -> listed.put(h.handle(), true) == null ? new SftpResponse.Name(h.id(), listing(path))
                    : status(h.id(), SftpStatusCode.EOF.code());
        };
    }

    private SftpResponse pathRequest(SftpRequest.PathRequest p) {
        String path = p.path();
        boolean known = files.containsKey(path) || fallback != null;
        return switch (p.type()) {
            case SftpPacketType.STAT, SftpPacketType.LSTAT -> known ? new SftpResponse.Attrs(p.id(), attrs(path))
                    : status(p.id(), SftpStatusCode.NO_SUCH_FILE.code());
            case SftpPacketType.OPENDIR -> new SftpResponse.Handle(p.id(), newHandle(path));
            case SftpPacketType.REALPATH -> new SftpResponse.Name(p.id(), List.of(new SftpResponse.NameEntry(
                    path.equals(".") ? "/" : path, "", SftpAttributes.EMPTY)));
            default -> status(p.id(), SftpStatusCode.OP_UNSUPPORTED.code());
        };
    }

    private SftpResponse mkdir(SftpRequest.PathAttrsRequest p) {
        if (files.containsKey(p.path())) {
            return status(p.id(), SftpStatusCode.FAILURE.code());
        }
        files.put(p.path(), null);
        return status(p.id(), 0);
    }

    private SftpAttributes attrs(String path) {
        byte[] content = files.containsKey(path) ? files.get(path) : fallback;
        if (content == null) {
            return SftpAttributes.EMPTY.withSize(0).withPermissions(SftpAttributes.TYPE_DIRECTORY | 0755);
        }
        return SftpAttributes.EMPTY.withSize(content.length).withPermissions(SftpAttributes.TYPE_REGULAR | 0644);
    }

    private List<SftpResponse.NameEntry> listing(String dir) {
        List<SftpResponse.NameEntry> out = new ArrayList<>(List.of(
                new SftpResponse.NameEntry(".", "", attrs(dir)), new SftpResponse.NameEntry("..", "", attrs(dir))));
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        for (String path : files.keySet()) {
            if (path.startsWith(prefix) && path.indexOf('/', prefix.length()) < 0 && path.length() > prefix.length()) {
                out.add(new SftpResponse.NameEntry(path.substring(prefix.length()), "", attrs(path)));
            }
        }
        out.addAll(extraNames.getOrDefault(dir, List.of()));
        return out;
    }

    private static SftpResponse status(int id, int code) {
        return new SftpResponse.Status(id, code, code == 0 ? "" : "status " + code, "");
    }
}
