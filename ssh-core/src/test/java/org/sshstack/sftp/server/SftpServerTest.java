package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.event.SftpOperationCompleted;
import org.sshstack.event.SshEventListener;
import org.sshstack.sftp.ExtensionPair;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionReplies;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpResponseDecoder;
import org.sshstack.sftp.SftpStatusCode;

/** Every request of the SFTP server over in-memory pipes, successes and errors. */
class SftpServerTest {

    @TempDir
    Path root;

    final List<SftpOperationCompleted> events = new ArrayList<>();
    SftpHarness sftp;

    @BeforeEach
    void start() throws Exception {
        Files.writeString(root.resolve("hello.txt"), "hello world");
        Files.createDirectory(root.resolve("dir"));
        SshEventListener listener = new SshEventListener() {
            @Override
            public void sftpOperationCompleted(SftpOperationCompleted event) {
                events.add(event);
            }
        };
        sftp = new SftpHarness(SftpServerConfig.builder(root).allowSymlinkCreation(true).listener(listener).build(),
                "alice");
    }

    @AfterEach
    void stop() throws Exception {
        assertThat(sftp.finish()).isNull();
    }

    @Test
    void versionAnnouncesTheOpenSshExtensions() {
        assertThat(sftp.version.version()).isEqualTo(3);
        assertThat(sftp.version.extensions()).extracting(ExtensionPair::name).contains(SftpExtensionNames.POSIX_RENAME,
                SftpExtensionNames.STATVFS, SftpExtensionNames.LIMITS, SftpExtensionNames.COPY_DATA,
                SftpExtensionNames.HOME_DIRECTORY);
    }

    @Test
    void readsAFileInPiecesThenEof() throws Exception {
        SftpHandle handle = sftp.openHandle("/hello.txt", OpenFlags.READ);
        assertThat(data(sftp.call(new SftpRequest.Read(sftp.id(), handle, 0, 5)))).isEqualTo("hello");
        assertThat(data(sftp.call(new SftpRequest.Read(sftp.id(), handle, 6, 100)))).isEqualTo("world");
        assertThat(sftp.status(new SftpRequest.Read(sftp.id(), handle, 11, 100))).isEqualTo(SftpStatusCode.EOF);
        assertThat(sftp.status(close(handle))).isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(close(handle))).isEqualTo(SftpStatusCode.FAILURE);
        assertThat(events).filteredOn(e -> e.operation().equals("read") && e.status().equals("OK"))
                .extracting(SftpOperationCompleted::bytes).containsExactly(5L, 5L);
        assertThat(events).allMatch(e -> !e.client());
    }

    @Test
    void writesCreatesTruncatesAppendsAndRefusesExclusiveOverwrite() throws Exception {
        int create = OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.TRUNCATE;
        SftpHandle handle = sftp.openHandle("new.txt", create);
        assertThat(sftp.status(write(handle, 0, "abcdef"))).isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(write(handle, 2, "XY"))).isEqualTo(SftpStatusCode.OK);
        sftp.call(close(handle));
        assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("abXYef");
        SftpHandle append = sftp.openHandle("new.txt", OpenFlags.WRITE | OpenFlags.APPEND);
        sftp.call(write(append, 0, "!"));
        sftp.call(close(append));
        assertThat(Files.readString(root.resolve("new.txt"))).isEqualTo("abXYef!");
        int exclusive = OpenFlags.WRITE | OpenFlags.CREATE | OpenFlags.EXCLUSIVE;
        assertThat(sftp.status(sftp.open("new.txt", exclusive))).isEqualTo(SftpStatusCode.FAILURE);
        assertThat(sftp.status(sftp.open("missing.txt", OpenFlags.READ))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
        SftpHandle readOnly = sftp.openHandle("new.txt", OpenFlags.READ);
        assertThat(sftp.status(write(readOnly, 0, "x"))).isEqualTo(SftpStatusCode.FAILURE);
        sftp.call(close(readOnly));
        SftpHandle truncated = sftp.openHandle("new.txt", create);
        sftp.call(close(truncated));
        assertThat(root.resolve("new.txt")).isEmptyFile();
    }

    @Test
    void createsWithTheRequestedMode() throws Exception {
        SftpAttributes mode = SftpAttributes.EMPTY.withPermissions(0600);
        SftpResponse reply = sftp.call(new SftpRequest.Open(sftp.id(), "private", OpenFlags.WRITE | OpenFlags.CREATE,
                mode));
        sftp.call(close(((SftpResponse.Handle) reply).handle()));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("private"))))
                .isEqualTo("rw-------");
    }

    @Test
    void statLstatFstatAndSetstat() throws Exception {
        Files.createSymbolicLink(root.resolve("link"), Path.of("hello.txt"));
        SftpAttributes stat = attrs(sftp.call(sftp.path(SftpPacketType.STAT, "link")));
        assertThat(stat.size()).hasValue(11);
        assertThat(stat.isRegularFile()).isTrue();
        assertThat(attrs(sftp.call(sftp.path(SftpPacketType.LSTAT, "link"))).isSymbolicLink()).isTrue();
        SftpHandle handle = sftp.openHandle("hello.txt", OpenFlags.READ);
        assertThat(attrs(sftp.call(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.FSTAT, handle))).size())
                .hasValue(11);
        sftp.call(close(handle));
        SftpAttributes change = SftpAttributes.EMPTY.withSize(5).withPermissions(0640).withTimes(1_000_000, 2_000_000);
        assertThat(sftp.status(new SftpRequest.PathAttrsRequest(sftp.id(), SftpPacketType.SETSTAT, "hello.txt",
                change))).isEqualTo(SftpStatusCode.OK);
        assertThat(Files.readString(root.resolve("hello.txt"))).isEqualTo("hello");
        assertThat(Files.getLastModifiedTime(root.resolve("hello.txt"))).isEqualTo(FileTime.fromMillis(2_000_000_000L));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("hello.txt"))))
                .isEqualTo("rw-r-----");
        SftpHandle writable = sftp.openHandle("hello.txt", OpenFlags.WRITE);
        assertThat(sftp.status(new SftpRequest.Fsetstat(sftp.id(), writable, SftpAttributes.EMPTY.withSize(8))))
                .isEqualTo(SftpStatusCode.OK);
        sftp.call(close(writable));
        assertThat(Files.size(root.resolve("hello.txt"))).isEqualTo(8);
        assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "nope"))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
    }

    @Test
    void listsADirectoryInBatchesWithLongNames() throws Exception {
        for (int i = 0; i < 150; i++) {
            Files.writeString(root.resolve("dir/f" + i), "x".repeat(i));
        }
        SftpHandle handle = sftp.openDir("/dir");
        List<SftpResponse.NameEntry> all = new ArrayList<>();
        SftpResponse reply;
        while ((reply = sftp.call(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.READDIR, handle)))
                instanceof SftpResponse.Name name) {
            assertThat(name.entries()).hasSizeLessThanOrEqualTo(SftpSession.READDIR_BATCH);
            all.addAll(name.entries());
        }
        assertThat(((SftpResponse.Status) reply).status()).isEqualTo(SftpStatusCode.EOF);
        assertThat(all).hasSize(150);
        SftpResponse.NameEntry f7 = all.stream().filter(e -> e.filename().equals("f7")).findFirst().orElseThrow();
        assertThat(f7.longname()).matches("-rw\\S+ +1 \\S+ +\\S+ +7 \\w{3} [ \\d]\\d [ \\d]\\d:\\d\\d f7");
        assertThat(f7.attrs().size()).hasValue(7);
        sftp.call(close(handle));
        assertThat(sftp.status(sftp.path(SftpPacketType.OPENDIR, "hello.txt"))).isNotEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(sftp.path(SftpPacketType.OPENDIR, "none"))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
    }

    @Test
    void mkdirRmdirRemoveAndRename() throws Exception {
        assertThat(sftp.status(mkdir("made"))).isEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("made")).isDirectory();
        assertThat(sftp.status(mkdir("made"))).isEqualTo(SftpStatusCode.FAILURE);
        assertThat(sftp.status(sftp.path(SftpPacketType.RMDIR, "hello.txt"))).isNotEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(sftp.path(SftpPacketType.REMOVE, "made"))).isNotEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("hello.txt")).exists();
        assertThat(sftp.status(sftp.path(SftpPacketType.RMDIR, "made"))).isEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("made")).doesNotExist();
        Files.writeString(root.resolve("other"), "other");
        assertThat(sftp.status(rename("hello.txt", "other"))).isEqualTo(SftpStatusCode.FAILURE);
        assertThat(sftp.status(rename("hello.txt", "dir/moved"))).isEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("dir/moved")).hasContent("hello world");
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.POSIX_RENAME,
                "dir/moved", "other")))).isEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("other")).hasContent("hello world");
        assertThat(sftp.status(sftp.path(SftpPacketType.REMOVE, "other"))).isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(sftp.path(SftpPacketType.REMOVE, "other"))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
        assertThat(sftp.status(rename("none", "x"))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
    }

    @Test
    void realpathOfAMissingLastComponentIsCanonicalLikeOpenSsh() throws Exception {
        assertThat(sftp.names(sftp.path(SftpPacketType.REALPATH, "dir/./new"))).first()
                .extracting(SftpResponse.NameEntry::filename).isEqualTo("/dir/new");
        assertThat(sftp.status(sftp.path(SftpPacketType.REALPATH, "nodir/new")))
                .isEqualTo(SftpStatusCode.NO_SUCH_FILE);
    }

    @Test
    void bytesAfterARequestsFieldsAreIgnoredLikeOpenSsh() throws Exception {
        SftpHandle handle = sftp.openHandle("trailing.txt", OpenFlags.WRITE | OpenFlags.CREATE);
        byte[] write = SftpRequest.Write.encode(sftp.id(), handle, 0, new byte[] {'o', 'k'}, 0, 2);
        byte[] padded = java.util.Arrays.copyOf(write, write.length + 7);
        java.nio.ByteBuffer.wrap(padded).putInt(padded.length - 4); // rclone: a WRITE longer than its data
        sftp.send(padded);
        assertThat(SftpResponseDecoder.decode(sftp.readPacket())).isInstanceOf(SftpResponse.Status.class)
                .extracting(r -> ((SftpResponse.Status) r).status()).isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.CLOSE, handle)))
                .isEqualTo(SftpStatusCode.OK);
        assertThat(root.resolve("trailing.txt")).hasContent("ok");
    }

    @Test
    void realpathReadlinkAndSymlinkInOpenSshOrder() throws Exception {
        assertThat(sftp.names(sftp.path(SftpPacketType.REALPATH, "."))).extracting(SftpResponse.NameEntry::filename)
                .containsExactly("/");
        assertThat(sftp.names(sftp.path(SftpPacketType.REALPATH, "dir/../dir/./"))).first()
                .extracting(SftpResponse.NameEntry::filename).isEqualTo("/dir");
        SftpRequest symlink = new SftpRequest.TwoPathRequest(sftp.id(), SftpPacketType.SYMLINK, "hello.txt", "ln");
        assertThat(sftp.status(symlink)).isEqualTo(SftpStatusCode.OK);
        assertThat(Files.readSymbolicLink(root.resolve("ln"))).isEqualTo(Path.of("hello.txt"));
        assertThat(sftp.names(sftp.path(SftpPacketType.READLINK, "ln"))).first()
                .extracting(SftpResponse.NameEntry::filename).isEqualTo("hello.txt");
        SftpRequest absolute = new SftpRequest.TwoPathRequest(sftp.id(), SftpPacketType.SYMLINK, "/hello.txt",
                "dir/abs");
        assertThat(sftp.status(absolute)).isEqualTo(SftpStatusCode.OK);
        assertThat(Files.readSymbolicLink(root.resolve("dir/abs"))).isEqualTo(Path.of("../hello.txt"));
        assertThat(root.resolve("dir/abs")).hasContent("hello world");
        assertThat(sftp.status(sftp.path(SftpPacketType.READLINK, "hello.txt"))).isEqualTo(SftpStatusCode.FAILURE);
    }

    @Test
    void extensions() throws Exception {
        SftpHandle source = sftp.openHandle("hello.txt", OpenFlags.READ);
        SftpHandle target = sftp.openHandle("copy", OpenFlags.WRITE | OpenFlags.CREATE);
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.CopyData(source, 6, 0, target, 1))))
                .isEqualTo(SftpStatusCode.OK);
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.CopyData(source, 0, 0, source, 0))))
                .isEqualTo(SftpStatusCode.FAILURE);
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.OneHandle(SftpExtensionNames.FSYNC, target))))
                .isEqualTo(SftpStatusCode.OK);
        SftpResponse fstatvfs = sftp.call(sftp.extension(new SftpExtensionRequest.OneHandle(
                SftpExtensionNames.FSTATVFS, target)));
        assertThat(SftpExtensionReplies.StatVfs.decode(((SftpResponse.ExtendedReply) fstatvfs).data()).nameMax())
                .isEqualTo(255);
        sftp.call(close(source));
        sftp.call(close(target));
        assertThat(Files.readAllBytes(root.resolve("copy"))).isEqualTo("\0world".getBytes(StandardCharsets.UTF_8));
        assertThat(events).filteredOn(e -> e.operation().equals("copy-data") && e.status().equals("OK"))
                .extracting(SftpOperationCompleted::bytes).containsExactly(5L);

        SftpResponse statvfs = sftp.call(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.STATVFS,
                "/")));
        assertThat(SftpExtensionReplies.StatVfs.decode(((SftpResponse.ExtendedReply) statvfs).data()).blocks())
                .isPositive();
        SftpResponse limits = sftp.call(sftp.extension(new SftpExtensionRequest.Limits()));
        SftpExtensionReplies.Limits decoded = SftpExtensionReplies.Limits.decode(
                ((SftpResponse.ExtendedReply) limits).data());
        assertThat(decoded.maxOpenHandles()).isEqualTo(SftpServerConfig.DEFAULT_MAX_HANDLES);
        assertThat(decoded.maxReadLength()).isEqualTo(SftpServerConfig.DEFAULT_MAX_READ);

        assertThat(sftp.names(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.EXPAND_PATH,
                "~/dir")))).first().extracting(SftpResponse.NameEntry::filename).isEqualTo("/dir");
        assertThat(sftp.names(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.EXPAND_PATH,
                "~alice")))).first().extracting(SftpResponse.NameEntry::filename).isEqualTo("/");
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.EXPAND_PATH,
                "~root/x")))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);
        assertThat(sftp.names(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.HOME_DIRECTORY,
                "")))).first().extracting(SftpResponse.NameEntry::filename).isEqualTo("/");
        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.OnePath(SftpExtensionNames.HOME_DIRECTORY,
                "root")))).isEqualTo(SftpStatusCode.NO_SUCH_FILE);

        SftpResponse users = sftp.call(sftp.extension(new SftpExtensionRequest.UsersGroupsById(List.of(0L, 1L),
                List.of(0L))));
        SftpExtensionReplies.UsersGroups names = SftpExtensionReplies.UsersGroups.decode(
                ((SftpResponse.ExtendedReply) users).data());
        assertThat(names.users()).containsExactly("", "");
        assertThat(names.groups()).containsExactly("");

        assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.HARDLINK,
                "hello.txt", "hard")))).isEqualTo(SftpStatusCode.OK);
        assertThat(Files.isSameFile(root.resolve("hard"), root.resolve("hello.txt"))).isTrue();
        Files.createSymbolicLink(root.resolve("ln"), Path.of("hello.txt"));
        SftpRequest lsetstat = sftp.extension(new SftpExtensionRequest.Lsetstat("ln",
                SftpAttributes.EMPTY.withTimes(1000, 1000)));
        assertThat(sftp.status(lsetstat)).isEqualTo(SftpStatusCode.OK);
        assertThat(Files.getLastModifiedTime(root.resolve("ln"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
                .isEqualTo(FileTime.fromMillis(1_000_000L));
        assertThat(sftp.status(new SftpRequest.Extended(sftp.id(), "nobody@example.com", new byte[0])))
                .isEqualTo(SftpStatusCode.OP_UNSUPPORTED);
    }

    @Test
    void badHandlesAreFailuresNeverExceptions() throws Exception {
        SftpHandle forged = new SftpHandle(new byte[16]);
        SftpHandle tooShort = new SftpHandle(new byte[] {1});
        SftpHandle longest = new SftpHandle(new byte[SftpHandle.MAX_LENGTH]);
        for (SftpHandle handle : List.of(forged, tooShort, longest)) {
            assertThat(sftp.status(new SftpRequest.Read(sftp.id(), handle, 0, 10))).isEqualTo(SftpStatusCode.FAILURE);
            assertThat(sftp.status(write(handle, 0, "x"))).isEqualTo(SftpStatusCode.FAILURE);
            assertThat(sftp.status(close(handle))).isEqualTo(SftpStatusCode.FAILURE);
            assertThat(sftp.status(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.FSTAT, handle)))
                    .isEqualTo(SftpStatusCode.FAILURE);
            assertThat(sftp.status(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.READDIR, handle)))
                    .isEqualTo(SftpStatusCode.FAILURE);
        }
        SftpHandle directory = sftp.openDir("/");
        assertThat(sftp.status(new SftpRequest.Read(sftp.id(), directory, 0, 10))).isEqualTo(SftpStatusCode.FAILURE);
        SftpHandle file = sftp.openHandle("hello.txt", OpenFlags.READ);
        assertThat(sftp.status(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.READDIR, file)))
                .isEqualTo(SftpStatusCode.FAILURE);
    }

    @Test
    void unknownRequestTypesAreUnsupported() throws Exception {
        byte[] packet = {0, 0, 0, 5, 99, 0, 0, 0, 42};
        sftp.send(packet);
        SftpResponse reply = org.sshstack.sftp.SftpResponseDecoder.decode(sftp.readPacket());
        assertThat(reply).isEqualTo(new SftpResponse.Status(42, SftpStatusCode.OP_UNSUPPORTED.code(),
                "Unsupported request type 99", ""));
    }

    private SftpRequest close(SftpHandle handle) {
        return new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.CLOSE, handle);
    }

    private SftpRequest write(SftpHandle handle, long offset, String text) {
        return new SftpRequest.Write(sftp.id(), handle, offset, text.getBytes(StandardCharsets.UTF_8));
    }

    private SftpRequest mkdir(String path) {
        return new SftpRequest.PathAttrsRequest(sftp.id(), SftpPacketType.MKDIR, path, SftpAttributes.EMPTY);
    }

    private SftpRequest rename(String from, String to) {
        return new SftpRequest.TwoPathRequest(sftp.id(), SftpPacketType.RENAME, from, to);
    }

    private static String data(SftpResponse response) {
        return new String(((SftpResponse.Data) response).data(), StandardCharsets.UTF_8);
    }

    private static SftpAttributes attrs(SftpResponse response) {
        return ((SftpResponse.Attrs) response).attrs();
    }
}
