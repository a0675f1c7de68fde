package org.sshstack.keys.knownhosts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.TrustTestSupport;

/** known_hosts parsing and lookup rules: patterns, markers, hashing, mismatch evidence, malformed lines. */
class KnownHostsTest {

    static String line(String file) throws Exception {
        return TrustTestSupport.resource("cert/" + file).strip();
    }

    static SshPublicKey key(String file) throws Exception {
        return PublicKeyCodec.decode(TrustTestSupport.blobOf(line(file)));
    }

    static String keyText(String file) throws Exception {
        String[] parts = line(file).split(" ");
        return parts[0] + " " + parts[1];
    }

    @Test
    void plainPatternsPortsWildcardsAndNegation() throws Exception {
        String ed = keyText("ed25519_1.pub");
        String text = "# comment\n\n"
                + "alpha.example.com,192.0.2.1 " + ed + " a comment\n"
                + "[beta.example.com]:2222 " + ed + "\n"
                + "*.wild.example.com,!bad.wild.example.com " + ed + "\n"
                + "host?.example.org " + ed + "\n";
        KnownHosts hosts = KnownHosts.parse(text);
        SshPublicKey key = key("ed25519_1.pub");
        assertThat(hosts.entries()).hasSize(4);
        assertThat(hosts.entries().get(0).lineNumber()).isEqualTo(3);
        assertThat(hosts.entries().get(0).comment()).isEqualTo("a comment");
        assertThat(hosts.lookup("ALPHA.example.com", 22, key).status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(hosts.lookup("192.0.2.1", 22, key).matchingLines()).containsExactly(3);
        assertThat(hosts.lookup("alpha.example.com", 2222, key).status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(hosts.lookup("beta.example.com", 2222, key).matchingLines()).containsExactly(4);
        assertThat(hosts.lookup("beta.example.com", 22, key).status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(hosts.lookup("x.wild.example.com", 22, key).status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(hosts.lookup("bad.wild.example.com", 22, key).status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(hosts.lookup("host1.example.org", 22, key).status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(hosts.lookup("host12.example.org", 22, key).status()).isEqualTo(HostKeyStatus.UNKNOWN);
    }

    @Test
    void mismatchNamesTheExpectedLinesAndOtherTypesAreReportedSeparately() throws Exception {
        String text = "a.example.com " + keyText("ed25519_1.pub") + "\n"
                + "a.example.com " + keyText("ecdsa_1.pub") + "\n";
        KnownHosts hosts = KnownHosts.parse(text);
        SshPublicKey otherEd25519 = PublicKeyCodec.decode(TrustTestSupport.blobOf(
                "ssh-ed25519 " + java.util.Base64.getEncoder().encodeToString(
                        TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()).blob())));
        HostKeyLookup lookup = hosts.lookup("a.example.com", 22, otherEd25519);
        assertThat(lookup.status()).isEqualTo(HostKeyStatus.MISMATCH);
        assertThat(lookup.expected()).containsExactly(new KnownKey(1, "ssh-ed25519",
                Fingerprints.sha256(key("ed25519_1.pub"))));
        assertThat(lookup.otherTypes()).extracting(KnownKey::lineNumber).containsExactly(2);
        assertThat(lookup.describe()).contains("changed").contains(Fingerprints.sha256(key("ed25519_1.pub")));

        HostKeyLookup rsa = hosts.lookup("a.example.com", 22, key("rsa_2.pub"));
        assertThat(rsa.status()).isEqualTo(HostKeyStatus.UNKNOWN);
        assertThat(rsa.otherTypes()).hasSize(2);
    }

    @Test
    void revokedKeysAndAuthorities() throws Exception {
        OpenSshCertificate hostCert = (OpenSshCertificate) PublicKeyCodec.decode(
                TrustTestSupport.blobOf(line("rsa_1-cert.pub"))); // signed by ed25519_1
        String ca = keyText("ed25519_1.pub");
        KnownHosts trusting = KnownHosts.parse("@cert-authority host1,*.example.com " + ca + "\n");
        java.time.Instant during = java.time.Instant.parse("2005-01-01T00:00:00Z"); // valid 1999..2011
        HostKeyLookup viaCa = trusting.lookup("host1", 22, hostCert, during);
        assertThat(viaCa.status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(viaCa.viaCertificateAuthority()).isTrue();
        assertThat(viaCa.authorities()).containsExactly(key("ed25519_1.pub"));
        assertThat(viaCa.certificateFailure()).isEmpty();
        // the CA is trusted for h.example.com, but the certificate does not name it (and is expired today)
        assertThat(trusting.lookup("h.example.com", 22, hostCert, during).status())
                .isEqualTo(HostKeyStatus.CERTIFICATE_INVALID);
        assertThat(trusting.lookup("host1", 22, hostCert).status()).isEqualTo(HostKeyStatus.CERTIFICATE_INVALID);
        assertThat(trusting.lookup("h.example.org", 22, hostCert).status()).isEqualTo(HostKeyStatus.UNKNOWN);
        // an authority line never vouches for a plain key
        assertThat(trusting.lookup("h.example.com", 22, key("ed25519_1.pub")).status())
                .isEqualTo(HostKeyStatus.UNKNOWN);

        KnownHosts revokedCa = KnownHosts.parse("@cert-authority *.example.com " + ca + "\n@revoked * " + ca + "\n");
        HostKeyLookup revoked = revokedCa.lookup("h.example.com", 22, hostCert, during);
        assertThat(revoked.status()).isEqualTo(HostKeyStatus.REVOKED);
        assertThat(revoked.matchingLines()).containsExactly(2);

        String rsa = keyText("rsa_2.pub");
        KnownHosts revokedKey = KnownHosts.parse("h " + rsa + "\n@revoked h " + rsa + "\n");
        assertThat(revokedKey.lookup("h", 22, key("rsa_2.pub")).status()).isEqualTo(HostKeyStatus.REVOKED);
    }

    @Test
    void certificateFallsBackToItsPlainKey() throws Exception {
        OpenSshCertificate hostCert = (OpenSshCertificate) PublicKeyCodec.decode(
                TrustTestSupport.blobOf(line("ed25519_1-cert.pub")));
        KnownHosts hosts = KnownHosts.parse("h " + keyText("ed25519_1.pub") + "\n");
        HostKeyLookup lookup = hosts.lookup("h", 22, hostCert);
        assertThat(lookup.status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(lookup.viaCertificateAuthority()).isFalse();
    }

    @Test
    void hashedLinesMatchOnlyTheirHost() throws Exception {
        SshPublicKey key = key("ecdsa_1.pub");
        SecureRandom random = new SecureRandom(new byte[] {1});
        String text = KnownHostsWriter.line("h.example.com", 2222, key, random) + "\n";
        assertThat(text).startsWith("|1|");
        KnownHosts hosts = KnownHosts.parse(text);
        assertThat(hosts.entries().get(0).isHashed()).isTrue();
        assertThat(hosts.lookup("h.example.com", 2222, key).status()).isEqualTo(HostKeyStatus.MATCH);
        assertThat(hosts.lookup("h.example.com", 22, key).status()).isEqualTo(HostKeyStatus.UNKNOWN);
    }

    @Test
    void unknownKeyTypesAreKeptButNeverMatch() throws Exception {
        KnownHosts hosts = KnownHosts.parse("h ssh-mldsa44@example.com AAAA\nh " + keyText("rsa_2.pub") + "\n");
        assertThat(hosts.entries()).hasSize(2);
        assertThat(hosts.entries().get(0).key()).isEmpty();
        assertThat(hosts.lookup("h", 22, key("rsa_2.pub")).matchingLines()).containsExactly(2);
    }

    @Test
    void malformedLinesFailStrictlyWithTheirLineNumberAndAreSkippedLeniently() throws Exception {
        String good = "h " + keyText("rsa_2.pub");
        String[] bad = {
            "h ssh-ed25519", "@bogus h " + keyText("rsa_2.pub"), "@revoked @cert-authority h " + keyText("rsa_2.pub"),
            "h ssh-ed25519 !!!notbase64", "h ssh-ed25519 " + keyText("rsa_2.pub").split(" ")[1],
            "|1|abc|def " + keyText("rsa_2.pub"), "h ssh-rsa-cert-v01@openssh.com AAAA",
            "h " + "x".repeat(70_000)};
        for (String line : bad) {
            String text = good + "\n# c\n" + line + "\n" + good + "\n";
            assertThatThrownBy(() -> KnownHosts.parse(text)).isInstanceOfSatisfying(KnownHostsException.class,
                    e -> assertThat(e.lineNumber()).as(line).isEqualTo(3));
            KnownHosts lenient = KnownHosts.parse(text, true);
            assertThat(lenient.skippedLines()).as(line).containsExactly(3);
            assertThat(lenient.entries()).extracting(KnownHostsEntry::lineNumber).containsExactly(1, 4);
        }
    }

    @Test
    void pathologicalWildcardsAreFast() {
        String pattern = "*a".repeat(2000) + "b";
        String host = "a".repeat(5000);
        assertThat(HostPatterns.matches(pattern, host)).isFalse();
        assertThat(HostPatterns.matchList("!*,a", "a")).isEqualTo(HostPatterns.ListMatch.NEGATED);
    }
}
