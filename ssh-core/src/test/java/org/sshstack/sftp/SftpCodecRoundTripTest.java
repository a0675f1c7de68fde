package org.sshstack.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.sshstack.SshException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** Property tests: decode(encode(x)) == x for attributes, every request, every reply and the extension data. */
class SftpCodecRoundTripTest {

    @Property(tries = 500)
    void attributesRoundTrip(@ForAll("attrs") SftpAttributes attrs) throws SshException {
        SshWriter out = new SshWriter();
        attrs.encode(out);
        SshReader in = new SshReader(out.toByteArray());
        assertThat(SftpAttributes.decode(in)).isEqualTo(attrs);
        in.expectEnd();
    }

    @Property(tries = 1000)
    void requestsRoundTrip(@ForAll("requests") SftpRequest request) throws SshException {
        assertThat(SftpRequestDecoder.decode(SftpSamples.body(request.encode()))).isEqualTo(request);
    }

    @Property(tries = 1000)
    void responsesRoundTrip(@ForAll("responses") SftpResponse response) throws SshException {
        assertThat(SftpResponseDecoder.decode(SftpSamples.body(response.encode()))).isEqualTo(response);
    }

    @Property(tries = 300)
    void helloRoundTrips(@ForAll("text") String name, @ForAll("text") String version) throws SshException {
        SftpHello hello = SftpHello.version(List.of(new ExtensionPair(name, version)));
        assertThat(SftpHello.decode(SftpSamples.body(hello.encode()))).isEqualTo(hello);
    }

    @Property(tries = 300)
    void extensionRepliesRoundTrip(@ForAll long a, @ForAll long b, @ForAll("text") String user)
            throws SshException {
        var statvfs = new SftpExtensionReplies.StatVfs(a, b, a, b, a, b, a, b, a, b, a);
        assertThat(SftpExtensionReplies.StatVfs.decode(statvfs.encode())).isEqualTo(statvfs);
        var limits = new SftpExtensionReplies.Limits(a, b, b, a);
        assertThat(SftpExtensionReplies.Limits.decode(limits.encode())).isEqualTo(limits);
        var names = new SftpExtensionReplies.UsersGroups(List.of(user, ""), List.of(user));
        assertThat(SftpExtensionReplies.UsersGroups.decode(names.encode())).isEqualTo(names);
    }

    @Property(tries = 50)
    void extensionRequestsRoundTrip(@ForAll("ids") int id) throws SshException {
        for (SftpExtensionRequest ext : SftpSamples.extensions()) {
            var decoded = (SftpRequest.Extended) SftpRequestDecoder.decode(SftpSamples.body(ext.toRequest(id)
                    .encode()));
            assertThat(SftpExtensionDecoder.decode(decoded)).isEqualTo(ext);
        }
    }

    @Provide
    Arbitrary<Integer> ids() {
        return Arbitraries.integers();
    }

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars("/. é€\u0000").ofMaxLength(30);
    }

    @Provide
    Arbitrary<SftpAttributes> attrs() {
        Arbitrary<Long> u32 = Arbitraries.longs().between(0, 0xffffffffL);
        Arbitrary<OptionalLong> size = Arbitraries.longs().map(OptionalLong::of).injectNull(0.3)
                .map(v -> v == null ? OptionalLong.empty() : v);
        Arbitrary<List<ExtensionPair>> extended = Combinators.combine(text(), text())
                .as(ExtensionPair::new).list().ofMaxSize(2);
        return Combinators.combine(size, u32.injectNull(0.3), u32.injectNull(0.3), u32.injectNull(0.3), extended)
                .as((s, owner, mode, time, ext) -> {
                    SftpAttributes a = new SftpAttributes(s, OptionalLong.empty(), OptionalLong.empty(),
                            OptionalLong.empty(), OptionalLong.empty(), OptionalLong.empty(), ext);
                    a = owner == null ? a : a.withOwner(owner, 0xffffffffL - owner);
                    a = mode == null ? a : a.withPermissions(mode);
                    return time == null ? a : a.withTimes(time, time / 2);
                });
    }

    private Arbitrary<SftpHandle> handles() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(SftpHandle.MAX_LENGTH).map(SftpHandle::new);
    }

    private Arbitrary<byte[]> data() {
        return Arbitraries.bytes().array(byte[].class).ofMaxSize(100);
    }

    @Provide
    Arbitrary<SftpRequest> requests() {
        Arbitrary<Integer> handleTypes = Arbitraries.of(SftpPacketType.CLOSE, SftpPacketType.FSTAT,
                SftpPacketType.READDIR);
        Arbitrary<Integer> pathTypes = Arbitraries.of(SftpPacketType.LSTAT, SftpPacketType.STAT,
                SftpPacketType.OPENDIR, SftpPacketType.REMOVE, SftpPacketType.RMDIR, SftpPacketType.REALPATH,
                SftpPacketType.READLINK);
        Arbitrary<Long> offsets = Arbitraries.longs();
        return Arbitraries.oneOf(
                Combinators.combine(ids(), text(), Arbitraries.integers(), attrs()).as(SftpRequest.Open::new),
                Combinators.combine(ids(), handleTypes, handles()).as(SftpRequest.HandleRequest::new),
                Combinators.combine(ids(), pathTypes, text()).as(SftpRequest.PathRequest::new),
                Combinators.combine(ids(), Arbitraries.of(SftpPacketType.SETSTAT, SftpPacketType.MKDIR), text(),
                        attrs()).as(SftpRequest.PathAttrsRequest::new),
                Combinators.combine(ids(), handles(), attrs()).as(SftpRequest.Fsetstat::new),
                Combinators.combine(ids(), Arbitraries.of(SftpPacketType.RENAME, SftpPacketType.SYMLINK), text(),
                        text()).as(SftpRequest.TwoPathRequest::new),
                Combinators.combine(ids(), handles(), offsets, Arbitraries.integers().greaterOrEqual(0))
                        .as(SftpRequest.Read::new),
                Combinators.combine(ids(), handles(), offsets, data()).as(SftpRequest.Write::new),
                Combinators.combine(ids(), text(), data()).as(SftpRequest.Extended::new));
    }

    @Provide
    Arbitrary<SftpResponse> responses() {
        Arbitrary<SftpResponse.NameEntry> entries = Combinators.combine(text(), text(), attrs())
                .as(SftpResponse.NameEntry::new);
        return Arbitraries.oneOf(
                Combinators.combine(ids(), Arbitraries.integers(), text(), text()).as(SftpResponse.Status::new),
                Combinators.combine(ids(), handles()).as(SftpResponse.Handle::new),
                Combinators.combine(ids(), data()).as(SftpResponse.Data::new),
                Combinators.combine(ids(), entries.list().ofMaxSize(4)).as(SftpResponse.Name::new),
                Combinators.combine(ids(), attrs()).as(SftpResponse.Attrs::new),
                Combinators.combine(ids(), data()).as(SftpResponse.ExtendedReply::new));
    }
}
