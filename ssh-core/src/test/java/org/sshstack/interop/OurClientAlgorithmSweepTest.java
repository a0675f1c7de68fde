package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.transport.AlgorithmNames;
import org.sshstack.transport.AlgorithmPreferences;
import org.sshstack.transport.HostKeyRejectedException;
import org.sshstack.transport.KnownHostsVerifier;
import org.sshstack.transport.Role;
import org.sshstack.transport.TransportConfig;
import org.sshstack.transport.TransportEngine;
import org.sshstack.wire.KexProposal;

/**
 * Our client (TransportEngine over BlockingDriver) against sshd, Dropbear, AsyncSSH and paramiko: key exchange,
 * ssh-userauth, a {@code none} request answered by USERAUTH_FAILURE, once per algorithm both sides support (one kex,
 * host key algorithm, cipher, or MAC with a CTR cipher at a time). One server process per peer and host key set.
 * Every name we know, the opt-in legacy ones included (CBC, 3DES, SHA-1 kex and MACs), is implemented: each one the
 * peer offers must pass. sshd is configured to offer every name of {@code ssh -Q} that we know, legacy ones included,
 * and serves host certificates of a test CA: each certificate algorithm runs with a strict known_hosts that trusts
 * only that CA ({@code @cert-authority}), and another CA must be refused.
 */
class OurClientAlgorithmSweepTest {

    private static final List<String> ALL_KEX = concat(AlgorithmNames.KEX, AlgorithmNames.INSECURE_KEX);
    private static final List<String> ALL_HOST_KEYS = concat(
            AlgorithmNames.HOST_KEY.stream().filter(n -> !n.contains("-cert-")).toList(),
            AlgorithmNames.INSECURE_HOST_KEY);
    private static final List<String> ALL_CIPHERS = concat(AlgorithmNames.CIPHER, AlgorithmNames.INSECURE_CIPHER);
    private static final List<String> ALL_MACS = concat(AlgorithmNames.MAC, AlgorithmNames.INSECURE_MAC);

    /** Algorithms a peer lists but its fixture cannot serve, with why ("peer name" -> reason); none at present. */
    private static final Map<String, String> PEER_GAPS = Map.of();

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static AlgorithmPreferences.Builder base() {
        return AlgorithmPreferences.builder(Role.CLIENT);
    }

    /** Runs the whole sweep against one server; returns failures by "category algorithm". */
    private static Map<String, String> sweep(InteropReport report, int port, KexProposal offered,
            boolean hostKeysOnly, boolean reportMissingHostKeys) throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> hostKeys = intersect(ALL_HOST_KEYS, offered.serverHostKeyAlgorithms());
        for (String hk : hostKeys) {
            run(report, failures, port, "hostkey", hk, base().hostKeys(hk).build());
        }
        if (reportMissingHostKeys) {
            report.unsupported("hostkey", ALL_HOST_KEYS, offered.serverHostKeyAlgorithms());
        }
        if (!hostKeysOnly) {
            failures.putAll(sweepWithoutHostKeys(report, port, offered));
        }
        return failures;
    }

    private static void run(InteropReport report, Map<String, String> failures, int port, String category,
            String name, AlgorithmPreferences prefs) throws InterruptedException {
        run(report, failures, port, category, name, prefs, c -> { });
    }

    private static void run(InteropReport report, Map<String, String> failures, int port, String category,
            String name, AlgorithmPreferences prefs, Consumer<TransportConfig.Builder> setup)
            throws InterruptedException {
        try (OurClient client = OurClient.connect(port, prefs, setup)) {
            OurClient.Outcome outcome = client.awaitNoneFailure();
            String used = switch (category) {
                case "kex" -> outcome.negotiated().kex();
                case "hostkey" -> outcome.negotiated().hostKey();
                case "cipher" -> outcome.negotiated().clientToServer().cipher();
                default -> outcome.negotiated().clientToServer().mac().orElse("(aead)");
            };
            if (!used.equals(name) || outcome.methods().isEmpty()) {
                failures.put(category + " " + name, "negotiated " + used + ", methods " + outcome.methods());
                report.row(category, name, "FAIL");
            } else {
                report.row(category, name, "pass (methods " + String.join(",", outcome.methods()) + ")");
            }
        } catch (Exception e) {
            if (PEER_GAPS.containsKey(report.peer() + " " + name)) {
                report.row(category, name, "peer cannot serve it: " + PEER_GAPS.get(report.peer() + " " + name));
                return;
            }
            failures.put(category + " " + name, e.toString());
            report.row(category, name, "FAIL " + e);
        }
    }

    private static List<String> intersect(List<String> ours, List<String> theirs) {
        List<String> both = new ArrayList<>(ours);
        both.retainAll(theirs);
        return both;
    }

    @Test
    void openSshServer(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("sshd 9.2");
        HostCertificates ca = HostCertificates.create(dir, "ca");
        List<String> hostKeys = concat(HostCertificates.ALGORITHMS, ALL_HOST_KEYS);
        try (OpenSshServer server = OpenSshServer.start(dir, OpenSshServer.options().hostCertificates(ca)
                .kexAlgorithms(String.join(",", intersectSshQ("kex", ALL_KEX)))
                .hostKeyAlgorithms(String.join(",", intersectSshQ("key-sig", hostKeys)))
                .ciphers(String.join(",", intersectSshQ("cipher", ALL_CIPHERS)))
                .macs(String.join(",", intersectSshQ("mac", ALL_MACS))))) {
            KexProposal offered = KexProbe.probeServer(server.port()).kexInit().proposal();
            Map<String, String> failures = sweep(report, server.port(), offered, false, false);
            failures.putAll(certificateSweep(report, server.port(), offered, ca, dir));
            report.unsupported("hostkey", hostKeys, offered.serverHostKeyAlgorithms());
            report.notOurs("kex", ALL_KEX, sshQ("kex")); // sshd offers only our names: list the rest of its own
            report.notOurs("hostkey", hostKeys, sshQ("key-sig"));
            report.notOurs("cipher", ALL_CIPHERS, sshQ("cipher"));
            report.notOurs("mac", ALL_MACS, sshQ("mac"));
            report.write();
            assertThat(failures).as("sshd log:\n" + server.log().lines().filter(l -> l.contains("rror")
                    || l.contains("fatal")).toList()).isEmpty();
        }
    }

    /**
     * One run per certificate host key algorithm sshd offers, trusting only the CA through a strict known_hosts
     * {@code @cert-authority} line; then one run trusting another CA, which must be refused.
     */
    private static Map<String, String> certificateSweep(InteropReport report, int port, KexProposal offered,
            HostCertificates ca, Path dir) throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        Path trusted = ca.knownHosts(dir.resolve("known_hosts_ca"), port);
        for (String name : intersect(HostCertificates.ALGORITHMS, offered.serverHostKeyAlgorithms())) {
            run(report, failures, port, "hostkey", name, base().hostKeys(name).build(),
                    c -> c.hostKeyVerifier(KnownHostsVerifier.strict(trusted, Clock.systemUTC())));
        }
        Path other = HostCertificates.create(dir, "other_ca").knownHosts(dir.resolve("known_hosts_other"), port);
        String name = HostCertificates.ALGORITHMS.get(0);
        try (OurClient client = OurClient.connect(port, base().hostKeys(name).build(),
                c -> c.hostKeyVerifier(KnownHostsVerifier.strict(other, Clock.systemUTC())))) {
            assertThatThrownBy(client::awaitNoneFailure).isInstanceOf(SshException.class)
                    .extracting(e -> ((SshException) e).reason()).isEqualTo(DisconnectReason.HOST_KEY_NOT_VERIFIABLE);
            assertThat(client.driver().withEngine(TransportEngine::closeException)).get()
                    .isInstanceOf(HostKeyRejectedException.class);
            report.row("hostkey", name + " (other CA)", "refused as expected (HostKeyRejectedException)");
        }
        return failures;
    }

    /** The names of {@code ssh -Q what} that we implement, so sshd offers every algorithm both sides know. */
    private static List<String> intersectSshQ(String what, List<String> ours) throws Exception {
        return intersect(ours, sshQ(what));
    }

    private static List<String> sshQ(String what) throws Exception {
        return org.sshstack.testing.PeerTools.run("ssh", "-Q", what).assertSuccess().stdout().lines()
                .map(String::trim).toList();
    }

    /**
     * The full sweep with Dropbear's default host keys (Ed25519, ECDSA P-256, RSA), then the host key rows for
     * P-384 and P-521, one server each: Dropbear refuses to start with more than one ECDSA host key.
     */
    @Test
    void dropbearServer(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("dropbear 2022.83");
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> offeredHostKeys = new ArrayList<>();
        StringBuilder logs = new StringBuilder();
        for (String keys : List.of("default", "ecdsa384", "ecdsa521")) {
            Path sub = java.nio.file.Files.createDirectories(dir.resolve(keys));
            DropbearServer.Options options = DropbearServer.options();
            if (!keys.equals("default")) {
                options.hostKeyTypes(keys);
            }
            try (DropbearServer server = DropbearServer.start(sub, options)) {
                KexProposal offered = KexProbe.probeServer(server.port()).kexInit().proposal();
                if (keys.equals("default")) {
                    offeredHostKeys.addAll(offered.serverHostKeyAlgorithms());
                    failures.putAll(sweep(report, server.port(), offered, false, false));
                } else { // it lists RSA names without an RSA key: only the curve's own name can work
                    String curve = "ecdsa-sha2-nistp" + keys.substring("ecdsa".length());
                    assertThat(offered.serverHostKeyAlgorithms()).contains(curve);
                    offeredHostKeys.add(curve);
                    run(report, failures, server.port(), "hostkey", curve, base().hostKeys(curve).build());
                }
                logs.append(server.log());
            }
        }
        report.unsupported("hostkey", ALL_HOST_KEYS, offeredHostKeys);
        report.write();
        assertThat(failures).as(logs.toString()).isEmpty();
    }

    @Test
    void asyncSshServer(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("asyncssh 2.10");
        pythonSweep(dir, report, (d, key) -> AsyncSshServer.start(d, key, true, false)); // legacy names offered too
    }

    @Test
    void paramikoServer(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("paramiko 2.12");
        pythonSweep(dir, report, (d, key) -> ParamikoServer.start(d, key));
    }

    /** A host key the Python peers read: PEM for ECDSA and RSA (paramiko 2.12), OpenSSH format for Ed25519. */
    private static Path pemKey(Path file, String type) throws Exception {
        if (type.equals("ed25519")) {
            return HostKeys.generate(file, type);
        }
        boolean sizedEcdsa = type.startsWith("ecdsa") && type.length() > "ecdsa".length();
        String keygenType = sizedEcdsa ? "ecdsa" : type;
        String bits = sizedEcdsa ? type.substring("ecdsa".length()) : type.equals("rsa") ? "3072" : "256";
        org.sshstack.testing.PeerTools.run("ssh-keygen", "-q", "-t", keygenType, "-b", bits, "-m", "PEM", "-N", "",
                "-C", "", "-f", file.toString()).assertSuccess();
        return file;
    }

    /** Starts a server for one host key file. */
    @FunctionalInterface
    private interface PythonStarter {
        ServerFixture start(Path dir, Path hostKey) throws Exception;
    }

    /** The full sweep with an Ed25519 host key, then only host key algorithms with ECDSA and RSA keys. */
    private static void pythonSweep(Path dir, InteropReport report, PythonStarter starter) throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        List<String> offeredHostKeys = new ArrayList<>();
        StringBuilder logs = new StringBuilder();
        for (String type : HostKeys.ALL_TYPES) {
            Path sub = dir.resolve(type);
            java.nio.file.Files.createDirectories(sub);
            Path key = pemKey(sub.resolve("host_" + type), type);
            try (ServerFixture server = starter.start(sub, key)) {
                KexProposal offered = KexProbe.probeServer(server.port()).kexInit().proposal();
                offeredHostKeys.addAll(offered.serverHostKeyAlgorithms());
                failures.putAll(sweep(report, server.port(), offered, !type.equals("ed25519"), false));
                logs.append(server.log());
            }
        }
        report.unsupported("hostkey", ALL_HOST_KEYS, offeredHostKeys);
        report.write();
        assertThat(failures).as(logs.toString()).isEmpty();
    }

    private static Map<String, String> sweepWithoutHostKeys(InteropReport report, int port, KexProposal offered)
            throws Exception {
        Map<String, String> failures = new LinkedHashMap<>();
        for (String kex : intersect(ALL_KEX, offered.kexAlgorithms())) {
            run(report, failures, port, "kex", kex, base().kex(kex).build());
        }
        report.unsupported("kex", ALL_KEX, offered.kexAlgorithms());
        for (String cipher : intersect(ALL_CIPHERS, offered.ciphersClientToServer())) {
            run(report, failures, port, "cipher", cipher, base().ciphers(cipher).build());
        }
        report.unsupported("cipher", ALL_CIPHERS, offered.ciphersClientToServer());
        String ctr = intersect(List.of("aes128-ctr", "aes256-ctr", "aes192-ctr"), offered.ciphersClientToServer())
                .get(0);
        for (String mac : intersect(ALL_MACS, offered.macsClientToServer())) {
            run(report, failures, port, "mac", mac, base().ciphers(ctr).macs(mac).build());
        }
        report.unsupported("mac", ALL_MACS, offered.macsClientToServer());
        return failures;
    }
}
