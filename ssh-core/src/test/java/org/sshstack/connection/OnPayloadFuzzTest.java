package org.sshstack.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.ChannelClose;
import org.sshstack.wire.ChannelData;
import org.sshstack.wire.ChannelEof;
import org.sshstack.wire.ChannelExtendedData;
import org.sshstack.wire.ChannelFailure;
import org.sshstack.wire.ChannelOpen;
import org.sshstack.wire.ChannelOpenConfirmation;
import org.sshstack.wire.ChannelOpenFailure;
import org.sshstack.wire.ChannelRequest;
import org.sshstack.wire.ChannelSuccess;
import org.sshstack.wire.ChannelWindowAdjust;
import org.sshstack.wire.GlobalRequest;

/** Fuzz-style regression: arbitrary payloads fed to a live multiplexer raise only SshException subclasses. */
class OnPayloadFuzzTest {

    private static List<byte[]> seeds(int local, int opening) {
        SessionRequest.PtyRequest pty = (SessionRequest.PtyRequest) SessionRequestsTest.samples().get(0);
        return List.of(
                new ChannelOpen("session", 5, 1000, 100, new byte[0]).encode(),
                new ChannelOpenConfirmation(opening, 9, 1000, 100, new byte[0]).encode(),
                new ChannelOpenFailure(opening, 2, "refused", "").encode(),
                new ChannelWindowAdjust(local, 100).encode(),
                ChannelData.encode(local, new byte[20], 0, 20),
                ChannelExtendedData.encode(local, 1, new byte[20], 0, 20),
                new ChannelEof(local).encode(),
                new ChannelClose(local).encode(),
                new ChannelRequest(local, "pty-req", true, pty.encodeData()).encode(),
                new ChannelRequest(local, "exit-signal", false,
                        new SessionRequest.ExitSignal("INT", false, "x", "").encodeData()).encode(),
                new ChannelSuccess(local).encode(),
                new ChannelFailure(local).encode(),
                new GlobalRequest("tcpip-forward", true, new byte[] {0, 0, 0, 1, 'a', 0, 0, 0, 22}).encode());
    }

    @Test
    void mutatedPayloadsOnlyRaiseSshException() throws SshException {
        for (int round = 0; round < 13; round++) {
            for (long seed = 0; seed < 400; seed++) {
                Pair pair = new Pair(ConnectionConfig.defaults().withMaxPacket(1024), Pair.acceptAll());
                ConnectionChannel[] ends = pair.openSession();
                ConnectionChannel opening = pair.client.openSession();
                byte[] input = Mutations.mutate(seeds(ends[0].localId(), opening.localId()).get(round), seed);
                feed(pair, input, round, seed);
            }
        }
    }

    @Test
    void randomPayloadsOnlyRaiseSshException() throws SshException {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            Pair pair = new Pair(ConnectionConfig.defaults(), Pair.acceptAll());
            pair.openSession();
            byte[] input = new byte[random.nextInt(40)];
            random.nextBytes(input);
            if (input.length > 0) {
                input[0] = (byte) (80 + random.nextInt(48));
            }
            feed(pair, input, -1, i);
        }
    }

    private static void feed(Pair pair, byte[] input, int round, long seed) {
        try {
            pair.client.onPayload(input);
            pair.pump();
        } catch (SshException expected) {
            assertThat(expected.reason()).isNotNull();
        } catch (RuntimeException | Error e) {
            fail("round " + round + " seed " + seed + " raised " + e, e);
        }
    }
}
