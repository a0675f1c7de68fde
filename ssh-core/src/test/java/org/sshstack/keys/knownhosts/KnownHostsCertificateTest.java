package org.sshstack.keys.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.CertificateException.Check;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.TrustTestSupport;
import org.sshstack.keys.TrustTestSupport.CertBuilder;

/** A {@code @cert-authority} line only vouches for a certificate that verifies: HOST type, signature, time, name. */
class KnownHostsCertificateTest {

    private static final Instant NOW = Instant.parse("2030-06-01T00:00:00Z");
    private KeyPair ca;
    private KnownHosts hosts;
    private CertBuilder builder;

    @BeforeEach
    void setUp() throws Exception {
        ca = TrustTestSupport.ed25519();
        hosts = KnownHosts.parse("@cert-authority *.example.com "
                + "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(
                        TrustTestSupport.ed25519Public(ca).blob()) + "\n");
        builder = new CertBuilder(TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), ca);
        builder.type = 2;
        builder.principals = List.of("h.example.com");
    }

    private HostKeyLookup lookup(byte[] blob) throws Exception {
        return hosts.lookup("h.example.com", 22, PublicKeyCodec.decode(blob), NOW);
    }

    @Test
    void validHostCertificateMatches() throws Exception {
        HostKeyLookup lookup = lookup(builder.build());
        assertThat(lookup.status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(lookup.viaCertificateAuthority()).isTrue();
    }

    @Test
    void expiredCertificateIsInvalid() throws Exception {
        builder.validBefore = NOW.getEpochSecond();
        assertInvalid(builder.build(), Check.EXPIRED);
    }

    @Test
    void wrongPrincipalIsInvalid() throws Exception {
        builder.principals = List.of("other.example.com");
        assertInvalid(builder.build(), Check.PRINCIPAL);
    }

    @Test
    void userCertificateIsInvalid() throws Exception {
        builder.type = 1;
        assertInvalid(builder.build(), Check.TYPE);
    }

    @Test
    void tamperedCertificateIsInvalid() throws Exception {
        byte[] blob = builder.build();
        OpenSshCertificate original = (OpenSshCertificate) PublicKeyCodec.decode(blob);
        byte[] keyId = original.keyId().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int at = indexOf(blob, keyId);
        blob[at] ^= 0x01; // "test-id" -> "uest-id": still well-formed, signature no longer covers it
        assertInvalid(blob, Check.SIGNATURE);
    }

    @Test
    void plainLineForTheCertifiedKeyStillMatchesButReportsTheFailure() throws Exception {
        builder.validBefore = NOW.getEpochSecond();
        byte[] blob = builder.build();
        OpenSshCertificate cert = (OpenSshCertificate) PublicKeyCodec.decode(blob);
        KnownHosts both = KnownHosts.parse(hosts.entries().isEmpty() ? "" : "@cert-authority *.example.com "
                + "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(
                        TrustTestSupport.ed25519Public(ca).blob()) + "\nh.example.com ssh-ed25519 "
                + java.util.Base64.getEncoder().encodeToString(cert.certifiedKey().blob()) + "\n");
        HostKeyLookup lookup = both.lookup("h.example.com", 22, cert, NOW);
        assertThat(lookup.status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(lookup.viaCertificateAuthority()).isFalse();
        assertThat(lookup.certificateFailure()).hasValueSatisfying(e -> assertThat(e.check()).isEqualTo(Check.EXPIRED));
    }

    private void assertInvalid(byte[] blob, Check check) throws Exception {
        HostKeyLookup lookup = lookup(blob);
        assertThat(lookup.status()).isEqualTo(HostKeyStatus.CERTIFICATE_INVALID);
        assertThat(lookup.certificateFailure()).hasValueSatisfying(e -> assertThat(e.check()).isEqualTo(check));
        assertThat(lookup.describe()).contains("not valid");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
