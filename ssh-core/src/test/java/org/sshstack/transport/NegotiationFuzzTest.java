package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;
import org.sshstack.wire.KexInit;

/** Fuzz-style regression: a mutated peer KEXINIT either negotiates or fails with SshException only. */
class NegotiationFuzzTest {

    @Test
    void mutatedPeerKexinitOnlyRaisesSshException() throws Exception {
        KexInit ours = KexInit.create(new byte[16],
                AlgorithmPreferences.serverDefaults().proposal(Role.SERVER, true), false);
        byte[] peer = KexInit.create(new byte[16],
                AlgorithmPreferences.clientDefaults().proposal(Role.CLIENT, true), true).encode();
        int negotiated = 0;
        for (long seed = 0; seed < 3000; seed++) {
            try {
                NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(KexInit.decode(Mutations.mutate(peer, seed)),
                        ours);
                assertThat(AlgorithmNames.isPseudo(n.kex())).isFalse();
                negotiated++;
            } catch (SshException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            } catch (RuntimeException | Error e) {
                fail("seed " + seed + " raised " + e, e);
            }
        }
        assertThat(negotiated).isPositive();
    }
}
