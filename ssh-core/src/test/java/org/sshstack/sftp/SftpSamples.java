package org.sshstack.sftp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.sshstack.SshException;

/** Valid SFTP packets of every kind, as bodies (no length prefix), each with the decoder that parses it. */
final class SftpSamples {

    /** A parser under test. */
    interface Decoder {
        Object decode(byte[] body) throws SshException;
    }

    /** A named valid input and its decoder. */
    record Sample(String name, byte[] body, Decoder decoder) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final SftpHandle HANDLE = new SftpHandle(new byte[] {1, 2, 3, 4});
    static final SftpAttributes FULL = new SftpAttributes(OptionalLong.of(1234), OptionalLong.of(1000),
            OptionalLong.of(100), OptionalLong.of(0100644), OptionalLong.of(1_700_000_000),
            OptionalLong.of(1_700_000_001), List.of(new ExtensionPair("x@example.com", "v")));

    private SftpSamples() {
    }

    /** @return the packet without its uint32 length */
    static byte[] body(byte[] packet) {
        return Arrays.copyOfRange(packet, 4, packet.length);
    }

    static List<Sample> all() {
        List<Sample> out = new ArrayList<>();
        for (SftpRequest request : requests()) {
            out.add(new Sample("request " + request, body(request.encode()), SftpRequestDecoder::decode));
        }
        for (SftpResponse response : responses()) {
            out.add(new Sample("response " + response, body(response.encode()), SftpResponseDecoder::decode));
        }
        SftpHello hello = SftpHello.version(List.of(new ExtensionPair("limits@openssh.com", "1")));
        out.add(new Sample("version", body(hello.encode()), SftpHello::decode));
        for (SftpExtensionRequest ext : extensions()) {
            out.add(new Sample("extension " + ext.name(), body(ext.toRequest(9).encode()),
                    SftpSamples::decodeExtension));
        }
        out.add(new Sample("statvfs reply", new SftpExtensionReplies.StatVfs(4096, 4096, 100, 50, 40, 1000, 500,
                400, 7, 1, 255).encode(), SftpExtensionReplies.StatVfs::decode));
        out.add(new Sample("limits reply", new SftpExtensionReplies.Limits(34000, 32768, 32768, 64).encode(),
                SftpExtensionReplies.Limits::decode));
        out.add(new Sample("users-groups reply", new SftpExtensionReplies.UsersGroups(List.of("root", ""),
                List.of("wheel")).encode(), SftpExtensionReplies.UsersGroups::decode));
        return out;
    }

    static List<SftpRequest> requests() {
        return List.of(new SftpRequest.Open(1, "/tmp/a", OpenFlags.READ | OpenFlags.CREATE, FULL),
                new SftpRequest.HandleRequest(2, SftpPacketType.CLOSE, HANDLE),
                new SftpRequest.HandleRequest(3, SftpPacketType.READDIR, HANDLE),
                new SftpRequest.PathRequest(4, SftpPacketType.STAT, "dir/file"),
                new SftpRequest.PathRequest(5, SftpPacketType.REALPATH, "."),
                new SftpRequest.PathAttrsRequest(6, SftpPacketType.MKDIR, "d", SftpAttributes.EMPTY
                        .withPermissions(0755)),
                new SftpRequest.Fsetstat(7, HANDLE, FULL),
                new SftpRequest.TwoPathRequest(8, SftpPacketType.RENAME, "a", "b"),
                new SftpRequest.Read(9, HANDLE, 1L << 33, 32768),
                new SftpRequest.Write(10, HANDLE, 77, new byte[] {9, 8, 7}),
                new SftpRequest.Extended(11, "limits@openssh.com", new byte[0]));
    }

    static List<SftpResponse> responses() {
        return List.of(new SftpResponse.Status(1, 2, "No such file", "en"),
                new SftpResponse.Handle(2, HANDLE),
                new SftpResponse.Data(3, new byte[] {1, 2, 3}),
                new SftpResponse.Name(4, List.of(new SftpResponse.NameEntry("a", "-rw-r--r-- a", FULL),
                        new SftpResponse.NameEntry("b", "", SftpAttributes.EMPTY))),
                new SftpResponse.Attrs(5, FULL),
                new SftpResponse.ExtendedReply(6, new byte[] {0, 0, 0, 1}));
    }

    static List<SftpExtensionRequest> extensions() {
        return List.of(new SftpExtensionRequest.TwoPaths(SftpExtensionNames.POSIX_RENAME, "a", "b"),
                new SftpExtensionRequest.TwoPaths(SftpExtensionNames.HARDLINK, "a", "b"),
                new SftpExtensionRequest.OnePath(SftpExtensionNames.STATVFS, "/"),
                new SftpExtensionRequest.OnePath(SftpExtensionNames.EXPAND_PATH, "~/x"),
                new SftpExtensionRequest.OnePath(SftpExtensionNames.HOME_DIRECTORY, ""),
                new SftpExtensionRequest.OneHandle(SftpExtensionNames.FSTATVFS, HANDLE),
                new SftpExtensionRequest.OneHandle(SftpExtensionNames.FSYNC, HANDLE),
                new SftpExtensionRequest.Lsetstat("l", FULL),
                new SftpExtensionRequest.Limits(),
                new SftpExtensionRequest.CopyData(HANDLE, 0, 100, new SftpHandle(new byte[] {5}), 10),
                new SftpExtensionRequest.UsersGroupsById(List.of(0L, 1000L), List.of(0L)));
    }

    /** A mutated type byte may turn the packet into another request (trailing bytes are ignored): that is fine. */
    private static Object decodeExtension(byte[] body) throws org.sshstack.SshException {
        SftpRequest request = SftpRequestDecoder.decode(body);
        return request instanceof SftpRequest.Extended extended ? SftpExtensionDecoder.decode(extended) : request;
    }
}
