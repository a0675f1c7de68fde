package org.sshstack.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated and random bytes fed to every SFTP decoder raise only SshException. */
class SftpCodecFuzzTest {

    private static final int SEEDS = 2000;

    static Stream<SftpSamples.Sample> samples() {
        return SftpSamples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void validSamplesDecode(SftpSamples.Sample sample) throws SshException {
        assertThat(sample.decoder().decode(sample.body())).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutationsOnlyRaiseSshException(SftpSamples.Sample sample) {
        int decoded = 0;
        for (long seed = 0; seed < SEEDS; seed++) {
            if (decodes(sample.decoder(), Mutations.mutate(sample.body(), seed), sample.name() + " seed " + seed)) {
                decoded++;
            }
        }
        assertThat(decoded).isLessThan(SEEDS);
    }

    @Property(tries = 3000, seed = "5")
    void randomBodiesOnlyRaiseSshException(@ForAll @Size(max = 64) byte[] body) {
        for (SftpSamples.Decoder decoder : new SftpSamples.Decoder[] {SftpRequestDecoder::decode,
                SftpResponseDecoder::decode, SftpHello::decode}) {
            decodes(decoder, body, "random");
        }
    }

    private static boolean decodes(SftpSamples.Decoder decoder, byte[] input, String what) {
        try {
            assertThat(decoder.decode(input)).isNotNull();
            return true;
        } catch (SshException expected) {
            assertThat(expected.getMessage()).isNotBlank();
            return false;
        } catch (RuntimeException | Error e) {
            fail(what + " raised " + e, e);
            return false;
        }
    }
}
