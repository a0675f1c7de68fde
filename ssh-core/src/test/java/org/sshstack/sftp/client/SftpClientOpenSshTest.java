package org.sshstack.sftp.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpFailureException;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpNoSuchFileException;
import org.sshstack.sftp.SftpResponse;

/** Every operation and extension of the client against live OpenSSH {@code sftp-server} in a temporary directory. */
class SftpClientOpenSshTest {

    @TempDir
    Path temp;

    private Path dir;
    private OpenSshSftpServer server;
    private SftpClient c;

    @BeforeEach
    void start() throws Exception {
        dir = Files.createDirectories(temp.resolve("root"));
        server = new OpenSshSftpServer(dir, SftpClientOptions.defaults());
        c = server.client();
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private String remote(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void fileOperations() throws Exception {
        byte[] data = SftpClientFakeServerTest.random(200_000);
        SftpHandle w = c.open(remote("f"), OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.EXCLUSIVE,
                SftpAttributes.EMPTY.withPermissions(0600));
        c.write(w, 0, data, 0, data.length);
        c.fsetstat(w, SftpAttributes.EMPTY.withTimes(1_600_000_000, 1_600_000_000));
        assertThat(c.fstat(w).size()).hasValue(200_000);
        c.close(w);
        assertThat(Files.readAllBytes(dir.resolve("f"))).isEqualTo(data);
        assertThat(Files.getLastModifiedTime(dir.resolve("f")).to(TimeUnit.SECONDS)).isEqualTo(1_600_000_000L);
        SftpHandle r = c.open(remote("f"), OpenFlags.READ);
        byte[] part = new byte[100];
        assertThat(c.read(r, 1000, part, 0, 100)).isEqualTo(100);
        assertThat(part).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 1100));
        assertThat(c.read(r, 200_000, part, 0, 100)).isEqualTo(-1);
        c.close(r);
        assertThatThrownBy(() -> c.open(remote("f"), OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.EXCLUSIVE))
                .isInstanceOf(SftpFailureException.class);
        assertThatThrownBy(() -> c.open(remote("missing"), OpenFlags.READ))
                .isInstanceOf(SftpNoSuchFileException.class);
    }

    @Test
    void attributesAndPaths() throws Exception {
        Files.writeString(dir.resolve("a"), "hello");
        assertThat(c.stat(remote("a")).size()).hasValue(5);
        assertThat(c.stat(remote("a")).isRegularFile()).isTrue();
        c.setstat(remote("a"), SftpAttributes.EMPTY.withPermissions(0640));
        assertThat(c.lstat(remote("a")).permissions().getAsLong() & 0777).isEqualTo(0640);
        c.symlink("a", remote("link"));
        assertThat(c.readlink(remote("link"))).isEqualTo("a");
        assertThat(c.lstat(remote("link")).isSymbolicLink()).isTrue();
        assertThat(c.stat(remote("link")).isRegularFile()).isTrue();
        assertThat(c.realpath(".")).isEqualTo(dir.toRealPath().toString());
        c.mkdir(remote("x"));
        assertThat(c.realpath(remote("x/../a"))).isEqualTo(dir.toRealPath().resolve("a").toString());
        c.rename(remote("a"), remote("b"));
        assertThat(Files.exists(dir.resolve("b"))).isTrue();
        c.remove(remote("b"));
        assertThatThrownBy(() -> c.stat(remote("b"))).isInstanceOf(SftpNoSuchFileException.class);
    }

    @Test
    void directories() throws Exception {
        c.mkdir(remote("d"));
        c.mkdirs(remote("d/e/f"));
        for (int i = 0; i < 250; i++) {
            Files.writeString(dir.resolve("d/n" + i), "x");
        }
        assertThat(c.list(remote("d"))).hasSize(251);
        List<String> names = new ArrayList<>();
        try (DirectoryListing listing = c.iterate(remote("d"))) {
            listing.forEachRemaining(e -> names.add(e.filename()));
        }
        assertThat(names).hasSize(251).contains("e", "n0", "n249");
        SftpHandle h = c.opendir(remote("d/e"));
        List<SftpResponse.NameEntry> batch = c.readdir(h);
        assertThat(batch).extracting(SftpResponse.NameEntry::filename).contains("f", ".", "..");
        assertThat(c.readdir(h)).isEmpty();
        c.close(h);
        assertThatThrownBy(() -> c.rmdir(remote("d/e"))).isInstanceOf(SftpFailureException.class);
        c.rmdir(remote("d/e/f"));
        c.rmdir(remote("d/e"));
        assertThat(Files.exists(dir.resolve("d/e"))).isFalse();
    }

    @Test
    void everyOpenSshExtension() throws Exception {
        SftpClientExtensions x = c.extensions();
        for (String name : List.of(SftpExtensionNames.POSIX_RENAME, SftpExtensionNames.STATVFS,
                SftpExtensionNames.FSTATVFS, SftpExtensionNames.HARDLINK, SftpExtensionNames.FSYNC,
                SftpExtensionNames.LSETSTAT, SftpExtensionNames.LIMITS, SftpExtensionNames.EXPAND_PATH,
                SftpExtensionNames.COPY_DATA, SftpExtensionNames.HOME_DIRECTORY,
                SftpExtensionNames.USERS_GROUPS_BY_ID)) {
            assertThat(x.supports(name)).as(name).isTrue();
        }
        Files.writeString(dir.resolve("src"), "0123456789");
        Files.writeString(dir.resolve("old"), "old");
        x.posixRename(remote("src"), remote("old"));
        assertThat(Files.readString(dir.resolve("old"))).isEqualTo("0123456789");
        x.hardlink(remote("old"), remote("hard"));
        assertThat(Files.isSameFile(dir.resolve("old"), dir.resolve("hard"))).isTrue();
        SftpExtensionReplies.StatVfs vfs = x.statvfs(remote("old"));
        assertThat(vfs.blockSize()).isPositive();
        assertThat(vfs.nameMax()).isPositive();
        SftpHandle from = c.open(remote("old"), OpenFlags.READ);
        SftpHandle to = c.open(remote("copy"), OpenFlags.WRITE | OpenFlags.CREATE);
        assertThat(x.fstatvfs(from).blockSize()).isEqualTo(vfs.blockSize());
        x.copyData(from, 2, 5, to, 1);
        x.fsync(to);
        c.close(from);
        c.close(to);
        assertThat(Files.readString(dir.resolve("copy"))).isEqualTo("\0" + "23456");
        c.symlink("old", remote("sl"));
        x.lsetstat(remote("sl"), SftpAttributes.EMPTY.withTimes(1_500_000_000, 1_500_000_000));
        assertThat(Files.getLastModifiedTime(dir.resolve("sl"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.from(1_500_000_000, TimeUnit.SECONDS));
        SftpExtensionReplies.Limits limits = x.limits();
        assertThat(limits.maxReadLength()).isGreaterThanOrEqualTo(32768);
        String home = x.homeDirectory(System.getProperty("user.name")); // OpenSSH 9.2 wants a name, not ""
        assertThat(home).isEqualTo(System.getProperty("user.home"));
        assertThat(x.expandPath(".")).isEqualTo(dir.toRealPath().toString());
        assertThat(x.usersGroupsById(List.of(0L), List.of(0L)))
                .isEqualTo(new SftpExtensionReplies.UsersGroups(List.of("root"), List.of("root")));
    }

    @Test
    void transfersWithProgressResumeAndPreserve() throws Exception {
        byte[] data = SftpClientFakeServerTest.random(1_000_003);
        Path local = Files.write(temp.resolve("up.bin"), data);
        Files.setLastModifiedTime(local, FileTime.from(1_400_000_000, TimeUnit.SECONDS));
        List<long[]> progress = new ArrayList<>();
        TransferOptions options = TransferOptions.defaults().withPreserve(true).withListener(new TransferListener() {
            @Override
            public void progress(String path, long done, long total) {
                progress.add(new long[] {done, total});
            }
        });
        assertThat(c.transfers().put(local, remote("up.bin"), options)).isEqualTo(data.length);
        assertThat(Files.readAllBytes(dir.resolve("up.bin"))).isEqualTo(data);
        assertThat(Files.getLastModifiedTime(dir.resolve("up.bin")).to(TimeUnit.SECONDS)).isEqualTo(1_400_000_000L);
        assertThat(progress).last().satisfies(p -> assertThat(p).containsExactly(data.length, data.length));

        Path partial = Files.write(temp.resolve("down.bin"), java.util.Arrays.copyOf(data, 12345));
        long moved = c.transfers().get(remote("up.bin"), partial, options.withResume(true));
        assertThat(moved).isEqualTo(data.length - 12345);
        assertThat(Files.readAllBytes(partial)).isEqualTo(data);
        assertThat(Files.getLastModifiedTime(partial).to(TimeUnit.SECONDS)).isEqualTo(1_400_000_000L);

        Files.write(dir.resolve("half.bin"), java.util.Arrays.copyOf(data, 500_000));
        assertThat(c.transfers().put(local, remote("half.bin"), options.withResume(true)))
                .isEqualTo(data.length - 500_000);
        assertThat(Files.readAllBytes(dir.resolve("half.bin"))).isEqualTo(data);
    }

    @Test
    void treeTransfersAndStreams() throws Exception {
        Path src = Files.createDirectories(temp.resolve("tree/a/b"));
        Files.writeString(src.resolve("deep.txt"), "deep");
        Files.writeString(temp.resolve("tree/top.txt"), "top");
        assertThat(c.transfers().putTree(temp.resolve("tree"), remote("up/tree"), TransferOptions.defaults()))
                .isEqualTo(7);
        assertThat(Files.readString(dir.resolve("up/tree/a/b/deep.txt"))).isEqualTo("deep");
        Path back = temp.resolve("back");
        assertThat(c.transfers().getTree(remote("up/tree"), back, TransferOptions.defaults())).isEqualTo(7);
        assertThat(Files.readString(back.resolve("a/b/deep.txt"))).isEqualTo("deep");
        assertThat(Files.readString(back.resolve("top.txt"))).isEqualTo("top");

        try (OutputStream out = c.openOutputStream(remote("stream.txt"), false)) {
            out.write("line one\n".getBytes(StandardCharsets.UTF_8));
        }
        try (OutputStream out = c.openOutputStream(remote("stream.txt"), true)) {
            out.write("line two\n".getBytes(StandardCharsets.UTF_8));
        }
        try (InputStream in = c.openInputStream(remote("stream.txt"), 5)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("one\nline two\n");
        }
    }
}
