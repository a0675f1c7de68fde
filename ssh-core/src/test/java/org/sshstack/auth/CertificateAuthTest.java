package org.sshstack.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.sshstack.auth.ClientServerAuthTest.failure;

import java.security.KeyPair;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.sshstack.AuthenticationException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.CertificateVerifier;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.TrustTestSupport;

/** OpenSSH user certificates as identities, checked against trusted user CAs (PROTOCOL.certkeys, SECURITY.md C6). */
class CertificateAuthTest {

    private final SshKeyPair user = KeyGenerator.ed25519("u", AuthHarness.RANDOM);
    private final KeyPair ca;
    private final RecordingHandler handler = new RecordingHandler();

    CertificateAuthTest() throws Exception {
        ca = TrustTestSupport.ed25519();
    }

    private TrustTestSupport.CertBuilder builder() {
        return new TrustTestSupport.CertBuilder((StandardPublicKey) user.publicKey(), ca);
    }

    private CompletableFuture<List<String>> login(TrustTestSupport.CertBuilder builder, AuthHarness h)
            throws Exception {
        OpenSshCertificate cert = OpenSshCertificate.decode(builder.build());
        PublicKeyIdentity identity = new PublicKeyIdentity(cert, JcaSshSigner.of(user.privateKey(),
                AuthHarness.RANDOM));
        CompletableFuture<List<String>> result = h.client.authPublicKey("alice", identity);
        h.pump();
        return result;
    }

    private AuthHarness harness() {
        return new AuthHarness(handler, AuthHarness.noDelay().withUserCertificates(
                CertificateVerifier.trusting(List.of(TrustTestSupport.ed25519Public(ca)))),
                ClientAuthConfig.defaults());
    }

    @Test
    void validCertificateAuthenticatesWithForceCommand() throws Exception {
        TrustTestSupport.CertBuilder builder = builder();
        builder.critical = List.of(new String[] {"force-command", "/usr/bin/backup"},
                new String[] {"source-address", "192.0.2.0/24"});
        builder.extensions = List.<String[]>of(new String[] {"permit-pty", null});
        AuthHarness h = harness();
        assertThat(login(builder, h)).isCompletedWithValue(List.of());
        ServerAuthResult result = h.server.result().orElseThrow();
        assertThat(result.restrictions().forceCommand()).contains("/usr/bin/backup");
        assertThat(result.restrictions().permissions().orElseThrow().pty()).isTrue();
        assertThat(result.restrictions().permissions().orElseThrow().portForwarding()).isFalse();
        assertThat(ClientServerAuthTest.sentAlgorithms(h)).containsOnly("ssh-ed25519-cert-v01@openssh.com");
        assertThat(handler.checkedCertificates).hasSize(1);
        assertThat(handler.calls).doesNotContain("query", "publickey");
    }

    @Test
    void wrongPrincipalSourceAddressOrExpiryFail() throws Exception {
        TrustTestSupport.CertBuilder otherUser = builder();
        otherUser.principals = List.of("bob");
        TrustTestSupport.CertBuilder elsewhere = builder();
        elsewhere.critical = List.<String[]>of(new String[] {"source-address", "10.0.0.0/8"});
        TrustTestSupport.CertBuilder expired = builder();
        expired.validBefore = Instant.parse("2029-01-01T00:00:00Z").getEpochSecond();
        TrustTestSupport.CertBuilder notYet = builder();
        notYet.validAfter = Instant.parse("2031-01-01T00:00:00Z").getEpochSecond();
        TrustTestSupport.CertBuilder noPrincipals = builder();
        noPrincipals.principals = List.of();
        for (TrustTestSupport.CertBuilder bad : List.of(otherUser, elsewhere, expired, notYet, noPrincipals)) {
            AuthHarness h = harness();
            assertThat(failure(login(bad, h))).isInstanceOf(AuthenticationException.class);
            assertThat(h.server.isAuthenticated()).isFalse();
        }
        assertThat(handler.checkedCertificates).isEmpty();
    }

    @Test
    void untrustedCaOrNoCaConfiguredFail() throws Exception {
        AuthHarness noCa = new AuthHarness(handler);
        assertThat(failure(login(builder(), noCa))).isInstanceOf(AuthenticationException.class);
        TrustTestSupport.CertBuilder other = new TrustTestSupport.CertBuilder((StandardPublicKey) user.publicKey(),
                TrustTestSupport.ed25519());
        assertThat(failure(login(other, harness()))).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void conflictingForceCommandsAcrossStepsFail() {
        AuthRestrictions first = new AuthRestrictions(java.util.Optional.of("a"), java.util.Optional.empty());
        AuthRestrictions second = new AuthRestrictions(java.util.Optional.of("b"), java.util.Optional.empty());
        assertThat(first.merge(second)).isEmpty();
        assertThat(first.merge(AuthRestrictions.unrestricted()).orElseThrow().forceCommand()).contains("a");
        assertThat(AuthRestrictions.unrestricted().merge(first).orElseThrow().forceCommand()).contains("a");
    }
}
