package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpStatusCode;

/**
 * SECURITY.md D1 ({@code SftpJail}): every request times every path form that could name a file outside the
 * root, each once with an existing and once with a missing outside target. The two answers must be identical
 * (nothing outside can be enumerated), an escaping form must be PERMISSION_DENIED, and nothing outside the root
 * may change. Plus links swapped in between the check and the use (TOCTOU), made deterministic by a hook.
 */
class SftpJailTest {

    @TempDir
    Path tmp;

    Path root;
    Path outside;

    /** A way of writing a path that would reach {@code outside/<target>} if the jail were broken. */
    record Form(String name, UnaryOperator<String> path, boolean escapes) {
    }

    /** A request built around one client path; {@code fixed} is its answer whatever the path, if any. */
    record Op(String name, BiFunction<SftpHarness, String, SftpRequest> request, SftpStatusCode fixed) {
    }

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectory(tmp.resolve("root"));
        outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "secret");
        Files.createDirectory(outside.resolve("secretdir"));
        resetRoot();
    }

    List<Form> forms() {
        String abs = outside.toAbsolutePath().toString();
        return List.of(new Form("../x", t -> "../outside/" + t, true),
                new Form("..\\x", t -> "..\\outside\\" + t, true),
                new Form("/abs", t -> abs + "/" + t, false),
                new Form("a/../../x", t -> "a/../../outside/" + t, true),
                new Form("%2e%2e", t -> "%2e%2e/outside/" + t, false),
                new Form("x\\0y", t -> "../outside/" + t + "\0.txt", true),
                new Form("64 KiB path", t -> "../".repeat(21846) + "outside/" + t, true),
                new Form("64 KiB name", t -> "x".repeat(65536) + "/../../outside/" + t, true),
                new Form("C:\\", t -> "C:\\..\\outside\\" + t, true),
                new Form("~", t -> "~/../../outside/" + t, true),
                new Form("link to outside dir", t -> "link/" + t, true),
                new Form("link to outside file", t -> "file-" + t, false));
    }

    static List<Op> ops() {
        SftpHandle forged = new SftpHandle(new byte[HandleTable.HANDLE_BYTES]);
        int write = OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE;
        SftpAttributes truncate = SftpAttributes.EMPTY.withSize(0);
        return List.of(new Op("OPEN read", (s, p) -> s.open(p, OpenFlags.READ), null),
                new Op("OPEN write", (s, p) -> s.open(p, write), null),
                new Op("OPENDIR", (s, p) -> s.path(SftpPacketType.OPENDIR, p), null),
                new Op("STAT", (s, p) -> s.path(SftpPacketType.STAT, p), null),
                new Op("LSTAT", (s, p) -> s.path(SftpPacketType.LSTAT, p), null),
                new Op("SETSTAT", (s, p) -> new SftpRequest.PathAttrsRequest(s.id(), SftpPacketType.SETSTAT, p,
                        truncate), null),
                new Op("REALPATH", (s, p) -> s.path(SftpPacketType.REALPATH, p), null),
                new Op("RENAME from", (s, p) -> twoPaths(s, SftpPacketType.RENAME, p, "renamed"), null),
                new Op("RENAME to", (s, p) -> twoPaths(s, SftpPacketType.RENAME, "inside.txt", p), null),
                new Op("posix-rename from", (s, p) -> ext(s, SftpExtensionNames.POSIX_RENAME, p, "renamed"), null),
                new Op("posix-rename to", (s, p) -> ext(s, SftpExtensionNames.POSIX_RENAME, "inside.txt", p), null),
                new Op("REMOVE", (s, p) -> s.path(SftpPacketType.REMOVE, p), null),
                new Op("MKDIR", (s, p) -> new SftpRequest.PathAttrsRequest(s.id(), SftpPacketType.MKDIR, p,
                        SftpAttributes.EMPTY), null),
                new Op("RMDIR", (s, p) -> s.path(SftpPacketType.RMDIR, p), null),
                new Op("SYMLINK target", (s, p) -> twoPaths(s, SftpPacketType.SYMLINK, p, "newlink"), null),
                new Op("SYMLINK link", (s, p) -> twoPaths(s, SftpPacketType.SYMLINK, "inside.txt", p), null),
                new Op("READLINK", (s, p) -> s.path(SftpPacketType.READLINK, p), null),
                new Op("hardlink from", (s, p) -> ext(s, SftpExtensionNames.HARDLINK, p, "hard"), null),
                new Op("hardlink to", (s, p) -> ext(s, SftpExtensionNames.HARDLINK, "inside.txt", p), null),
                new Op("statvfs", (s, p) -> s.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.STATVFS,
                        p)), null),
                new Op("lsetstat", (s, p) -> s.extension(new SftpExtensionRequest.Lsetstat(p, truncate)), null),
                new Op("expand-path", (s, p) -> s.extension(new SftpExtensionRequest.OnePath(
                        SftpExtensionNames.EXPAND_PATH, p)), null),
                new Op("home-directory", (s, p) -> s.extension(new SftpExtensionRequest.OnePath(
                        SftpExtensionNames.HOME_DIRECTORY, p)), SftpStatusCode.NO_SUCH_FILE),
                new Op("FSTAT forged handle", (s, p) -> new SftpRequest.HandleRequest(s.id(), SftpPacketType.FSTAT,
                        forged), SftpStatusCode.FAILURE),
                new Op("copy-data forged handles", (s, p) -> s.extension(new SftpExtensionRequest.CopyData(forged, 0,
                        0, new SftpHandle(new byte[] {1}), 0)), SftpStatusCode.FAILURE),
                new Op("fstatvfs forged handle", (s, p) -> s.extension(new SftpExtensionRequest.OneHandle(
                        SftpExtensionNames.FSTATVFS, forged)), SftpStatusCode.FAILURE));
    }

    @Test
    void everyRequestTimesEveryPathFormAnswersAlikeForExistingAndMissingTargets() throws Exception {
        Map<String, String> before = snapshot();
        SoftAssertions softly = new SoftAssertions();
        int checked = 0;
        try (SftpHarness sftp = new SftpHarness(config(), "alice")) {
            for (Op op : ops()) {
                for (Form form : forms()) {
                    SftpStatusCode existing = run(sftp, op, form.path().apply("secret"));
                    SftpStatusCode missing = run(sftp, op, form.path().apply("missing"));
                    String what = op.name() + " x " + form.name();
                    softly.assertThat(existing).as(what + ": existing vs missing").isEqualTo(missing);
                    if (op.fixed() != null) {
                        softly.assertThat(existing).as(what).isEqualTo(op.fixed());
                    } else if (form.escapes()) {
                        softly.assertThat(existing).as(what).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
                    }
                    checked++;
                }
            }
        }
        softly.assertThat(snapshot()).as("outside the root").isEqualTo(before);
        softly.assertAll();
        assertThat(checked).isEqualTo(ops().size() * forms().size());
    }

    @Test
    void theOutsideDirectoryCannotBeListedOrRecognised() throws Exception {
        try (SftpHarness sftp = new SftpHarness(config(), "alice")) {
            for (String target : List.of("secretdir", "nosuchdir")) {
                assertThat(sftp.status(sftp.path(SftpPacketType.OPENDIR, "../outside/" + target)))
                        .isEqualTo(SftpStatusCode.PERMISSION_DENIED);
                assertThat(sftp.status(sftp.path(SftpPacketType.OPENDIR, "link/" + target)))
                        .isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            }
            assertThat(sftp.status(sftp.path(SftpPacketType.OPENDIR, "link")))
                    .isEqualTo(SftpStatusCode.PERMISSION_DENIED);
        }
    }

    @Test
    void aDirectorySwappedForALinkBetweenCheckAndUseIsRefused() throws Exception {
        Map<String, String> before = snapshot();
        int write = OpenFlags.WRITE | OpenFlags.TRUNCATE;
        List<BiFunction<SftpHarness, String, SftpRequest>> uses = List.of((s, p) -> s.open(p, OpenFlags.READ),
                (s, p) -> s.open(p, write), (s, p) -> s.path(SftpPacketType.REMOVE, p),
                (s, p) -> twoPaths(s, SftpPacketType.RENAME, p, "stolen"),
                (s, p) -> s.path(SftpPacketType.OPENDIR, p.substring(0, p.lastIndexOf('/'))));
        for (BiFunction<SftpHarness, String, SftpRequest> use : uses) {
            resetRoot();
            Files.writeString(root.resolve("dir/secret"), "inside");
            try (SftpHarness sftp = new SftpHarness(config(), "alice", jail -> jail.afterResolve(this::swapDir))) {
                assertThat(sftp.status(use.apply(sftp, "dir/secret"))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            }
        }
        assertThat(snapshot()).isEqualTo(before);
        assertThat(root.resolve("stolen")).doesNotExist();
    }

    @Test
    void followNoneRefusesEvenInsideLinks() throws Exception {
        Files.createSymbolicLink(root.resolve("inner"), Path.of("dir"));
        SftpServerConfig strict = SftpServerConfig.builder(root).symlinks(SymlinkPolicy.FOLLOW_NONE).build();
        try (SftpHarness sftp = new SftpHarness(strict, "alice")) {
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "inner"))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            assertThat(sftp.status(sftp.path(SftpPacketType.LSTAT, "inner"))).isEqualTo(SftpStatusCode.OK);
            assertThat(sftp.status(twoPaths(sftp, SftpPacketType.SYMLINK, "dir", "another")))
                    .isEqualTo(SftpStatusCode.PERMISSION_DENIED);
        }
    }

    private SftpStatusCode run(SftpHarness sftp, Op op, String path) throws Exception {
        resetRoot();
        return sftp.status(op.request().apply(sftp, path));
    }

    private SftpServerConfig config() {
        return SftpServerConfig.builder(root).allowSymlinkCreation(true).build();
    }

    private void swapDir() {
        try {
            Path dir = root.resolve("dir");
            if (!Files.isSymbolicLink(dir)) {
                Files.move(dir, root.resolve("moved-away"));
                Files.createSymbolicLink(dir, outside);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void resetRoot() throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (!dir.equals(root)) {
                    Files.delete(dir);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        Files.writeString(root.resolve("inside.txt"), "inside");
        Files.createDirectory(root.resolve("dir"));
        Files.createSymbolicLink(root.resolve("link"), Path.of("../outside"));
        Files.createSymbolicLink(root.resolve("file-secret"), Path.of("../outside/secret"));
        Files.createSymbolicLink(root.resolve("file-missing"), Path.of("../outside/missing"));
    }

    /** Everything under the temporary directory but the root: type, size, mode, times, content. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(tmp)) {
            walk.filter(p -> !p.startsWith(root)).forEach(paths::add);
        }
        for (Path path : paths) {
            Map<String, Object> attrs = Files.readAttributes(path, "unix:*", LinkOption.NOFOLLOW_LINKS);
            String content = Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? Files.readString(path) : "";
            out.put(tmp.relativize(path).toString(), attrs.get("mode") + " " + attrs.get("size") + " "
                    + attrs.get("lastModifiedTime") + " " + attrs.get("nlink") + " " + content);
        }
        return out;
    }

    private static SftpRequest twoPaths(SftpHarness sftp, int type, String first, String second) {
        return new SftpRequest.TwoPathRequest(sftp.id(), type, first, second);
    }

    private static SftpRequest ext(SftpHarness sftp, String name, String first, String second) {
        return sftp.extension(new SftpExtensionRequest.TwoPaths(name, first, second));
    }
}
