package org.sshstack.sftp.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;

/**
 * The path jail of one SFTP session: maps every client path to a real path inside one root directory
 * (SECURITY.md D1).
 *
 * <p>Rules, chosen so that nothing outside the root can be read, changed or even enumerated:
 * <ul>
 *   <li>Paths are resolved the way a chroot(2)ed OpenSSH sftp-server sees them: {@code /} is the root, a
 *       relative path starts at the root (the session's home), an absolute symlink target is read relative
 *       to the root.</li>
 *   <li>Every refusal is {@link AccessDeniedException} ({@code SSH_FX_PERMISSION_DENIED}) with the same fixed
 *       message: a {@code ..} that climbs above the root, a backslash (so {@code ..\x} and {@code C:\} are
 *       never names), a NUL byte, a path longer than {@link #MAX_PATH} bytes or a name longer than
 *       {@link #MAX_NAME} bytes, and (under {@link SymlinkPolicy#FOLLOW_NONE}) any link on the way.
 *       {@code %2e%2e} and {@code ~} are ordinary names: nothing is decoded or expanded here.</li>
 *   <li>The walk is done by hand, one component at a time, from the real root: each component is
 *       {@code lstat}ed and a link is replaced by its target's components (at most {@link #MAX_LINKS} links,
 *       then {@link FileSystemLoopException}). So {@code ..} is always taken on a real, link-free path, and
 *       <b>nothing outside the root is ever looked at</b>: the answer for an outside target cannot depend on
 *       whether it exists (the MINA CVE-2023-35887 / Erlang CVE-2026-53422 class of leaks).</li>
 * </ul>
 *
 * <p>Time of check to time of use: the result is a link-free path at the time of the check; a directory on it
 * could be swapped for a link before it is used. {@link JailedFiles} therefore opens files and directories
 * with a second walk that uses {@code openat(2)} with {@code O_NOFOLLOW} on every component (through
 * {@link java.nio.file.SecureDirectoryStream}), so a swapped component fails instead of being followed.
 * Operations the JDK cannot do relative to a directory descriptor (mkdir, symlink, link, readlink, statvfs)
 * resolve again after the call and report a refusal if the answer changed; the window left there needs a local
 * writer racing inside the root, never the SFTP client alone (its requests run one after another).
 */
final class SftpRoot {

    /** The longest client path accepted, in UTF-8 bytes (PATH_MAX of Linux). */
    public static final int MAX_PATH = 4096;

    /** The longest single name accepted, in UTF-8 bytes (NAME_MAX of Linux). */
    public static final int MAX_NAME = 255;

    /** The most symbolic links followed in one resolution (SYMLOOP_MAX of Linux). */
    public static final int MAX_LINKS = 40;

    private final Path root;
    private final SymlinkPolicy policy;
    private Runnable afterResolve = () -> { };

    /**
     * @param root the directory that is "/" for the client; must exist
     * @param policy how links on the way are treated
     * @throws IOException if the root does not exist or is not a directory
     */
    public SftpRoot(Path root, SymlinkPolicy policy) throws IOException {
        this.root = root.toRealPath();
        this.policy = Objects.requireNonNull(policy, "policy");
        if (!Files.isDirectory(this.root)) {
            throw new IOException("SFTP root is not a directory: " + root);
        }
    }

    /** @return the real path of the root */
    public Path root() {
        return root;
    }

    /**
     * Resolves a client path, following every link on the way (stat, open, setstat...).
     *
     * @param clientPath the path as the client sent it
     * @return a link-free real path inside the root
     * @throws IOException {@link AccessDeniedException} if the path leaves the root or is not acceptable
     */
    public Path resolve(String clientPath) throws IOException {
        return resolve(clientPath, true);
    }

    /**
     * Resolves a client path whose last component is used as is, even if it is a link (lstat, readlink, remove,
     * rename, the new name of symlink and link).
     *
     * @param clientPath the path as the client sent it
     * @return a real path inside the root whose parent is link-free
     * @throws IOException {@link AccessDeniedException} if the path leaves the root or is not acceptable
     */
    public Path resolveNoFollow(String clientPath) throws IOException {
        return resolve(clientPath, false);
    }

    /**
     * @param real a path inside the root
     * @return the path as the client sees it: absolute, "/" being the root
     */
    public String clientView(Path real) {
        Path relative = root.relativize(real);
        return relative.toString().isEmpty() ? "/" : "/" + relative.toString().replace('\\', '/');
    }

    /** Test hook (package-private): runs after every resolution, before the caller uses the result. */
    void afterResolve(Runnable hook) {
        afterResolve = Objects.requireNonNull(hook, "hook");
    }

    private Path resolve(String clientPath, boolean followLast) throws IOException {
        checkText(clientPath);
        Deque<String> pending = new ArrayDeque<>();
        push(pending, clientPath);
        Path current = root;
        int links = 0;
        while (!pending.isEmpty()) {
            String name = pending.pop();
            if (name.equals("..")) {
                current = parentInside(current);
                continue;
            }
            Path next = current.resolve(name);
            boolean last = pending.isEmpty();
            if ((last && !followLast) || !Files.isSymbolicLink(next)) {
                current = next;
                continue;
            }
            if (policy == SymlinkPolicy.FOLLOW_NONE) {
                throw denied();
            }
            if (++links > MAX_LINKS) {
                throw new FileSystemLoopException(clientView(next));
            }
            String target = Files.readSymbolicLink(next).toString();
            checkText(target);
            push(pending, target);
            if (target.startsWith("/")) {
                current = root;
            }
        }
        afterResolve.run();
        return current;
    }

    private Path parentInside(Path current) throws AccessDeniedException {
        if (current.equals(root)) {
            throw denied(); // a ".." above the root: refused, never clamped, never looked up
        }
        return current.getParent();
    }

    /** Puts the components of a path in front of the pending ones, skipping empty names and ".". */
    private static void push(Deque<String> pending, String path) {
        String[] names = path.split("/");
        for (int i = names.length - 1; i >= 0; i--) {
            if (!names[i].isEmpty() && !names[i].equals(".")) {
                pending.push(names[i]);
            }
        }
    }

    private static void checkText(String path) throws AccessDeniedException {
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0 || utf8Length(path) > MAX_PATH) {
            throw denied();
        }
        for (String name : path.split("/")) {
            if (utf8Length(name) > MAX_NAME) {
                throw denied();
            }
        }
    }

    private static int utf8Length(String text) {
        return text.length() > MAX_PATH ? MAX_PATH + 1 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    static AccessDeniedException denied() {
        return new AccessDeniedException("permission denied");
    }
}
