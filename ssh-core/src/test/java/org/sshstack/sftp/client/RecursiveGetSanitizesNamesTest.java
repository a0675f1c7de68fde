package org.sshstack.sftp.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SECURITY.md D2 (JSch CVE-2016-5725, OpenSSH CVE-2019-6111): a hostile server's READDIR names never become
 * local paths outside the target. The server serves any path it is asked for, so a client that trusted a name
 * would write it; the snapshot of the target's parent proves nothing outside the target changed.
 */
class RecursiveGetSanitizesNamesTest {

    private static final List<String> HOSTILE = List.of("../evil", "..\\evil", "/etc/x", "a/b", "", ".", "..",
            "x".repeat(10_000), "nul\0byte");

    @TempDir
    Path root;

    @Test
    void recursiveGetSanitizesNames() throws Exception {
        MemoryFs fs = new MemoryFs().dir("/remote").file("/remote/good.txt", SftpClientFakeServerTest.ascii("ok"))
                .dir("/remote/sub").file("/remote/sub/inner.txt", SftpClientFakeServerTest.ascii("in"))
                .fallback(SftpClientFakeServerTest.ascii("evil"));
        HOSTILE.forEach(name -> fs.extraName("/remote", name));
        HOSTILE.forEach(name -> fs.extraName("/remote/sub", name));
        Path parent = Files.createDirectories(root.resolve("parent"));
        Files.writeString(parent.resolve("sibling"), "untouched");
        Path target = parent.resolve("target");
        Map<String, String> before = snapshot(parent);
        List<String> rejected = new CopyOnWriteArrayList<>();
        TransferListener listener = new TransferListener() {
            @Override
            public void nameRejected(String remoteDirectory, String name, String reason) {
                rejected.add(remoteDirectory + ":" + reason);
            }
        };
        try (FakeSftpServer server = new FakeSftpServer(fs, 0, List.of());
                SftpClient client = SftpClient.open(server.clientInput(), server.clientOutput(),
                        SftpClientOptions.defaults())) {
            client.transfers().getTree("/remote", target, TransferOptions.defaults().withListener(listener));
        }
        Map<String, String> after = snapshot(parent);
        after.keySet().removeIf(p -> p.startsWith("target"));
        assertThat(after).isEqualTo(before);
        assertThat(snapshot(target)).containsOnlyKeys("good.txt", "sub", "sub/inner.txt")
                .containsEntry("good.txt", "ok").containsEntry("sub/inner.txt", "in");
        // "." and ".." are dropped by the listing itself; the other seven are refused in each directory
        assertThat(rejected).hasSize(14);
        assertThat(Files.exists(root.resolve("evil"))).isFalse();
        assertThat(Files.exists(parent.resolve("evil"))).isFalse();
    }

    @Test
    void safeNamesRules() {
        Path target = root.resolve("t");
        for (String name : HOSTILE) {
            assertThat(SafeLocalNames.resolve(target, name)).as(SafeLocalNames.printable(name)).isEmpty();
        }
        assertThat(SafeLocalNames.resolve(target, "ok.txt")).contains(target.toAbsolutePath().resolve("ok.txt"));
        assertThat(SafeLocalNames.resolve(target, "..hidden")).isPresent();
        assertThat(SafeLocalNames.printable("a\0b")).isEqualTo("a\\x00b");
    }

    /** @return every path under {@code dir} (relative, '/'-separated) with its content, "<dir>" for directories */
    private static Map<String, String> snapshot(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(p -> !p.equals(dir)).toList()) {
                String key = dir.relativize(p).toString().replace('\\', '/');
                out.put(key, Files.isDirectory(p) ? "<dir>" : Files.readString(p));
            }
        }
        return out;
    }
}
