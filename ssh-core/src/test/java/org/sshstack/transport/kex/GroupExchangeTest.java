package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.crypto.kex.DhGroups;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.keys.KeyType;
import org.sshstack.wire.SshWriter;

/** Group exchange: the client's checks of the group, the server's bounds (SECURITY.md B8) and the moduli source. */
class GroupExchangeTest {

    private static final String KEX = "diffie-hellman-group-exchange-sha256";

    private static ClientKeyExchange startedClient(GexPreferences preferences) throws SshException {
        ClientKeyExchange client = ClientKeyExchange.create(KexMethods.require(KEX),
                KexFixtures.transcript(KEX, "ssh-ed25519"), "ssh-ed25519", null, KexFixtures.RANDOM, preferences);
        client.start();
        return client;
    }

    private static ServerKeyExchange server(DhGroupSource groups) throws SshException {
        return ServerKeyExchange.create(KexMethods.require(KEX), KexFixtures.transcript(KEX, "ssh-ed25519"),
                "ssh-ed25519", KexFixtures.hostKey(KeyType.ED25519), null, KexFixtures.RANDOM, groups);
    }

    private static byte[] group(BigInteger p, BigInteger g) {
        return new SshWriter().writeByte(31).writeMpint(p).writeMpint(g).toByteArray();
    }

    @Test
    void clientSendsItsPreferencesAndAcceptsAFittingGroup() throws Exception {
        ClientKeyExchange client = ClientKeyExchange.create(KexMethods.require(KEX),
                KexFixtures.transcript(KEX, "ssh-ed25519"), "ssh-ed25519", null, KexFixtures.RANDOM,
                new GexPreferences(2048, 4096, 8192));
        assertThat(GexRequest.decode(client.start())).isEqualTo(new GexRequest(2048, 4096, 8192));
        KexStep step = client.onMessage(GexGroup.of(DhGroups.GROUP16).encode());
        assertThat(step.complete()).isFalse();
        assertThat(GexInit.decode(step.payloads().get(0)).e()).isLessThan(DhGroups.GROUP16.p());
        assertThat(GexPreferences.DEFAULT).isEqualTo(new GexPreferences(2048, 3072, 8192));
        assertThatThrownBy(() -> new GexPreferences(1024, 2048, 8192)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GexPreferences(2048, 4096, 3072)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clientRejectsBadGroups() throws Exception {
        BigInteger small = BigInteger.ONE.shiftLeft(1023).add(BigInteger.valueOf(1155)); // 1024 bits, odd
        BigInteger large = BigInteger.ONE.shiftLeft(8300).add(BigInteger.ONE); // 8301 bits
        BigInteger p14 = DhGroups.GROUP14.p();
        byte[][] bad = {
            group(small, BigInteger.TWO),
            group(large, BigInteger.TWO),
            group(p14.add(BigInteger.ONE), BigInteger.TWO), // even
            group(p14, BigInteger.ONE),
            group(p14, p14.subtract(BigInteger.ONE)),
            group(p14, p14.add(BigInteger.TWO)),
        };
        for (byte[] payload : bad) {
            ClientKeyExchange client = startedClient(GexPreferences.DEFAULT);
            assertThatThrownBy(() -> client.onMessage(payload)).isInstanceOf(KeyExchangeException.class);
        }
        ClientKeyExchange wantsSmall = startedClient(new GexPreferences(2048, 3072, 3072));
        assertThatThrownBy(() -> wantsSmall.onMessage(GexGroup.of(DhGroups.GROUP16).encode()))
                .isInstanceOf(KeyExchangeException.class).hasMessageContaining("outside the requested");
        ClientKeyExchange wantsLarge = startedClient(new GexPreferences(3072, 3072, 8192));
        assertThatThrownBy(() -> wantsLarge.onMessage(GexGroup.of(DhGroups.GROUP14).encode()))
                .isInstanceOf(KeyExchangeException.class).hasMessageContaining("outside the requested");
    }

    @Test
    void serverRefusesOutOfBoundsAndInconsistentRequests() throws Exception {
        long[][] refused = {
            {1024, 1024, 1024}, {512, 1024, 2047}, {8193, 9000, 10000}, {4096, 3072, 8192}, {2048, 9000, 8192},
            {0xffffffffL, 0xffffffffL, 0xffffffffL}, {0, 0, 0}, {3072, 2048, 2048},
        };
        for (long[] r : refused) {
            byte[] request = new GexRequest(r[0], r[1], r[2]).encode();
            assertThatThrownBy(() -> server(Moduli.builtIn()).onMessage(request))
                    .as("%d/%d/%d", r[0], r[1], r[2]).isInstanceOf(KeyExchangeException.class);
        }
    }

    @Test
    void serverClampsOverlappingRequestsInto2048To8192() throws Exception {
        assertThat(bitsServedFor(1024, 1024, 8192)).isEqualTo(2048);
        assertThat(bitsServedFor(1024, 2048, 8192)).isEqualTo(2048);
        assertThat(bitsServedFor(2048, 16384, 16384)).isEqualTo(8192);
        assertThat(bitsServedFor(2048, 3072, 8192)).isEqualTo(3072);
        assertThat(bitsServedFor(2048, 7000, 8192)).isEqualTo(7680); // 680 bits away, 6144 is 856
    }

    private static int bitsServedFor(long min, long n, long max) throws SshException {
        KexStep step = server(Moduli.builtIn()).onMessage(new GexRequest(min, n, max).encode());
        return GexGroup.decode(step.payloads().get(0)).p().bitLength();
    }

    @Test
    void boundsAreComputedAsDocumented() throws Exception {
        assertThat(GexBounds.of(new GexRequest(1024, 2048, 8192))).isEqualTo(new GexBounds(2048, 2048, 8192));
        assertThat(GexBounds.of(new GexRequest(1024, 1536, 4096))).isEqualTo(new GexBounds(2048, 2048, 4096));
        assertThat(GexBounds.of(new GexRequest(4096, 9000, 9000))).isEqualTo(new GexBounds(4096, 8192, 8192));
    }

    @Test
    void serverChecksWhatItsGroupSourceReturns() throws Exception {
        DhGroupSource broken = (min, n, max, random) -> DhGroups.GROUP18;
        byte[] request = new GexRequest(2048, 2048, 4096).encode();
        assertThatThrownBy(() -> server(broken).onMessage(request)).isInstanceOf(KeyExchangeException.class);
        DhGroupSource empty = (min, n, max, random) -> {
            throw new KeyExchangeException("none");
        };
        assertThatThrownBy(() -> server(empty).onMessage(request)).isInstanceOf(KeyExchangeException.class);
    }

    @Test
    void gexSha1RunsWithTheSameMessages() throws Exception {
        KexFixtures.Exchange run = KexFixtures.run("diffie-hellman-group-exchange-sha1", "ssh-ed25519",
                KexFixtures.hostKey(KeyType.ED25519), null);
        assertThat(run.client().exchangeHash()).hasSize(20).isEqualTo(run.server().exchangeHash());
    }

    @Test
    void realModuliFileParsesCompletely() throws Exception {
        Moduli moduli = Moduli.parse(resource("moduli"));
        assertThat(moduli.entries()).hasSize(538);
        assertThat(moduli.skippedLines()).isZero();
        Set<Integer> sizes = new HashSet<>();
        moduli.entries().forEach(e -> sizes.add(e.bits()));
        assertThat(sizes).containsExactlyInAnyOrder(2048, 3072, 4096, 6144, 7680, 8192);
        for (ModuliEntry entry : moduli.entries().subList(0, 5)) { // spot-check: safe primes
            BigInteger p = entry.group().p();
            assertThat(p.isProbablePrime(20)).isTrue();
            assertThat(p.shiftRight(1).isProbablePrime(20)).isTrue();
        }
    }

    @Test
    void builtInSetHasEverySize() {
        Moduli builtIn = Moduli.builtIn();
        assertThat(builtIn.entries()).hasSize(12);
        assertThat(builtIn.skippedLines()).isZero();
        assertThat(builtIn.entries()).extracting(ModuliEntry::bits).containsOnly(2048, 3072, 4096, 6144, 7680, 8192);
    }

    @Test
    void malformedAndUnusableLinesAreSkippedAndCounted() throws Exception {
        String good = resource("moduli").lines().filter(l -> l.contains(" 3071 ")).findFirst().orElseThrow();
        String[] f = good.split(" ");
        String text = String.join("\n",
                "# comment", "", "   ", good,
                good.replace(" 2 6 100 ", " 4 6 100 "), // not a safe prime (type 4 = Sophie Germain)
                good.replace(" 2 6 100 ", " 2 2 100 "), // sieve only, no Miller-Rabin
                good.replace(" 2 6 100 ", " 2 7 100 "), // "composite" flag
                good.replace(" 3071 ", " 3072 "), // size does not match the modulus
                good.replace(" 3071 ", " 99999999999 "),
                good + " extra",
                String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5]), // modulus missing
                String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5], f[6] + "G"), // not hex
                String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5], "\u0661" + f[6].substring(1)), // non-ASCII digit
                String.join(" ", f[0], f[1], f[2], f[3], f[4], "0", f[6]), // g = 0
                String.join(" ", f[0], f[1], f[2], f[3], "1022", f[5], "C" + "0".repeat(254) + "1"), // 1024 bits
                String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5], f[6].substring(0, f[6].length() - 1) + "0"),
                "x".repeat(5000),
                "garbage");
        Moduli moduli = Moduli.parse(text);
        assertThat(moduli.entries()).hasSize(1);
        assertThat(moduli.entries().get(0).bits()).isEqualTo(3072);
        assertThat(moduli.skippedLines()).isEqualTo(14);
        assertThat(moduli.toString()).contains("1 groups", "14 lines skipped");
    }

    @Test
    void selectionPicksTheClosestSizeAndChoosesAmongEquals() throws Exception {
        Moduli moduli = Moduli.parse(resource("moduli"));
        SecureRandom random = new SecureRandom();
        Set<DhGroup> seen = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            DhGroup group = moduli.select(2048, 3072, 8192, random);
            assertThat(group.bits()).isEqualTo(3072);
            seen.add(group);
        }
        assertThat(seen.size()).isGreaterThan(1);
        assertThat(moduli.select(2048, 5000, 8192, random).bits()).isEqualTo(4096); // 904 away vs 1144
        assertThat(moduli.select(2048, 5120, 8192, random).bits()).isEqualTo(6144); // a tie goes to the larger
        assertThat(moduli.select(4000, 4000, 5000, random).bits()).isEqualTo(4096);
        assertThatThrownBy(() -> moduli.select(5000, 5000, 6000, random)).isInstanceOf(KeyExchangeException.class);
    }

    @Test
    void emptySourceFallsBackToRfc3526Groups() throws Exception {
        SecureRandom random = new SecureRandom();
        assertThat(Moduli.empty().select(2048, 3072, 8192, random)).isIn(DhGroups.GROUP14, DhGroups.GROUP16);
        assertThat(Moduli.empty().select(2048, 2048, 8192, random)).isEqualTo(DhGroups.GROUP14);
        assertThat(Moduli.empty().select(6000, 8000, 8192, random)).isEqualTo(DhGroups.GROUP18);
        assertThatThrownBy(() -> Moduli.empty().select(2049, 3072, 4095, random))
                .isInstanceOf(KeyExchangeException.class);
        KexFixtures.Exchange run = KexFixtures.run(KEX, "ssh-ed25519", KexFixtures.hostKey(KeyType.ED25519), null);
        assertThat(run.client().exchangeHash()).isEqualTo(run.server().exchangeHash());
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GroupExchangeTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }
}
