package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.SeekableByteChannel;
import java.util.List;
import java.util.Set;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpResponse;

/**
 * The path requests of the SFTP server (filexfer-02 §6.5-§6.11): every path goes through the jail first, and
 * every change is refused in read-only mode.
 */
final class PathOps {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SessionState state;

    PathOps(SessionState state) {
        this.state = state;
    }

    /** filexfer-02 §6.8: SSH_FXP_STAT (follow = true) or SSH_FXP_LSTAT. */
    SftpResponse stat(int id, String path, boolean follow) throws IOException {
        Path real = follow ? state.root().resolve(path) : state.root().resolveNoFollow(path);
        return new SftpResponse.Attrs(id, Attributes.read(real, NOFOLLOW));
    }

    /** filexfer-02 §6.9: SSH_FXP_SETSTAT (follow = true) or lsetstat@openssh.com (PROTOCOL §4.7). */
    SftpResponse setStat(int id, String path, SftpAttributes attrs, boolean follow) throws IOException {
        state.requireWritable();
        Path real = follow ? state.root().resolve(path) : state.root().resolveNoFollow(path);
        Attributes.apply(real, attrs, size -> {
            try (SeekableByteChannel channel = state.files().openFile(real, Set.of(StandardOpenOption.WRITE))) {
                HandleOps.setSize(channel, size);
            }
        }, NOFOLLOW);
        return SftpResponse.Status.ok(id);
    }

    /** filexfer-02 §6.6: SSH_FXP_MKDIR. */
    SftpResponse mkdir(int id, String path, SftpAttributes attrs) throws IOException {
        state.requireWritable();
        Path real = state.root().resolveNoFollow(path);
        Files.createDirectory(real, Attributes.createMode(attrs));
        state.files().verify(real);
        return SftpResponse.Status.ok(id);
    }

    /** filexfer-02 §6.5 SSH_FXP_REMOVE (directory = false) and §6.6 SSH_FXP_RMDIR. */
    SftpResponse remove(int id, String path, boolean directory) throws IOException {
        state.requireWritable();
        state.files().delete(state.root().resolveNoFollow(path), directory);
        return SftpResponse.Status.ok(id);
    }

    /** filexfer-02 §6.5: SSH_FXP_RENAME (replace = false) and posix-rename@openssh.com (PROTOCOL §4.3). */
    SftpResponse rename(int id, String from, String to, boolean replace) throws IOException {
        state.requireWritable();
        state.files().move(state.root().resolveNoFollow(from), state.root().resolveNoFollow(to), replace);
        return SftpResponse.Status.ok(id);
    }

    /** filexfer-02 §6.11: SSH_FXP_REALPATH, answered with the path as the client sees it ("/" is the root). */
    SftpResponse realPath(int id, String path) throws IOException {
        return name(id, existing(state.root(), path)); // `put -r` and `scp -r` ask for a directory to be made
    }

    /** filexfer-02 §6.10: SSH_FXP_READLINK, the link's text as stored. */
    SftpResponse readLink(int id, String path) throws IOException {
        return name(id, Files.readSymbolicLink(state.root().resolveNoFollow(path)).toString());
    }

    /**
     * SSH_FXP_SYMLINK, its paths already put in order (PROTOCOL §4.1, filexfer-02 §6.10). Refused unless
     * allowed; the target must stay inside the root and an absolute one is stored relative to the link, so the
     * link means the same inside the jail and on the host.
     */
    SftpResponse symlink(int id, String target, String link) throws IOException {
        state.requireWritable();
        if (!state.config().allowSymlinkCreation()) {
            throw SftpRoot.denied();
        }
        Path real = state.root().resolveNoFollow(link);
        String parent = state.root().clientView(real.getParent());
        String absolute = target.startsWith("/") ? target : parent + "/" + target;
        Path inside = state.root().resolve(absolute);
        Path stored = target.startsWith("/") ? real.getParent().relativize(inside) : Path.of(target);
        Files.createSymbolicLink(real, stored);
        state.files().verify(real);
        return SftpResponse.Status.ok(id);
    }

    /** hardlink@openssh.com (PROTOCOL §4.5): link(oldpath, newpath), neither followed. */
    SftpResponse hardLink(int id, String existing, String link) throws IOException {
        state.requireWritable();
        Path from = state.root().resolveNoFollow(existing);
        Path to = state.root().resolveNoFollow(link);
        Files.createLink(to, from);
        try {
            state.files().verify(from);
            state.files().verify(to);
        } catch (IOException e) {
            Files.deleteIfExists(to);
            throw e;
        }
        return SftpResponse.Status.ok(id);
    }

    /**
     * @param root the jail
     * @param path a client path
     * @return the path as the client sees it, canonical
     * @throws IOException NO_SUCH_FILE if it does not exist and neither does its parent directory (OpenSSH's
     *         sftp-realpath.c accepts a missing last component only)
     */
    static String existing(SftpRoot root, String path) throws IOException {
        Path real = root.resolve(path);
        Path parent = real.getParent();
        if (!Files.exists(real, NOFOLLOW) && (parent == null || !Files.isDirectory(parent, NOFOLLOW))) {
            throw new NoSuchFileException(path);
        }
        return root.clientView(real);
    }

    /**
     * @param id the request id
     * @param path one name
     * @return a NAME reply with it as filename and longname, no attributes (filexfer-02 §6.11)
     */
    static SftpResponse name(int id, String path) {
        return new SftpResponse.Name(id, List.of(new SftpResponse.NameEntry(path, path, SftpAttributes.EMPTY)));
    }
}
