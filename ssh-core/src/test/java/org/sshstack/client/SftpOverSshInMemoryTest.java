package org.sshstack.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.client.DirectoryListing;
import org.sshstack.sftp.client.SftpClient;
import org.sshstack.sftp.client.SftpClientExtensions;
import org.sshstack.sftp.server.SftpServerConfig;

/**
 * Every SFTP client operation against our server over a full in-memory SSH connection (client and server-mode
 * {@link Transport} over {@link MemoryPipe}s, SFTP served by {@link SftpSubsystemHandler}): issue 5.
 */
class SftpOverSshInMemoryTest {

    @TempDir
    Path root;

    private InMemorySftp pair;
    private SftpClient sftp;

    @BeforeEach
    void connect() throws Exception {
        pair = new InMemorySftp(SftpServerConfig.builder(root).allowSymlinkCreation(true).build());
        sftp = pair.sftp;
    }

    @AfterEach
    void disconnect() {
        pair.close();
    }

    @Test
    void servesTheAuthenticatedUserOverTheSubsystem() {
        assertThat(pair.server.getUsername()).isEqualTo("bob");
        assertThat(sftp.serverExtensions()).extracting(e -> e.name()).contains(SftpExtensionNames.LIMITS);
    }

    @Test
    void openWriteReadCloseWithFlags() throws Exception {
        SftpHandle w = sftp.open("/f.txt", OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE);
        sftp.write(w, 0, "hello world".getBytes(UTF_8), 0, 11);
        sftp.close(w);
        SftpHandle a = sftp.open("f.txt", OpenFlags.WRITE | OpenFlags.APPEND);
        sftp.write(a, 0, "!".getBytes(UTF_8), 0, 1);
        sftp.close(a);
        assertThat(Files.readString(root.resolve("f.txt"))).isEqualTo("hello world!");
        SftpHandle r = sftp.open("/f.txt", OpenFlags.READ);
        byte[] buffer = new byte[32];
        assertThat(sftp.read(r, 6, buffer, 0, 32)).isEqualTo(6);
        assertThat(new String(buffer, 0, 6, UTF_8)).isEqualTo("world!");
        assertThat(sftp.read(r, 12, buffer, 0, 32)).isEqualTo(-1);
        sftp.close(r);
        SftpHandle t = sftp.open("/f.txt", OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE);
        sftp.close(t);
        assertThat(Files.size(root.resolve("f.txt"))).isZero();
    }

    @Test
    void statLstatFstatSetstatFsetstat() throws Exception {
        Files.writeString(root.resolve("a.txt"), "abcdef");
        sftp.symlink("a.txt", "/link");
        assertThat(sftp.stat("/link").size()).hasValue(6);
        assertThat(sftp.stat("/link").isRegularFile()).isTrue();
        assertThat(sftp.lstat("/link").isSymbolicLink()).isTrue();
        assertThat(sftp.readlink("/link")).isEqualTo("a.txt");
        sftp.setstat("/a.txt", SftpAttributes.EMPTY.withPermissions(0640).withTimes(1_000_000, 2_000_000));
        SftpAttributes after = sftp.stat("/a.txt");
        assertThat(after.permissions().getAsLong() & 0777).isEqualTo(0640);
        assertThat(after.mtime()).hasValue(2_000_000);
        SftpHandle h = sftp.open("/a.txt", OpenFlags.READ | OpenFlags.WRITE);
        sftp.fsetstat(h, SftpAttributes.EMPTY.withSize(3));
        assertThat(sftp.fstat(h).size()).hasValue(3);
        sftp.close(h);
        assertThat(Files.readString(root.resolve("a.txt"))).isEqualTo("abc");
    }

    @Test
    void directoriesListAndIterate() throws Exception {
        sftp.mkdir("/d");
        sftp.mkdirs("/d/e/f");
        sftp.mkdirs("/d/e/f"); // already there: no error
        Files.writeString(root.resolve("d/x"), "x");
        assertThat(sftp.list("/d")).extracting(SftpResponse.NameEntry::filename).containsExactlyInAnyOrder("e", "x");
        List<String> names = new ArrayList<>();
        try (DirectoryListing listing = sftp.iterate("/d")) {
            listing.forEachRemaining(e -> names.add(e.filename()));
        }
        assertThat(names).containsExactlyInAnyOrder("e", "x");
        SftpHandle dir = sftp.opendir("/d/e");
        List<String> raw = new ArrayList<>();
        for (List<SftpResponse.NameEntry> batch = sftp.readdir(dir); !batch.isEmpty(); batch = sftp.readdir(dir)) {
            batch.forEach(e -> raw.add(e.filename()));
        }
        sftp.close(dir);
        assertThat(raw).contains("f");
        sftp.rmdir("/d/e/f");
        assertThat(Files.exists(root.resolve("d/e/f"))).isFalse();
    }

    @Test
    void removeRenameRealpath() throws Exception {
        Files.writeString(root.resolve("one"), "1");
        sftp.rename("/one", "/two");
        assertThat(Files.readString(root.resolve("two"))).isEqualTo("1");
        assertThat(sftp.realpath("./x/../two")).isEqualTo("/two");
        assertThat(sftp.realpath(".")).isEqualTo("/");
        sftp.remove("/two");
        assertThat(Files.exists(root.resolve("two"))).isFalse();
    }

    @Test
    void openSshPathExtensions() throws Exception {
        SftpClientExtensions ext = sftp.extensions();
        Files.writeString(root.resolve("old"), "old");
        Files.writeString(root.resolve("new"), "new");
        ext.posixRename("/old", "/new"); // replaces the target (PROTOCOL §4.3)
        assertThat(Files.readString(root.resolve("new"))).isEqualTo("old");
        ext.hardlink("/new", "/hard");
        assertThat(Files.isSameFile(root.resolve("new"), root.resolve("hard"))).isTrue();
        sftp.symlink("new", "/sl");
        ext.lsetstat("/sl", SftpAttributes.EMPTY.withTimes(1_000_000, 3_000_000));
        assertThat(sftp.lstat("/sl").mtime()).hasValue(3_000_000);
        assertThat(ext.expandPath("~")).isEqualTo("/");
        assertThat(ext.expandPath("~bob/new")).isEqualTo("/new");
        assertThat(ext.homeDirectory("")).isEqualTo("/");
        assertThat(ext.homeDirectory("bob")).isEqualTo("/");
        SftpExtensionReplies.UsersGroups names = ext.usersGroupsById(List.of(0L, 1L), List.of(0L));
        assertThat(names.users()).hasSize(2);
        assertThat(names.groups()).hasSize(1);
        SftpExtensionReplies.StatVfs vfs = ext.statvfs("/");
        assertThat(vfs.blockSize()).isPositive();
        SftpExtensionReplies.Limits limits = ext.limits();
        assertThat(limits.maxReadLength()).isEqualTo(SftpServerConfig.DEFAULT_MAX_READ);
        assertThat(limits.maxOpenHandles()).isEqualTo(SftpServerConfig.DEFAULT_MAX_HANDLES);
    }

    @Test
    void openSshHandleExtensions() throws Exception {
        SftpClientExtensions ext = sftp.extensions();
        Files.writeString(root.resolve("src"), "0123456789");
        SftpHandle from = sftp.open("/src", OpenFlags.READ);
        SftpHandle to = sftp.open("/dst", OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE);
        ext.copyData(from, 2, 5, to, 0);
        ext.fsync(to);
        assertThat(ext.fstatvfs(to).blockSize()).isPositive();
        sftp.close(from);
        sftp.close(to);
        assertThat(Files.readString(root.resolve("dst"))).isEqualTo("23456");
    }
}
