package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshProtocolException;

/** Round trips and strict decoding of every message record: trailing bytes, truncation, wrong message number. */
class MessageRecordsTest {

    static Stream<MessageSamples.Sample> samples() {
        return MessageSamples.all().stream();
    }

    /** Messages whose last field is "the rest of the payload", so trailing bytes are data, not an error. */
    private static final List<String> OPEN_ENDED = List.of("GlobalRequest", "RequestSuccess");

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTrips(MessageSamples.Sample sample) throws Exception {
        Object decoded = sample.decoder().decode(sample.payload());
        assertThat(decoded).isEqualTo(sample.message());
        assertThat(decoded.hashCode()).isEqualTo(sample.message().hashCode());
        byte[] again = (byte[]) decoded.getClass().getMethod("encode").invoke(decoded);
        assertThat(again).isEqualTo(sample.payload());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void trailingByteIsRefused(MessageSamples.Sample sample) throws Exception {
        byte[] longer = Arrays.copyOf(sample.payload(), sample.payload().length + 1);
        if (OPEN_ENDED.contains(sample.name())) {
            assertThat(sample.decoder().decode(longer)).isNotEqualTo(sample.message());
            return;
        }
        assertThatThrownBy(() -> sample.decoder().decode(longer))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("trailing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void everyTruncationIsRefused(MessageSamples.Sample sample) throws Exception {
        int fixed = fixedLength(sample);
        for (int length = 0; length < Math.min(fixed, sample.payload().length); length++) {
            byte[] cut = Arrays.copyOf(sample.payload(), length);
            assertThatThrownBy(() -> sample.decoder().decode(cut))
                    .as("%s cut to %d bytes", sample.name(), length)
                    .isInstanceOf(SshProtocolException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void wrongMessageNumberIsRefused(MessageSamples.Sample sample) {
        byte[] wrong = sample.payload().clone();
        wrong[0] = (byte) (wrong[0] == MessageNumbers.IGNORE ? MessageNumbers.DEBUG : MessageNumbers.IGNORE);
        assertThatThrownBy(() -> sample.decoder().decode(wrong))
                .isInstanceOf(SshProtocolException.class).hasMessageContaining("expected SSH_MSG_");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void firstByteIsTheMessageNumber(MessageSamples.Sample sample) {
        assertThat(MessageNumbers.name(sample.payload()[0] & 0xff)).startsWith("SSH_MSG_").doesNotContain("UNKNOWN");
    }

    /** @return the length below which a cut must fail: past it, open-ended messages just carry less data */
    private static int fixedLength(MessageSamples.Sample sample) {
        return switch (sample.name()) {
            case "GlobalRequest" -> 1 + 4 + "tcpip-forward".length() + 1; // number, name, want_reply
            case "RequestSuccess" -> 1;
            default -> sample.payload().length;
        };
    }

    @Test
    void knownEncodingsMatchTheRfcLayout() {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(new Unimplemented(7).encode())).isEqualTo("0300000007");
        assertThat(hex.formatHex(new ServiceRequest("ssh-userauth").encode()))
                .isEqualTo("050000000c" + hex.formatHex("ssh-userauth".getBytes()));
        assertThat(hex.formatHex(new Disconnect(2, "x", "").encode())).isEqualTo("01000000020000000178" + "00000000");
        assertThat(hex.formatHex(new NewKeys().encode())).isEqualTo("15");
        assertThat(hex.formatHex(new RequestFailure().encode())).isEqualTo("52");
        assertThat(hex.formatHex(new RequestSuccess().encode())).isEqualTo("51");
    }
}
