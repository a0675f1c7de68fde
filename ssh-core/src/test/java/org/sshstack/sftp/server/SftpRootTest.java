package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SftpRootTest {

    @TempDir
    Path tmp;

    Path rootDir;
    SftpRoot root;

    @BeforeEach
    void setUp() throws IOException {
        rootDir = Files.createDirectories(tmp.resolve("root"));
        Files.createDirectories(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("outside/secret"), "secret");
        Files.createDirectories(rootDir.resolve("dir/sub"));
        root = new SftpRoot(rootDir, SymlinkPolicy.FOLLOW_INSIDE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "../outside/secret", "dir/../../outside", "a/../../x", "/..", "..\\x", "C:\\",
            "x\0y", "dir/sub/../../../outside"})
    void refusesEveryEscape(String path) {
        assertThatThrownBy(() -> root.resolve(path)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("permission denied");
        assertThatThrownBy(() -> root.resolveNoFollow(path)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void refusesHugeNamesAndPaths() {
        assertThatThrownBy(() -> root.resolve("a".repeat(65536))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> root.resolve("a".repeat(256))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> root.resolve("a/".repeat(2049))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void mapsAbsolutePathsUnderTheRoot() throws IOException {
        Path real = rootDir.toRealPath();
        assertThat(root.resolve("/")).isEqualTo(real);
        assertThat(root.resolve("")).isEqualTo(real);
        assertThat(root.resolve("/dir/sub")).isEqualTo(real.resolve("dir/sub"));
        assertThat(root.resolve(tmp.resolve("outside/secret").toString()))
                .isEqualTo(real.resolve(tmp.toString().substring(1)).resolve("outside/secret"));
        assertThat(root.resolve("dir/./sub/..//")).isEqualTo(real.resolve("dir"));
    }

    @Test
    void literalNamesStayNames() throws IOException {
        Path real = rootDir.toRealPath();
        assertThat(root.resolve("%2e%2e/x")).isEqualTo(real.resolve("%2e%2e/x"));
        assertThat(root.resolve("~")).isEqualTo(real.resolve("~"));
        assertThat(root.resolve("C:")).isEqualTo(real.resolve("C:"));
    }

    @Test
    void linksInsideAreFollowedAndAbsoluteTargetsAreJailed() throws IOException {
        Path real = rootDir.toRealPath();
        Files.createSymbolicLink(rootDir.resolve("rel"), Path.of("dir/sub"));
        Files.createSymbolicLink(rootDir.resolve("abs"), Path.of("/dir"));
        assertThat(root.resolve("rel")).isEqualTo(real.resolve("dir/sub"));
        assertThat(root.resolve("rel/..")).isEqualTo(real.resolve("dir"));
        assertThat(root.resolve("abs/sub")).isEqualTo(real.resolve("dir/sub"));
        assertThat(root.resolveNoFollow("rel")).isEqualTo(real.resolve("rel"));
        assertThat(root.clientView(root.resolve("abs/sub"))).isEqualTo("/dir/sub");
        assertThat(root.clientView(real)).isEqualTo("/");
    }

    @Test
    void linksPointingOutAreRefusedWhetherTheTargetExistsOrNot() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("out"), Path.of("../outside"));
        Files.createSymbolicLink(rootDir.resolve("file"), Path.of("../outside/secret"));
        Files.createSymbolicLink(rootDir.resolve("missing"), Path.of("../outside/missing"));
        for (String path : new String[] {"out", "out/secret", "out/missing", "file", "missing", "dir/../out"}) {
            assertThatThrownBy(() -> root.resolve(path)).as(path).isInstanceOf(AccessDeniedException.class)
                    .hasMessage("permission denied");
        }
        assertThat(root.resolveNoFollow("file")).isEqualTo(rootDir.toRealPath().resolve("file"));
    }

    @Test
    void absoluteLinkTargetsNeverLeave() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("abs"), tmp.resolve("outside/secret").toAbsolutePath());
        Path mapped = root.resolve("abs");
        assertThat(mapped.startsWith(rootDir.toRealPath())).isTrue();
        assertThat(Files.exists(mapped)).isFalse();
    }

    @Test
    void loopsEndWithALoopError() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(rootDir.resolve("b"), Path.of("a"));
        assertThatThrownBy(() -> root.resolve("a")).isInstanceOf(FileSystemLoopException.class);
    }

    @Test
    void followNoneRefusesEveryLinkOnTheWay() throws IOException {
        Files.createSymbolicLink(rootDir.resolve("rel"), Path.of("dir"));
        SftpRoot strict = new SftpRoot(rootDir, SymlinkPolicy.FOLLOW_NONE);
        assertThatThrownBy(() -> strict.resolve("rel")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> strict.resolve("rel/sub")).isInstanceOf(AccessDeniedException.class);
        assertThat(strict.resolveNoFollow("rel")).isEqualTo(rootDir.toRealPath().resolve("rel"));
    }

    @Test
    void aDirectorySwappedForALinkBetweenCheckAndOpenIsRefused() throws IOException {
        Files.writeString(rootDir.resolve("dir/secret"), "inside");
        JailedFiles files = new JailedFiles(root);
        root.afterResolve(() -> swap(rootDir.resolve("dir"), tmp.resolve("outside")));
        Path checked = root.resolve("dir/secret");
        Set<StandardOpenOption> truncate = Set.of(StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        assertThatThrownBy(() -> files.openFile(checked, truncate)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> files.openDirectory(checked.getParent()))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Files.readString(tmp.resolve("outside/secret"))).isEqualTo("secret");
    }

    @Test
    void aFileSwappedForALinkIsRefused() throws IOException {
        Files.writeString(rootDir.resolve("dir/secret"), "inside");
        JailedFiles files = new JailedFiles(root);
        Path checked = root.resolve("dir/secret");
        Files.delete(checked);
        Files.createSymbolicLink(checked, tmp.resolve("outside/secret"));
        assertThatThrownBy(() -> files.openFile(checked, Set.of(StandardOpenOption.WRITE)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(Files.readString(tmp.resolve("outside/secret"))).isEqualTo("secret");
    }

    private static void swap(Path dir, Path target) {
        try {
            Files.move(dir, dir.resolveSibling("moved-away"));
            Files.createSymbolicLink(dir, target);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
