package org.sshstack.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated payloads of every message either decode or fail with SshException only. */
class MessageFuzzTest {

    private static final int SEEDS = 3000;

    static Stream<MessageSamples.Sample> samples() {
        return MessageSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutationsOnlyRaiseSshException(MessageSamples.Sample sample) {
        int decoded = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            byte[] input = Mutations.mutate(sample.payload(), seed);
            try {
                Object message = sample.decoder().decode(input);
                assertThat(message).isNotNull();
                decoded++;
            } catch (SshException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " for " + sample.name() + " raised " + e, e);
            }
        }
        assertThat(decoded).isLessThan(SEEDS);
    }
}
