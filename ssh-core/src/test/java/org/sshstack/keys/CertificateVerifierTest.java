package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.CertificateException.Check;

/** CertificateVerifier rules on hand-built and corpus certificates. */
class CertificateVerifierTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    private final KeyPair ca;
    private final TrustTestSupport.CertBuilder builder;

    CertificateVerifierTest() throws Exception {
        ca = TrustTestSupport.ed25519();
        builder = new TrustTestSupport.CertBuilder(TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), ca);
    }

    private VerifiedCertificate verify(CertificateType type) throws Exception {
        return CertificateVerifier.trusting(List.of(TrustTestSupport.ed25519Public(ca)))
                .verify(OpenSshCertificate.decode(builder.build()), type, "alice", NOW);
    }

    private void expect(Check check, CertificateType type) {
        assertThatThrownBy(() -> verify(type)).isInstanceOfSatisfying(CertificateException.class,
                e -> assertThat(e.check()).isEqualTo(check));
    }

    @Test
    void handBuiltCertificateVerifies() throws Exception {
        builder.critical = List.of(new String[] {"force-command", "ls"}, new String[] {"verify-required", null});
        VerifiedCertificate verified = verify(CertificateType.USER);
        assertThat(verified.forceCommand()).contains("ls");
        assertThat(verified.verifyRequired()).isTrue();
        assertThat(verified.sourceAddresses()).isEmpty();
    }

    @Test
    void sha1CaSignatureNeedsOptIn() throws Exception {
        OpenSshCertificate cert = OpenSshCertificateTest.corpus("rsa_1_sha1-cert.pub");
        SshPublicKey rsaCa = PublicKeyCodec.decode(TrustTestSupport.blobOf(TrustTestSupport.resource("cert/rsa_2.pub")));
        Instant then = Instant.parse("2005-01-01T00:00:00Z");
        CertificateVerifier strict = CertificateVerifier.trusting(List.of(rsaCa));
        assertThatThrownBy(() -> strict.verify(cert, CertificateType.USER, "user1", then))
                .isInstanceOfSatisfying(CertificateException.class,
                        e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE_ALGORITHM));
        assertThat(strict.withLegacySignatures(true).verify(cert, CertificateType.USER, "user1", then).forceCommand())
                .contains("/bin/ls");
    }

    @Test
    void signatureAlgorithmMustFitTheCaKey() {
        builder.signatureName = "rsa-sha2-256";
        expect(Check.SIGNATURE_ALGORITHM, CertificateType.USER);
        builder.signatureName = "no-such-algorithm@example.com";
        expect(Check.SIGNATURE_ALGORITHM, CertificateType.USER);
    }

    @Test
    void hostCertificateWithAnyCriticalOptionIsRejected() {
        builder.type = 2;
        builder.critical = List.<String[]>of(new String[] {"force-command", "ls"});
        expect(Check.CRITICAL_OPTION, CertificateType.HOST);
    }

    @Test
    void malformedKnownOptionsAreRejected() {
        builder.critical = List.<String[]>of(new String[] {"source-address", "10.0.0.1/8"});
        expect(Check.CRITICAL_OPTION, CertificateType.USER);
        builder.critical = List.<String[]>of(new String[] {"verify-required", "x"});
        expect(Check.CRITICAL_OPTION, CertificateType.USER);
    }

    @Test
    void nullPrincipalIsAProgrammingErrorNamedUpFront() throws Exception {
        OpenSshCertificate certificate = OpenSshCertificate.decode(builder.build());
        CertificateVerifier verifier = CertificateVerifier.trusting(List.of(TrustTestSupport.ed25519Public(ca)));
        assertThatThrownBy(() -> verifier.verify(certificate, CertificateType.USER, null, NOW))
                .isInstanceOf(NullPointerException.class).hasMessage("principal");
    }

    @Test
    void unsignedTimeComparison() throws Exception {
        builder.validBefore = 0x8000_0000_0000_0000L; // far future as unsigned, negative as signed
        assertThat(verify(CertificateType.USER).principal()).isEqualTo("alice");
        builder.validAfter = 0x8000_0000_0000_0000L;
        builder.validBefore = OpenSshCertificate.FOREVER;
        expect(Check.NOT_YET_VALID, CertificateType.USER);
    }

    @Test
    void certificateIsNeverATrustedAuthority() throws Exception {
        OpenSshCertificate cert = OpenSshCertificate.decode(builder.build());
        assertThatThrownBy(() -> CertificateVerifier.trusting(List.of(cert)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
