package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.testing.Mutations;

/** Fuzz-style regression: mutated certificates either parse and verify or fail, only with project exceptions. */
class CertificateFuzzTest {

    private static final List<String> CORPUS = List.of("ecdsa_1-cert.pub", "ecdsa_sk1-cert.pub", "ed25519_1-cert.pub",
            "ed25519_sk1-cert.pub", "rsa_1_sha512-cert.pub");

    @Test
    void mutatedCertificatesFailOnlyWithSshExceptions() throws Exception {
        int parsed = 0;
        for (String name : CORPUS) {
            OpenSshCertificate valid = OpenSshCertificateTest.corpus(name);
            CertificateVerifier verifier = CertificateVerifier.trusting(List.of(valid.signatureKey()));
            byte[] blob = valid.blob();
            for (long seed = 0; seed < 800; seed++) {
                byte[] mutated = Mutations.mutate(blob, seed);
                try {
                    OpenSshCertificate cert = OpenSshCertificate.decode(mutated);
                    parsed++;
                    verifier.verify(cert, cert.certificateType(), "host1", Instant.parse("2005-01-01T00:00:00Z"));
                } catch (SshException expected) {
                    // the only acceptable failure
                }
            }
        }
        assertThat(parsed).isPositive();
    }
}
