package org.sshstack.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.wire.KexInit;
import org.sshstack.wire.KexProposal;

/** KEXINIT negotiation (RFC 4253 §7.1): choice order, markers, AEAD, host key compatibility, guesses, failures. */
class AlgorithmNegotiatorTest {

    private static final List<String> HOST = List.of("ssh-ed25519");
    private static final List<String> CIPHER = List.of("aes128-ctr");
    private static final List<String> MAC = List.of("hmac-sha2-256");
    private static final List<String> NONE = List.of("none");

    private static KexInit init(List<String> kex, List<String> host, List<String> ciphers, List<String> macs,
            List<String> compression, boolean follows) {
        return KexInit.create(new byte[16], KexProposal.symmetric(kex, host, ciphers, macs, compression), follows);
    }

    private static KexInit kexOnly(String... kex) {
        return init(List.of(kex), HOST, CIPHER, MAC, NONE, false);
    }

    private static KexInit proposal(KexProposal p) {
        return KexInit.create(new byte[16], p, false);
    }

    @Test
    void defaultClientAndServerAgreeOnTheModernSuite() throws Exception {
        KexInit client = KexInit.create(new byte[16],
                AlgorithmPreferences.clientDefaults().proposal(Role.CLIENT, true), false);
        KexInit server = KexInit.create(new byte[16],
                AlgorithmPreferences.serverDefaults().proposal(Role.SERVER, true), false);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server);
        assertThat(n.kex()).isEqualTo("mlkem768x25519-sha256");
        assertThat(n.hostKey()).isEqualTo("ssh-ed25519-cert-v01@openssh.com");
        for (Role role : Role.values()) {
            assertThat(n.sentBy(role)).isEqualTo(new DirectionAlgorithms("chacha20-poly1305@openssh.com",
                    Optional.empty(), "none", Optional.empty()));
        }
        assertThat(n.clientOfferedExtInfo()).isTrue();
        assertThat(n.serverOfferedExtInfo()).isTrue();
        assertThat(n.strictKex()).isTrue();
        assertThat(n.guessMatches()).isTrue();
        assertThat(n.ignoreGuessedPacketFrom(Role.CLIENT)).isFalse();
    }

    @Test
    void theClientsPreferenceWins() throws Exception {
        KexInit client = init(List.of("curve25519-sha256", "ecdh-sha2-nistp256"),
                List.of("rsa-sha2-512", "ssh-ed25519"), List.of("aes256-ctr", "aes128-ctr"),
                List.of("hmac-sha2-512", "hmac-sha2-256"), List.of("zlib@openssh.com", "none"), false);
        KexInit server = init(List.of("ecdh-sha2-nistp256", "curve25519-sha256"),
                List.of("ssh-ed25519", "rsa-sha2-512"), List.of("aes128-ctr", "aes256-ctr"),
                List.of("hmac-sha2-256", "hmac-sha2-512"), List.of("none", "zlib@openssh.com"), false);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server);
        assertThat(n.kex()).isEqualTo("curve25519-sha256");
        assertThat(n.hostKey()).isEqualTo("rsa-sha2-512");
        assertThat(n.clientToServer()).isEqualTo(new DirectionAlgorithms("aes256-ctr", Optional.of("hmac-sha2-512"),
                "zlib@openssh.com", Optional.empty()));
        assertThat(n.guessMatches()).isFalse();
    }

    @Test
    void eachDirectionIsNegotiatedOnItsOwn() throws Exception {
        List<String> ctr = List.of("aes128-ctr");
        List<String> both = List.of("chacha20-poly1305@openssh.com", "aes128-ctr");
        KexProposal c = new KexProposal(List.of("curve25519-sha256"), HOST, both, both, MAC, MAC,
                NONE, List.of("zlib@openssh.com", "none"), List.of("en", "fr"), List.of());
        KexProposal s = new KexProposal(List.of("curve25519-sha256"), HOST, both, ctr, MAC, MAC,
                NONE, List.of("zlib@openssh.com"), List.of("fr"), List.of("de"));
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(proposal(c), proposal(s));
        assertThat(n.clientToServer()).isEqualTo(new DirectionAlgorithms("chacha20-poly1305@openssh.com",
                Optional.empty(), "none", Optional.of("fr")));
        assertThat(n.serverToClient()).isEqualTo(new DirectionAlgorithms("aes128-ctr", Optional.of("hmac-sha2-256"),
                "zlib@openssh.com", Optional.empty()));
    }

    @Test
    void aeadCiphersIgnoreTheMacListEvenWhenNothingMatches() throws Exception {
        for (String aead : List.of("chacha20-poly1305@openssh.com", "aes128-gcm@openssh.com",
                "aes256-gcm@openssh.com")) {
            KexInit client = init(List.of("curve25519-sha256"), HOST, List.of(aead), List.of("hmac-sha2-256"),
                    NONE, false);
            KexInit server = init(List.of("curve25519-sha256"), HOST, List.of(aead), List.of("hmac-sha2-512"),
                    NONE, false);
            NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server);
            assertThat(n.clientToServer().mac()).as(aead).isEmpty();
            assertThat(n.serverToClient().mac()).as(aead).isEmpty();
        }
    }

    @Test
    void nonAeadCipherNeedsACommonMac() {
        KexInit client = init(List.of("curve25519-sha256"), HOST, CIPHER, List.of("hmac-sha2-256"), NONE, false);
        KexInit server = init(List.of("curve25519-sha256"), HOST, CIPHER, List.of("hmac-sha2-512"), NONE, false);
        assertThatThrownBy(() -> AlgorithmNegotiator.negotiate(client, server))
                .isInstanceOfSatisfying(NoCommonAlgorithmException.class, e -> {
                    assertThat(e.reason()).isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
                    assertThat(e.category()).isEqualTo("MAC client-to-server");
                    assertThat(e.getMessage()).isEqualTo("no common MAC client-to-server algorithm: client offered "
                            + "[hmac-sha2-256], server offered [hmac-sha2-512]");
                });
    }

    @Test
    void everyCategoryReportsItsOwnFailure() {
        List<String> other = List.of("x-other");
        assertNoCommon(kexOnly("curve25519-sha256"), kexOnly("ecdh-sha2-nistp256"), "key exchange");
        assertNoCommon(init(List.of("k"), HOST, CIPHER, MAC, NONE, false),
                init(List.of("k"), other, CIPHER, MAC, NONE, false), "host key");
        assertNoCommon(init(List.of("k"), HOST, CIPHER, MAC, NONE, false),
                init(List.of("k"), HOST, other, MAC, NONE, false), "cipher client-to-server");
        assertNoCommon(init(List.of("k"), HOST, CIPHER, MAC, NONE, false),
                init(List.of("k"), HOST, CIPHER, MAC, List.of("zlib@openssh.com"), false), "compression client-to-server");
        KexProposal c = new KexProposal(List.of("k"), HOST, CIPHER, CIPHER, MAC, MAC, NONE, NONE, List.of(), List.of());
        KexProposal s = new KexProposal(List.of("k"), HOST, CIPHER, other, MAC, MAC, NONE, NONE, List.of(), List.of());
        assertNoCommon(proposal(c), proposal(s), "cipher server-to-client");
    }

    private static void assertNoCommon(KexInit client, KexInit server, String category) {
        assertThatThrownBy(() -> AlgorithmNegotiator.negotiate(client, server))
                .isInstanceOfSatisfying(NoCommonAlgorithmException.class, e -> {
                    assertThat(e.category()).isEqualTo(category);
                    assertThat(e.reason()).isEqualTo(DisconnectReason.KEY_EXCHANGE_FAILED);
                    assertThat(e.getMessage()).startsWith("no common " + category + " algorithm")
                            .contains("client offered " + e.clientOffer(), "server offered " + e.serverOffer());
                });
    }

    @Test
    void pseudoAlgorithmsAreNeverChosen() throws Exception {
        for (String marker : AlgorithmNames.PSEUDO_ALGORITHMS) {
            assertNoCommon(kexOnly(marker, "curve25519-sha256"), kexOnly(marker, "ecdh-sha2-nistp256"),
                    "key exchange");
            NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(kexOnly(marker, "curve25519-sha256"),
                    kexOnly(marker, "curve25519-sha256"));
            assertThat(n.kex()).isEqualTo("curve25519-sha256");
            KexInit markerEverywhere = init(List.of(marker, "k"), List.of(marker, "h"), List.of(marker, "c"),
                    List.of(marker, "m"), List.of(marker, "none"), false);
            NegotiatedAlgorithms all = AlgorithmNegotiator.negotiate(markerEverywhere, markerEverywhere);
            assertThat(List.of(all.kex(), all.hostKey(), all.clientToServer().cipher(),
                    all.clientToServer().mac().orElseThrow(), all.clientToServer().compression()))
                    .containsExactly("k", "h", "c", "m", "none");
        }
    }

    @Test
    void errorListsLeaveOutTheMarkers() {
        assertThatThrownBy(() -> AlgorithmNegotiator.negotiate(kexOnly("a", "ext-info-c"), kexOnly("b", "ext-info-s")))
                .hasMessage("no common key exchange algorithm: client offered [a], server offered [b]");
    }

    @Test
    void markersReportWhatEachSideOffered() throws Exception {
        NegotiatedAlgorithms none = AlgorithmNegotiator.negotiate(kexOnly("k"), kexOnly("k"));
        assertThat(List.of(none.clientOfferedExtInfo(), none.serverOfferedExtInfo(), none.clientOfferedStrictKex(),
                none.serverOfferedStrictKex(), none.strictKex())).containsOnly(false);

        NegotiatedAlgorithms v00 = AlgorithmNegotiator.negotiate(
                kexOnly("k", "ext-info-c", "kex-strict-c-v00@openssh.com"),
                kexOnly("k", "kex-strict-s-v00@openssh.com"));
        assertThat(v00.clientOfferedExtInfo()).isTrue();
        assertThat(v00.serverOfferedExtInfo()).isFalse();
        assertThat(v00.strictKex()).isTrue();

        NegotiatedAlgorithms standard = AlgorithmNegotiator.negotiate(kexOnly("k", "kex-strict-c"),
                kexOnly("k", "kex-strict-s", "ext-info-s"));
        assertThat(standard.strictKex()).isTrue();
        assertThat(standard.serverOfferedExtInfo()).isTrue();
    }

    @Test
    void strictKexNeedsTheSameFormOnBothSidesAndTheRightRole() throws Exception {
        NegotiatedAlgorithms mixed = AlgorithmNegotiator.negotiate(kexOnly("k", "kex-strict-c"),
                kexOnly("k", "kex-strict-s-v00@openssh.com"));
        assertThat(mixed.clientOfferedStrictKex()).isTrue();
        assertThat(mixed.serverOfferedStrictKex()).isTrue();
        assertThat(mixed.strictKex()).isFalse();

        NegotiatedAlgorithms wrongRole = AlgorithmNegotiator.negotiate(
                kexOnly("k", "kex-strict-c-v00@openssh.com", "ext-info-c"),
                kexOnly("k", "kex-strict-c-v00@openssh.com", "ext-info-c"));
        assertThat(wrongRole.serverOfferedStrictKex()).isFalse();
        assertThat(wrongRole.serverOfferedExtInfo()).isFalse();
        assertThat(wrongRole.strictKex()).isFalse();
    }

    @Test
    void guessIsRightOnlyWhenFirstKexAndFirstHostKeyAgree() throws Exception {
        List<String> kexAB = List.of("a", "b");
        List<String> kexBA = List.of("b", "a");
        List<String> hostXY = List.of("x", "y");
        List<String> hostYX = List.of("y", "x");
        assertGuess(kexAB, hostXY, kexAB, hostXY, true);
        assertGuess(kexAB, hostXY, kexBA, hostXY, false);
        assertGuess(kexAB, hostXY, kexAB, hostYX, false);
        assertGuess(kexAB, hostXY, List.of("a"), List.of("x"), true);
    }

    private static void assertGuess(List<String> ck, List<String> ch, List<String> sk, List<String> sh,
            boolean right) throws SshException {
        KexInit client = init(ck, ch, CIPHER, MAC, NONE, true);
        KexInit server = init(sk, sh, CIPHER, MAC, NONE, false);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server);
        assertThat(n.guessMatches()).isEqualTo(right);
        assertThat(n.clientGuessFollows()).isTrue();
        assertThat(n.serverGuessFollows()).isFalse();
        assertThat(n.ignoreGuessedPacketFrom(Role.CLIENT)).isEqualTo(!right);
        assertThat(n.ignoreGuessedPacketFrom(Role.SERVER)).isFalse();
    }

    @Test
    void guessComparesTheListsAsSentIncludingMarkers() throws Exception {
        KexInit client = init(List.of("ext-info-c", "k"), HOST, CIPHER, MAC, NONE, true);
        KexInit server = init(List.of("k"), HOST, CIPHER, MAC, NONE, false);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server);
        assertThat(n.kex()).isEqualTo("k");
        assertThat(n.guessMatches()).isFalse();
    }

    @Test
    void kexIsSkippedWhenNoCommonHostKeySuitsIt() throws Exception {
        HostKeyCompatibility onlyH2ForK1 = (kex, hostKey) -> !kex.equals("k1") || hostKey.equals("h2");
        KexInit client = init(List.of("k1", "k2"), List.of("h1"), CIPHER, MAC, NONE, false);
        KexInit server = init(List.of("k1", "k2"), List.of("h2", "h1"), CIPHER, MAC, NONE, false);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(client, server, onlyH2ForK1);
        assertThat(n.kex()).isEqualTo("k2");
        assertThat(n.hostKey()).isEqualTo("h1");

        KexInit clientBoth = init(List.of("k1", "k2"), List.of("h1", "h2"), CIPHER, MAC, NONE, false);
        NegotiatedAlgorithms n2 = AlgorithmNegotiator.negotiate(clientBoth, server, onlyH2ForK1);
        assertThat(n2.kex()).isEqualTo("k1");
        assertThat(n2.hostKey()).as("first client host key that suits k1").isEqualTo("h2");
    }

    @Test
    void noKexSuitingACommonHostKeyIsAClearError() {
        KexInit client = init(List.of("curve25519-sha256"), List.of("null"), CIPHER, MAC, NONE, false);
        KexInit server = init(List.of("curve25519-sha256"), List.of("null"), CIPHER, MAC, NONE, false);
        assertThatThrownBy(() -> AlgorithmNegotiator.negotiate(client, server))
                .isInstanceOfSatisfying(NoCommonAlgorithmException.class, e -> {
                    assertThat(e.category()).isEqualTo("key exchange");
                    assertThat(e.getMessage()).contains("host key algorithm both sides list", "[null]");
                });
    }

    @Test
    void standardRuleLetsOnlyGssKexUseTheNullHostKey() {
        assertThat(HostKeyCompatibility.STANDARD.compatible("gss-curve25519-sha256-x", "null")).isTrue();
        assertThat(HostKeyCompatibility.STANDARD.compatible("curve25519-sha256", "null")).isFalse();
        assertThat(HostKeyCompatibility.STANDARD.compatible("curve25519-sha256", "ssh-ed25519")).isTrue();
    }

    @Test
    void longOffersAreShortenedInTheMessage() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add("name" + i);
        }
        KexInit client = init(many, HOST, CIPHER, MAC, NONE, false);
        assertThatThrownBy(() -> AlgorithmNegotiator.negotiate(client, kexOnly("other")))
                .isInstanceOfSatisfying(NoCommonAlgorithmException.class, e -> {
                    assertThat(e.getMessage()).contains("and 76 more").doesNotContain("name99");
                    assertThat(e.clientOffer()).hasSize(100);
                });
    }
}
