package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/** The push parser for the peer's identification (RFC 4253 §4.2) and its bounds (SECURITY.md B2). */
class VersionExchangeTest {

    private static final byte[] PACKET_START = {0, 0, 1, 0x2c, 10, 20, (byte) 0xff, 0};

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static VersionExchange.Result feedAll(Role role, byte[] input) throws SshException {
        return VersionExchange.reading(role).feed(input).orElseThrow();
    }

    @Test
    void clientReadsServerIdentificationAndKeepsLeftover() throws Exception {
        byte[] input = concat(bytes("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13\r\n"), PACKET_START);
        VersionExchange.Result result = feedAll(Role.CLIENT, input);
        Identification peer = result.peer();
        assertThat(peer.line()).isEqualTo("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13");
        assertThat(peer.protocolVersion()).isEqualTo("2.0");
        assertThat(peer.softwareVersion()).isEqualTo("OpenSSH_9.6p1");
        assertThat(peer.comments()).isEqualTo("Ubuntu-3ubuntu13");
        assertThat(result.leftover()).isEqualTo(PACKET_START);
        assertThat(result.preBannerLines()).isEmpty();
    }

    @Test
    void splitAtEveryByteBoundaryGivesTheSameResult() throws Exception {
        byte[] input = concat(bytes("hello there\r\nsecond line\n"), bytes("SSH-2.0-x_1 c\r\n"), PACKET_START);
        for (int cut = 0; cut <= input.length; cut++) {
            VersionExchange exchange = VersionExchange.reading(Role.CLIENT);
            Optional<VersionExchange.Result> first = exchange.feed(input, 0, cut);
            VersionExchange.Result result = first.isPresent() ? first.get()
                    : exchange.feed(input, cut, input.length - cut).orElseThrow();
            byte[] leftover = first.isPresent()
                    ? concat(result.leftover(), Arrays.copyOfRange(input, cut, input.length)) : result.leftover();
            assertThat(result.peer().line()).as("cut at %d", cut).isEqualTo("SSH-2.0-x_1 c");
            assertThat(leftover).as("cut at %d", cut).isEqualTo(PACKET_START);
            assertThat(result.preBannerLines()).containsExactly("hello there", "second line");
        }
    }

    @Test
    void oneByteAtATime() throws Exception {
        byte[] input = concat(bytes("SSH-2.0-x\r\n"), PACKET_START);
        VersionExchange exchange = VersionExchange.reading(Role.SERVER);
        for (int i = 0; i < input.length; i++) {
            Optional<VersionExchange.Result> result = exchange.feed(input, i, 1);
            if (result.isPresent()) {
                assertThat(i).isEqualTo(10);
                assertThat(result.get().leftover()).isEmpty();
                return;
            }
        }
        throw new AssertionError("no result");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void lineOf255BytesWithCrLfIsAcceptedAnd256Refused(Role role) throws Exception {
        String max = "SSH-2.0-" + "a".repeat(255 - 2 - 8);
        assertThat(max.length() + 2).isEqualTo(255);
        assertThat(feedAll(role, bytes(max + "\r\n")).peer().line()).isEqualTo(max);
        assertThatThrownBy(() -> VersionExchange.reading(role).feed(bytes(max + "a\r\n")))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("255");
    }

    @Test
    void endlessIdentificationLineFailsAsSoonAsItIsTooLong() {
        VersionExchange exchange = VersionExchange.reading(Role.SERVER);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 1024 * 1024; i += 1024) {
                exchange.feed(bytes("SSH-2.0-" + "a".repeat(1016)));
            }
        }).isInstanceOf(SshProtocolException.class).hasMessageContaining("255");
    }

    @Test
    void bareLineFeedIsAccepted() throws Exception {
        assertThat(feedAll(Role.CLIENT, bytes("SSH-2.0-dropbear_2022.83\n")).peer().line())
                .isEqualTo("SSH-2.0-dropbear_2022.83");
    }

    @Test
    void sshOneDotNinetyNineIsAccepted() throws Exception {
        assertThat(feedAll(Role.SERVER, bytes("SSH-1.99-OpenSSH_3.9\r\n")).peer().protocolVersion()).isEqualTo("1.99");
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void sshOneIsRefusedAsUnsupportedVersion(Role role) {
        for (String line : new String[] {"SSH-1.5-OpenSSH_3.9", "SSH-1.0-x", "SSH-3.0-x", "SSH-2-x"}) {
            assertThatThrownBy(() -> VersionExchange.reading(role).feed(bytes(line + "\r\n")))
                    .isInstanceOf(SshException.class).isNotInstanceOf(SshProtocolException.class)
                    .satisfies(e -> assertThat(((SshException) e).reason())
                            .isEqualTo(DisconnectReason.PROTOCOL_VERSION_NOT_SUPPORTED));
        }
    }

    @Test
    void nulIsRefusedInTheIdentificationAndInPreBannerLines() {
        assertThatThrownBy(() -> VersionExchange.reading(Role.CLIENT).feed(bytes("SSH-2.0-a\0b\r\n")))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("NUL");
        assertThatThrownBy(() -> VersionExchange.reading(Role.CLIENT).feed(bytes("hello\0\r\nSSH-2.0-x\r\n")))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("NUL");
    }

    @Test
    void controlAndNonAsciiBytesAreRefusedInTheIdentification() {
        for (String line : new String[] {"SSH-2.0-a\tb", "SSH-2.0-a\rb", "SSH-2.0-caf\u00e9", "SSH-2.0-x\u007f"}) {
            assertThatThrownBy(() -> VersionExchange.reading(Role.CLIENT).feed(bytes(line + "\r\n")))
                    .as(line).isInstanceOf(SshProtocolException.class);
        }
    }

    @Test
    void serverRefusesAnyLineBeforeTheIdentification() {
        assertThatThrownBy(() -> VersionExchange.reading(Role.SERVER).feed(bytes("hello\r\nSSH-2.0-x\r\n")))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("client sent");
        assertThatThrownBy(() -> VersionExchange.reading(Role.SERVER).feed(bytes("\r\n")))
                .isInstanceOf(SshProtocolException.class);
        assertThatThrownBy(() -> VersionExchange.reading(Role.SERVER).feed(bytes("SSH\n")))
                .isInstanceOf(SshProtocolException.class);
    }

    @Test
    void serverFailsOnTheFirstWrongByteWithoutWaitingForALineEnd() {
        VersionExchange exchange = VersionExchange.reading(Role.SERVER);
        assertThatThrownBy(() -> exchange.feed(bytes("GET / HTTP/1.1")))
                .isInstanceOf(SshProtocolException.class);
    }

    @Test
    void clientAccepts1024PreBannerLinesButNot1025() throws Exception {
        byte[] lines1024 = bytes("x\r\n".repeat(VersionExchange.MAX_PRE_BANNER_LINES));
        VersionExchange.Result ok = feedAll(Role.CLIENT, concat(lines1024, bytes("SSH-2.0-x\r\n")));
        assertThat(ok.preBannerLines()).hasSize(1024);
        assertThatThrownBy(() -> VersionExchange.reading(Role.CLIENT)
                .feed(concat(lines1024, bytes("x\r\nSSH-2.0-x\r\n"))))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("1024");
    }

    @Test
    void clientStopsAfter64KiBWithoutIdentification() throws Exception {
        byte[] longLine = bytes("y".repeat(VersionExchange.MAX_TOTAL_BYTES));
        assertThatThrownBy(() -> VersionExchange.reading(Role.CLIENT).feed(concat(longLine, bytes("\r\n"))))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("65536");
        byte[] exact = concat(bytes("y".repeat(VersionExchange.MAX_TOTAL_BYTES - 12)), bytes("\nSSH-2.0-x\r\n"));
        assertThat(exact).hasSize(VersionExchange.MAX_TOTAL_BYTES);
        assertThat(VersionExchange.reading(Role.CLIENT).feed(exact)).isPresent();
    }

    @Test
    void preBannerLinesKeepTheirText() throws Exception {
        VersionExchange.Result result = feedAll(Role.CLIENT,
                bytes("Welcome\r\n\r\n\u00c3\u00a9t\u00c3\u00a9\n" + "SSH-2.0-x\r\n"));
        assertThat(result.preBannerLines()).containsExactly("Welcome", "", "\u00e9t\u00e9");
    }

    @Test
    void feedAfterTheEndIsAnError() throws Exception {
        VersionExchange exchange = VersionExchange.reading(Role.CLIENT);
        assertThat(exchange.feed(bytes("SSH-2.0-x\r\n"))).isPresent();
        assertThatThrownBy(() -> exchange.feed(new byte[1])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void incompleteInputYieldsNothingYet() throws Exception {
        assertThat(VersionExchange.reading(Role.CLIENT).feed(bytes("SSH-2.0-x\r"))).isEmpty();
        assertThat(VersionExchange.reading(Role.CLIENT).feed(new byte[0])).isEmpty();
    }
}
