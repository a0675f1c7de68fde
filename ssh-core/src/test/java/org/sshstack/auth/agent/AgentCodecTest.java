package org.sshstack.auth.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** The agent message codec and framing: round trips, bounds, malformed replies, mutation fuzzing. */
class AgentCodecTest {

    @Test
    void framesAndReadsBackABody() throws Exception {
        byte[] framed = AgentFraming.frame(new byte[] {11});
        assertThat(framed).containsExactly(0, 0, 0, 1, 11);
        assertThat(AgentFraming.readFrame(new ByteArrayInputStream(framed))).containsExactly(11);
    }

    @Test
    void rejectsLengthsOutsideTheCapBeforeAllocating() {
        assertThatThrownBy(() -> AgentFraming.bodyLength(new byte[] {0, 0, 0, 0})).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentFraming.bodyLength(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff,
            (byte) 0xff})).isInstanceOf(AgentException.class).hasMessageContaining("4294967295");
        assertThatThrownBy(() -> AgentFraming.bodyLength(new byte[] {0, 4, 0, 1})).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentFraming.bodyLength(new byte[] {0, 4}))
                .isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentFraming.frame(new byte[0])).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentFraming.frame(new byte[AgentFraming.MAX_MESSAGE + 1]))
                .isInstanceOf(AgentException.class);
    }

    @Test
    void truncatedFrameIsATypedError() {
        assertThatThrownBy(() -> AgentFraming.readFrame(new ByteArrayInputStream(new byte[] {0, 0, 0, 9, 12, 0})))
                .isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentFraming.readFrame(new ByteArrayInputStream(new byte[] {0, 0})))
                .isInstanceOf(AgentException.class);
    }

    @Test
    void streamConnectionFramesRequestsAndBoundsReplies() throws Exception {
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        byte[] huge = {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff, 12};
        try (StreamAgentConnection connection = new StreamAgentConnection(new ByteArrayInputStream(huge), sent)) {
            assertThatThrownBy(() -> connection.roundTrip(AgentCodec.requestIdentities()))
                    .isInstanceOf(AgentException.class).hasMessageContaining("outside");
        }
        assertThat(sent.toByteArray()).containsExactly(0, 0, 0, 1, AgentMessage.REQUEST_IDENTITIES);
    }

    @Test
    void signRequestLayout() throws Exception {
        SshReader in = new SshReader(AgentCodec.signRequest(new byte[] {1, 2}, new byte[] {3}, 4));
        assertThat(in.readByte()).isEqualTo(AgentMessage.SIGN_REQUEST);
        assertThat(in.readString()).containsExactly(1, 2);
        assertThat(in.readString()).containsExactly(3);
        assertThat(in.readUint32()).isEqualTo(4);
        in.expectEnd();
    }

    @Test
    void otherRequestLayouts() throws Exception {
        assertThat(AgentCodec.removeAllIdentities()).containsExactly(19);
        assertThat(AgentCodec.removeIdentity(new byte[] {9})).containsExactly(18, 0, 0, 0, 1, 9);
        assertThat(AgentCodec.addIdentity(new byte[] {7}, "c")).containsExactly(17, 7, 0, 0, 0, 1, 'c');
        SshReader query = new SshReader(AgentCodec.query());
        assertThat(query.readByte()).isEqualTo(27);
        assertThat(query.readUtf8()).isEqualTo("query");
    }

    @Test
    void identitiesAnswerRoundTrip() throws Exception {
        List<AgentKeyEntry> entries = AgentCodec.decodeIdentities(identities(2));
        assertThat(entries).hasSize(2);
        assertThat(entries.get(1).keyBlob()).containsExactly(1, 2, 3);
        assertThat(entries.get(1).comment()).isEqualTo("key 1");
        assertThat(AgentCodec.decodeIdentities(identities(0))).isEmpty();
    }

    @Test
    void malformedIdentitiesAnswersAreTyped() {
        byte[] tooMany = new SshWriter().writeByte(12).writeUint32(AgentMessage.MAX_IDENTITIES + 1).toByteArray();
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(tooMany)).isInstanceOf(AgentException.class)
                .hasMessageContaining("more than");
        byte[] shortOfKeys = new SshWriter().writeByte(12).writeUint32(1000).writeUint32(0).toByteArray();
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(shortOfKeys)).isInstanceOf(AgentException.class);
        byte[] trailing = new SshWriter().writeBytes(identities(1)).writeByte(0).toByteArray();
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(trailing)).isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(new byte[] {14, 0, 0, 0, 0}))
                .isInstanceOf(AgentException.class).hasMessageContaining("type 14");
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(new byte[] {AgentMessage.FAILURE}))
                .isInstanceOf(AgentFailureException.class);
        assertThatThrownBy(() -> AgentCodec.decodeIdentities(new byte[0])).isInstanceOf(AgentException.class);
    }

    @Test
    void signResponseAndSuccess() throws Exception {
        byte[] response = new SshWriter().writeByte(14).writeString(new byte[] {5, 6}).toByteArray();
        assertThat(AgentCodec.decodeSignResponse(response)).containsExactly(5, 6);
        assertThatThrownBy(() -> AgentCodec.decodeSignResponse(new byte[] {14, 0, 0, 0, 9}))
                .isInstanceOf(AgentException.class);
        AgentCodec.decodeSuccess(new byte[] {AgentMessage.SUCCESS}, "test");
        assertThatThrownBy(() -> AgentCodec.decodeSuccess(new byte[] {AgentMessage.SUCCESS, 0}, "test"))
                .isInstanceOf(AgentException.class);
        assertThatThrownBy(() -> AgentCodec.decodeSuccess(new byte[] {AgentMessage.FAILURE}, "test"))
                .isInstanceOf(AgentFailureException.class);
    }

    @Test
    void queryResponse() throws Exception {
        assertThat(AgentCodec.decodeQuery(query())).containsExactly("query", "session-bind@openssh.com");
        assertThatThrownBy(() -> AgentCodec.decodeQuery(new byte[] {AgentMessage.FAILURE}))
                .isInstanceOf(AgentFailureException.class);
        assertThatThrownBy(() -> AgentCodec.decodeQuery(new byte[] {AgentMessage.EXTENSION_FAILURE}))
                .isInstanceOf(AgentFailureException.class);
        byte[] other = new SshWriter().writeByte(29).writeString("other").toByteArray();
        assertThatThrownBy(() -> AgentCodec.decodeQuery(other)).isInstanceOf(AgentException.class);
    }

    @Test
    void mutatedRepliesFailOnlyWithTypedExceptions() {
        byte[] sign = new SshWriter().writeByte(14).writeString(new byte[] {5, 6, 7}).toByteArray();
        for (long seed = 0; seed < 3000; seed++) {
            decodeAll(Mutations.mutate(identities(3), seed));
            decodeAll(Mutations.mutate(sign, seed));
            decodeAll(Mutations.mutate(query(), seed));
            byte[] framed = Mutations.mutate(frameOf(identities(2)), seed);
            try {
                AgentFraming.readFrame(new ByteArrayInputStream(framed));
            } catch (AgentException expected) {
                // typed
            }
        }
    }

    private static void decodeAll(byte[] reply) {
        try {
            AgentCodec.decodeIdentities(reply);
        } catch (SshException expected) {
            // typed
        }
        try {
            AgentCodec.decodeSignResponse(reply);
        } catch (SshException expected) {
            // typed
        }
        try {
            AgentCodec.decodeQuery(reply);
        } catch (SshException expected) {
            // typed
        }
        try {
            AgentCodec.decodeSuccess(reply, "fuzz");
        } catch (SshException expected) {
            // typed
        }
    }

    private static byte[] frameOf(byte[] body) {
        try {
            return AgentFraming.frame(body);
        } catch (AgentException e) {
            throw new AssertionError(e);
        }
    }

    static byte[] identities(int n) {
        SshWriter out = new SshWriter().writeByte(AgentMessage.IDENTITIES_ANSWER).writeUint32(n);
        for (int i = 0; i < n; i++) {
            out.writeString(new byte[] {1, 2, 3}).writeString("key " + i);
        }
        return out.toByteArray();
    }

    private static byte[] query() {
        return new SshWriter().writeByte(29).writeString("query").writeString("query")
                .writeString("session-bind@openssh.com").toByteArray();
    }
}
