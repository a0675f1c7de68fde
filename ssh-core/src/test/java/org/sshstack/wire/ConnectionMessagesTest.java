package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.testing.Mutations;

/** Round trips, strictness and fuzz-style regression for the connection protocol records (RFC 4254 §5). */
class ConnectionMessagesTest {

    /** A decoder under test. */
    @FunctionalInterface
    interface Decoder {
        Object decode(byte[] payload) throws SshException;
    }

    /** A valid message, its encoding, and its decoder. */
    record Sample(Object message, byte[] payload, Decoder decoder) {
    }

    static List<Sample> samples() {
        ChannelOpen open = new ChannelOpen("direct-tcpip", 3, 2097152, 32768, new byte[] {0, 0, 0, 1, 'h'});
        ChannelOpenConfirmation confirmation = new ChannelOpenConfirmation(3, -7, 0xffffffffL, 0, new byte[0]);
        ChannelOpenFailure failure = new ChannelOpenFailure(3, 4, "too many \u00e9", "en");
        ChannelWindowAdjust adjust = new ChannelWindowAdjust(3, 0xffffffffL);
        ChannelData data = new ChannelData(3, new byte[] {1, 2, 3});
        ChannelExtendedData extended = new ChannelExtendedData(3, 1, new byte[] {4, 5});
        ChannelRequest request = new ChannelRequest(3, "exec", true, new byte[] {0, 0, 0, 2, 'l', 's'});
        return List.of(new Sample(open, open.encode(), ChannelOpen::decode),
                new Sample(confirmation, confirmation.encode(), ChannelOpenConfirmation::decode),
                new Sample(failure, failure.encode(), ChannelOpenFailure::decode),
                new Sample(adjust, adjust.encode(), ChannelWindowAdjust::decode),
                new Sample(data, data.encode(), ChannelData::decode),
                new Sample(extended, extended.encode(), ChannelExtendedData::decode),
                new Sample(new ChannelEof(3), new ChannelEof(3).encode(), ChannelEof::decode),
                new Sample(new ChannelClose(-1), new ChannelClose(-1).encode(), ChannelClose::decode),
                new Sample(request, request.encode(), ChannelRequest::decode),
                new Sample(new ChannelSuccess(0), new ChannelSuccess(0).encode(), ChannelSuccess::decode),
                new Sample(new ChannelFailure(9), new ChannelFailure(9).encode(), ChannelFailure::decode));
    }

    @Test
    void everyRecordRoundTrips() throws SshException {
        for (Sample sample : samples()) {
            assertThat(sample.decoder().decode(sample.payload())).isEqualTo(sample.message());
        }
    }

    @Test
    void channelNumbersAreUint32BitPatterns() throws SshException {
        byte[] payload = new ChannelClose(-1).encode();
        assertThat(payload).containsExactly(MessageNumbers.CHANNEL_CLOSE, -1, -1, -1, -1);
        assertThat(ChannelClose.decode(payload).recipientChannel()).isEqualTo(-1);
    }

    @Test
    void dataLengthMustMatchThePayload() {
        byte[] payload = ChannelData.encode(1, new byte[4], 0, 4);
        byte[] longer = java.util.Arrays.copyOf(payload, payload.length + 1);
        assertThatThrownBy(() -> ChannelData.decode(longer)).isInstanceOf(SshProtocolException.class);
        byte[] shorter = java.util.Arrays.copyOf(payload, payload.length - 1);
        assertThatThrownBy(() -> ChannelData.checkedDataLength(shorter)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void wrongMessageNumberAndTrailingBytesAreRejected() {
        byte[] eof = new ChannelEof(1).encode();
        assertThatThrownBy(() -> ChannelClose.decode(eof)).isInstanceOf(SshProtocolException.class);
        byte[] trailing = java.util.Arrays.copyOf(eof, eof.length + 1);
        assertThatThrownBy(() -> ChannelEof.decode(trailing)).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void mutationsOnlyRaiseSshException() {
        for (Sample sample : samples()) {
            for (long seed = 0; seed < 3000; seed++) {
                byte[] input = Mutations.mutate(sample.payload(), seed);
                try {
                    assertThat(sample.decoder().decode(input)).isNotNull();
                } catch (SshException expected) {
                    assertThat(expected.getMessage()).isNotBlank();
                } catch (RuntimeException | Error e) {
                    fail("seed " + seed + " for " + sample.message() + " raised " + e, e);
                }
            }
        }
    }
}
