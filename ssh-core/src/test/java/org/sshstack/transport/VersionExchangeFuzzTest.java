package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated version exchanges end in a result, a request for more, or SshException only. */
class VersionExchangeFuzzTest {

    private static final String IDENTIFICATION = "SSH-2.0-OpenSSH_10.0 comment\r\n\0\0\0\u0014\u0006";

    private static byte[] valid(Role role) {
        String banner = role == Role.CLIENT ? "Banner line\r\n" : "";
        return (banner + IDENTIFICATION).getBytes(StandardCharsets.ISO_8859_1);
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void mutationsOnlyRaiseSshException(Role role) {
        int results = 0;
        for (long seed = 0; seed < 5000; seed++) {
            byte[] input = Mutations.mutate(valid(role), seed);
            int split = (int) (seed % (input.length + 1));
            try {
                VersionExchange exchange = VersionExchange.reading(role);
                if (exchange.feed(input, 0, split).isPresent()
                        || exchange.feed(input, split, input.length - split).isPresent()) {
                    results++;
                }
            } catch (SshException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " raised " + e, e);
            }
        }
        assertThat(results).isPositive();
    }

    @Property(tries = 2000, seed = "42")
    void arbitraryBytesOnlyRaiseSshException(@ForAll byte[] data, @ForAll boolean client) {
        byte[] input = client ? data : prefixed(data);
        try {
            VersionExchange.reading(client ? Role.CLIENT : Role.SERVER).feed(input);
        } catch (SshException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    private static byte[] prefixed(byte[] data) {
        byte[] out = new byte[data.length + 8];
        System.arraycopy("SSH-2.0-".getBytes(StandardCharsets.US_ASCII), 0, out, 0, 8);
        System.arraycopy(data, 0, out, 8, data.length);
        return out;
    }
}
