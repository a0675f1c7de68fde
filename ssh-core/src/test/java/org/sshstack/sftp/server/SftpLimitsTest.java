package org.sshstack.sftp.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.SshProtocolException;
import org.sshstack.sftp.OpenFlags;
import org.sshstack.sftp.SftpAttributes;
import org.sshstack.sftp.SftpExtensionNames;
import org.sshstack.sftp.SftpExtensionRequest;
import org.sshstack.sftp.SftpHandle;
import org.sshstack.sftp.SftpHello;
import org.sshstack.sftp.SftpPacketType;
import org.sshstack.sftp.SftpRequest;
import org.sshstack.sftp.SftpResponse;
import org.sshstack.sftp.SftpResponseDecoder;
import org.sshstack.sftp.SftpStatusCode;

/**
 * Limits and permissions of the SFTP server: SECURITY.md B7 ({@code SftpMaxHandles}), the read-only mode and
 * allow/deny lists of OpenSSH regress sftp-perm.sh, and malformed packets (a clean end, never an exception).
 */
class SftpLimitsTest {

    @TempDir
    Path root;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(root.resolve("file"), "0123456789");
        Files.createDirectory(root.resolve("dir"));
    }

    @Test
    void handlesStopAtTheLimitAndEarlierOnesStillWork() throws Exception {
        try (SftpHarness sftp = new SftpHarness(SftpServerConfig.builder(root).build(), "u")) {
            List<SftpHandle> open = new ArrayList<>();
            int refused = 0;
            for (int i = 0; i < 10_000; i++) {
                SftpResponse reply = sftp.call(i % 2 == 0 ? sftp.open("file", OpenFlags.READ)
                        : sftp.path(SftpPacketType.OPENDIR, "dir"));
                if (reply instanceof SftpResponse.Handle handle) {
                    open.add(handle.handle());
                } else {
                    assertThat(((SftpResponse.Status) reply).status()).isEqualTo(SftpStatusCode.FAILURE);
                    refused++;
                }
            }
            assertThat(open).hasSize(SftpServerConfig.DEFAULT_MAX_HANDLES);
            assertThat(refused).isEqualTo(10_000 - SftpServerConfig.DEFAULT_MAX_HANDLES);
            SftpResponse data = sftp.call(new SftpRequest.Read(sftp.id(), open.get(0), 0, 4));
            assertThat(new String(((SftpResponse.Data) data).data(), StandardCharsets.UTF_8)).isEqualTo("0123");
            assertThat(sftp.status(new SftpRequest.HandleRequest(sftp.id(), SftpPacketType.CLOSE, open.get(1))))
                    .isEqualTo(SftpStatusCode.OK);
            assertThat(sftp.call(sftp.open("file", OpenFlags.READ))).isInstanceOf(SftpResponse.Handle.class);
        }
    }

    @Test
    void readsAreCappedAtTheConfiguredLength() throws Exception {
        Files.write(root.resolve("big"), new byte[100_000]);
        try (SftpHarness sftp = new SftpHarness(SftpServerConfig.builder(root).maxReadLength(4096).build(), "u")) {
            SftpHandle handle = sftp.openHandle("big", OpenFlags.READ);
            SftpResponse data = sftp.call(new SftpRequest.Read(sftp.id(), handle, 0, 1 << 30));
            assertThat(((SftpResponse.Data) data).data()).hasSize(4096);
        }
    }

    @Test
    void readOnlyRefusesEveryChangeAndServesReads() throws Exception {
        SftpServerConfig config = SftpServerConfig.builder(root).readOnly(true).allowSymlinkCreation(true).build();
        try (SftpHarness sftp = new SftpHarness(config, "u")) {
            List<SftpRequest> changes = List.of(sftp.open("file", OpenFlags.WRITE),
                    sftp.open("new", OpenFlags.WRITE | OpenFlags.CREATE), sftp.open("file", OpenFlags.READ
                            | OpenFlags.APPEND), sftp.path(SftpPacketType.REMOVE, "file"),
                    sftp.path(SftpPacketType.RMDIR, "dir"),
                    new SftpRequest.PathAttrsRequest(sftp.id(), SftpPacketType.MKDIR, "d2", SftpAttributes.EMPTY),
                    new SftpRequest.PathAttrsRequest(sftp.id(), SftpPacketType.SETSTAT, "file",
                            SftpAttributes.EMPTY.withSize(0)),
                    new SftpRequest.TwoPathRequest(sftp.id(), SftpPacketType.RENAME, "file", "f2"),
                    new SftpRequest.TwoPathRequest(sftp.id(), SftpPacketType.SYMLINK, "file", "ln"),
                    sftp.extension(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.POSIX_RENAME, "file", "f2")),
                    sftp.extension(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.HARDLINK, "file", "f2")),
                    sftp.extension(new SftpExtensionRequest.Lsetstat("file", SftpAttributes.EMPTY.withSize(0))));
            for (SftpRequest change : changes) {
                assertThat(sftp.status(change)).as(change.toString()).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            }
            SftpHandle handle = sftp.openHandle("file", OpenFlags.READ);
            assertThat(sftp.status(new SftpRequest.Fsetstat(sftp.id(), handle, SftpAttributes.EMPTY.withSize(0))))
                    .isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            assertThat(sftp.status(new SftpRequest.Write(sftp.id(), handle, 0, new byte[1])))
                    .isEqualTo(SftpStatusCode.FAILURE);
            assertThat(sftp.call(new SftpRequest.Read(sftp.id(), handle, 0, 100))).isInstanceOf(SftpResponse.Data.class);
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "dir"))).isEqualTo(SftpStatusCode.OK);
        }
        assertThat(root.resolve("file")).hasContent("0123456789");
        try (var list = Files.list(root)) {
            assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("file", "dir");
        }
    }

    @Test
    void allowAndDenyListsByOpenSshRequestName() throws Exception {
        SftpServerConfig denied = SftpServerConfig.builder(root).deniedRequests(Set.of("remove", "posix-rename"))
                .build();
        try (SftpHarness sftp = new SftpHarness(denied, "u")) {
            assertThat(sftp.status(sftp.path(SftpPacketType.REMOVE, "file"))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            assertThat(sftp.status(sftp.extension(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.POSIX_RENAME,
                    "file", "f2")))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "file"))).isEqualTo(SftpStatusCode.OK);
        }
        SftpServerConfig allowed = SftpServerConfig.builder(root).allowedRequests(Set.of("stat", "realpath")).build();
        try (SftpHarness sftp = new SftpHarness(allowed, "u")) {
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "file"))).isEqualTo(SftpStatusCode.OK);
            assertThat(sftp.status(sftp.path(SftpPacketType.REALPATH, "."))).isEqualTo(SftpStatusCode.OK);
            assertThat(sftp.status(sftp.open("file", OpenFlags.READ))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
            assertThat(sftp.status(sftp.path(SftpPacketType.LSTAT, "file"))).isEqualTo(SftpStatusCode.PERMISSION_DENIED);
        }
        assertThat(root.resolve("file")).exists();
    }

    @Test
    void malformedPacketsEndTheSessionCleanly() throws Exception {
        byte[][] bad = {
            {0, 0, 0, 3, SftpPacketType.OPEN, 0, 0},
            {0, 0, 0, 9, SftpPacketType.STAT, 0, 0, 0, 1, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
            {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, SftpPacketType.READ},
            {0, 0, 0, 0},
            {0, 0, 0, 10, SftpPacketType.STAT, 0, 0, 0, 1, 0, 0, 0, 9, 'x'}, // a name longer than the packet
        };
        for (byte[] packet : bad) {
            SftpHarness sftp = new SftpHarness(SftpServerConfig.builder(root).build(), "u");
            sftp.send(packet);
            assertThat(sftp.finish()).isInstanceOf(SshProtocolException.class);
        }
    }

    @Test
    void aReadOfFourGibibytesIsCappedNotFatal() throws Exception {
        try (SftpHarness sftp = new SftpHarness(SftpServerConfig.builder(root).build(), "u")) {
            SftpHandle handle = sftp.openHandle("file", OpenFlags.READ);
            java.nio.ByteBuffer packet = java.nio.ByteBuffer.allocate(13 + handle.length() + 12);
            packet.putInt(packet.capacity() - 4).put((byte) SftpPacketType.READ).putInt(sftp.id())
                    .putInt(handle.length()).put(handle.bytes()).putLong(0).putInt(-1);
            sftp.send(packet.array());
            SftpResponse reply = SftpResponseDecoder.decode(sftp.readPacket());
            assertThat(reply).isInstanceOf(SftpResponse.Data.class);
            assertThat(((SftpResponse.Data) reply).data()).isEqualTo(Files.readAllBytes(root.resolve("file")));
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "file"))).isEqualTo(SftpStatusCode.OK);
        }
    }


    @Test
    void aSessionMustStartWithInitAndASecondInitIsUnsupported() throws Exception {
        SftpServer server = new SftpServer(SftpServerConfig.builder(root).build());
        byte[] stat = new SftpRequest.PathRequest(1, SftpPacketType.STAT, "file").encode();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThatThrownBy(() -> server.serve("u", new ByteArrayInputStream(stat), out))
                .isInstanceOf(SshProtocolException.class);
        assertThat(out.size()).isZero();
        try (SftpHarness sftp = new SftpHarness(SftpServerConfig.builder(root).build(), "u")) {
            sftp.send(SftpHello.init().encode());
            assertThat(SftpResponseDecoder.decode(sftp.readPacket())).isInstanceOf(SftpResponse.Status.class)
                    .extracting(r -> ((SftpResponse.Status) r).status()).isEqualTo(SftpStatusCode.OP_UNSUPPORTED);
            assertThat(sftp.status(sftp.path(SftpPacketType.STAT, "file"))).isEqualTo(SftpStatusCode.OK);
        }
    }
}
