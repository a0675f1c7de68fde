package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.CopyOption;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.SecureDirectoryStream;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileAttribute;
import java.util.HashSet;
import java.util.Set;

/**
 * Opens files and directories inside an {@link SftpRoot} without following any link, closing the time-of-check
 * to time-of-use window of the path jail (SECURITY.md D1).
 *
 * <p>The path from {@link SftpRoot#resolve} is link-free when it is checked. Here it is walked again from the
 * root's directory descriptor with {@link SecureDirectoryStream}: every directory on the way is opened with
 * {@code openat(2)} and {@code O_NOFOLLOW}, and the file itself too, so a component swapped for a link in
 * between fails ({@code ELOOP}) and is reported as a refusal. Where the file system offers no secure directory
 * stream, each component is checked with {@code lstat} before and after a path-based open with
 * {@code NOFOLLOW_LINKS}, and the open is undone if one turned into a link.
 */
final class JailedFiles {

    private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final SftpRoot root;

    JailedFiles(SftpRoot root) {
        this.root = root;
    }

    /**
     * @param real a path from {@link SftpRoot#resolve}, not the root itself
     * @param options open options; NOFOLLOW_LINKS is added
     * @param attrs attributes of a created file
     * @return the open channel
     * @throws IOException as the open failed; {@link java.nio.file.AccessDeniedException} for a swapped link
     */
    SeekableByteChannel openFile(Path real, Set<? extends OpenOption> options, FileAttribute<?>... attrs)
            throws IOException {
        Set<OpenOption> all = new HashSet<>(options);
        all.add(NOFOLLOW);
        Path relative = relativeName(real);
        SecureDirectoryStream<Path> parent = parentOf(relative);
        if (parent == null) {
            checkNoLinks(relative);
            SeekableByteChannel channel = Files.newByteChannel(real, all, attrs);
            return verified(relative, channel);
        }
        try (parent) {
            Path name = relative.getFileName();
            try {
                return parent.newByteChannel(name, all, attrs);
            } catch (IOException e) {
                throw linkOr(parent, name, e);
            }
        }
    }

    /**
     * @param real a path from {@link SftpRoot#resolve}
     * @return an open stream over the directory (a {@link SecureDirectoryStream} where the file system has one)
     * @throws IOException as the open failed; {@link java.nio.file.AccessDeniedException} for a swapped link
     */
    DirectoryStream<Path> openDirectory(Path real) throws IOException {
        Path relative = root.root().relativize(real);
        if (relative.toString().isEmpty()) {
            return Files.newDirectoryStream(root.root());
        }
        SecureDirectoryStream<Path> parent = parentOf(relative);
        if (parent == null) {
            checkNoLinks(relative);
            return verified(relative, Files.newDirectoryStream(real));
        }
        try (parent) {
            Path name = relative.getFileName();
            try {
                return parent.newDirectoryStream(name, NOFOLLOW);
            } catch (IOException e) {
                throw linkOr(parent, name, e);
            }
        }
    }

    /**
     * Removes a file or link (unlinkat(2)), never a directory and never through a link.
     *
     * @param real a path from {@link SftpRoot#resolveNoFollow}
     * @param directory remove a directory (rmdir) instead of a file (remove)
     * @throws IOException as the removal failed
     */
    void delete(Path real, boolean directory) throws IOException {
        Path relative = relativeName(real);
        SecureDirectoryStream<Path> parent = parentOf(relative);
        if (parent == null) {
            checkParents(relative);
            if (Files.isDirectory(real, NOFOLLOW) != directory) {
                throw new FileSystemException(relative.toString(), null,
                        directory ? "Not a directory" : "Is a directory");
            }
            Files.delete(real);
            return;
        }
        try (parent) {
            Path name = relative.getFileName();
            if (directory) {
                parent.deleteDirectory(name);
            } else {
                parent.deleteFile(name);
            }
        }
    }

    /**
     * Renames (renameat(2)) with both parents reached without following links.
     *
     * @param from a path from {@link SftpRoot#resolveNoFollow}
     * @param to a path from {@link SftpRoot#resolveNoFollow}
     * @param replace whether an existing target is replaced (POSIX rename) or an error (filexfer-02 §6.5)
     * @throws IOException as the rename failed; {@link java.nio.file.FileAlreadyExistsException} for a target
     */
    void move(Path from, Path to, boolean replace) throws IOException {
        Path source = relativeName(from);
        Path target = relativeName(to);
        SecureDirectoryStream<Path> sourceParent = parentOf(source);
        if (sourceParent == null) {
            checkParents(source);
            checkParents(target);
            if (!replace && Files.exists(to, NOFOLLOW)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            Files.move(from, to, replace ? new CopyOption[] {StandardCopyOption.REPLACE_EXISTING} : new CopyOption[0]);
            return;
        }
        try (sourceParent; SecureDirectoryStream<Path> targetParent = parentOf(target)) {
            Path name = target.getFileName();
            if (!replace && exists(targetParent, name)) {
                throw new FileAlreadyExistsException(target.toString());
            }
            sourceParent.move(source.getFileName(), targetParent, name);
        }
    }

    /**
     * Checks, after the fact, that no directory between the root and a path is a link (for the operations the
     * JDK cannot do relative to a directory descriptor).
     *
     * @param real a path inside the root
     * @throws IOException {@link java.nio.file.AccessDeniedException} if one is
     */
    void verify(Path real) throws IOException {
        checkParents(root.root().relativize(real));
    }

    private static boolean exists(SecureDirectoryStream<Path> dir, Path name) throws IOException {
        try {
            dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW).readAttributes();
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private Path relativeName(Path real) throws IOException {
        Path relative = root.root().relativize(real);
        if (relative.toString().isEmpty()) {
            throw SftpRoot.denied(); // the root itself is never removed, renamed or replaced
        }
        return relative;
    }

    /** Walks every directory above the last name with O_NOFOLLOW; null where there is no secure stream. */
    private SecureDirectoryStream<Path> parentOf(Path relative) throws IOException {
        DirectoryStream<Path> top = Files.newDirectoryStream(root.root());
        if (!(top instanceof SecureDirectoryStream<Path> dir)) {
            top.close();
            return null;
        }
        for (int i = 0; i < relative.getNameCount() - 1; i++) {
            Path name = relative.getName(i);
            SecureDirectoryStream<Path> current = dir;
            try {
                dir = current.newDirectoryStream(name, NOFOLLOW);
            } catch (IOException e) {
                throw linkOr(current, name, e);
            } finally {
                current.close();
            }
        }
        return dir;
    }

    /** A failure at a component that is now a link is a refusal; anything else stays what it was. */
    private static IOException linkOr(SecureDirectoryStream<Path> dir, Path name, IOException e) {
        if (e instanceof NoSuchFileException) {
            return e;
        }
        try {
            boolean link = dir.getFileAttributeView(name, BasicFileAttributeView.class, NOFOLLOW)
                    .readAttributes().isSymbolicLink();
            return link ? SftpRoot.denied() : e;
        } catch (IOException ignored) {
            return e;
        }
    }

    private <T extends AutoCloseable> T verified(Path relative, T opened) throws IOException {
        try {
            checkNoLinks(relative);
            return opened;
        } catch (IOException e) {
            try {
                opened.close();
            } catch (Exception suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    private void checkParents(Path relative) throws IOException {
        if (relative.getParent() != null) {
            checkNoLinks(relative.getParent());
        }
    }

    private void checkNoLinks(Path relative) throws IOException {
        Path current = root.root();
        for (Path name : relative) {
            current = current.resolve(name);
            if (Files.isSymbolicLink(current)) {
                throw SftpRoot.denied();
            }
        }
    }
}
