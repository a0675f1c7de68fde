package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmNames;
import org.sshstack.transport.AlgorithmPreferences;

/**
 * OpenSSH {@code ssh}, PuTTY {@code plink}, paramiko and AsyncSSH clients against OUR server (TransportEngine in the
 * server role over BlockingDriver, host keys of every type): each reaches the authentication stage, checked in its
 * verbose log. {@code ssh}, paramiko and AsyncSSH also run once per algorithm both sides support (one family restricted
 * to one name; {@code ssh} also per host certificate algorithm, trusting a test CA); plink runs here with its defaults, and once per algorithm in {@link PlinkAgainstOurServerSweepTest}.
 */
class PeerClientsAgainstOurServerTest {

    /** Everything sshstack implements, the opt-in legacy names included, so a sweep covers every shared algorithm. */
    static final AlgorithmPreferences EVERYTHING = new AlgorithmPreferences(
            concat(AlgorithmNames.KEX, AlgorithmNames.INSECURE_KEX),
            concat(AlgorithmNames.HOST_KEY.stream().filter(n -> !n.contains("-cert-")).toList(),
                    AlgorithmNames.INSECURE_HOST_KEY),
            concat(AlgorithmNames.CIPHER, AlgorithmNames.INSECURE_CIPHER),
            concat(AlgorithmNames.MAC, AlgorithmNames.INSECURE_MAC), List.of("none"));

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }

    private static List<String> sshQ(String what) throws Exception {
        return PeerTools.run("ssh", "-Q", what).assertSuccess().stdout().lines().map(String::trim).toList();
    }

    @Test
    void openSshClientReachesAuthenticationWithEveryAlgorithm(@TempDir Path dir) throws Exception {
        PeerTools.require("ssh");
        InteropReport report = new InteropReport("ssh 9.2 -> sshstack");
        Map<String, String> failures = new LinkedHashMap<>();
        HostCertificates ca = HostCertificates.create(dir, "ca");
        try (OurServer server = OurServer.start(dir, EVERYTHING, ca)) {
            sshSweep(dir, server, report, failures, "kex", "KexAlgorithms", EVERYTHING.kex(), sshQ("kex"),
                    "kex: algorithm: ");
            sshSweep(dir, server, report, failures, "hostkey", "HostKeyAlgorithms", EVERYTHING.hostKeys(),
                    sshQ("key-sig"), "kex: host key algorithm: ");
            sshSweep(dir, server, report, failures, "cipher", "Ciphers", EVERYTHING.ciphers(), sshQ("cipher"),
                    "kex: client->server cipher: ");
            sshSweep(dir, server, report, failures, "mac", "MACs", EVERYTHING.macs(), sshQ("mac"),
                    "MAC: ");
            certificateSweep(dir, server, ca, report, failures);
            report.write();
            assertThat(failures).isEmpty();
            assertThat(server.authRequests()).isPositive();
        }
    }

    private static void sshSweep(Path dir, OurServer server, InteropReport report, Map<String, String> failures,
            String category, String option, List<String> ours, List<String> theirs, String logPrefix)
            throws Exception {
        report.notOurs(category, category.equals("hostkey") ? concat(HostCertificates.ALGORITHMS, ours) : ours,
                theirs); // the certificate algorithms: certificateSweep
        for (String name : ours) {
            if (!theirs.contains(name)) {
                report.row(category, name, "not supported by peer");
                continue;
            }
            OpenSshClient client = OpenSshClient.create(dir).option(option, name);
            if (category.equals("mac")) {
                client.option("Ciphers", "aes128-ctr");
            }
            PeerTools.Result result = client.run(server.port(), "tester", "true");
            String log = result.stderr();
            boolean ok = log.contains("SSH2_MSG_SERVICE_ACCEPT received")
                    && log.contains("Authentications that can continue: publickey,password")
                    && log.contains(logPrefix + name);
            report.row(category, name, ok ? "pass" : "FAIL");
            if (!ok) {
                failures.put(category + " " + name, tail(log));
            }
        }
    }

    /**
     * ssh once per certificate host key algorithm, restricted to it, with StrictHostKeyChecking=yes and a known_hosts
     * whose only line is the CA's {@code @cert-authority}: its log must show the certificate accepted through the CA.
     */
    private static void certificateSweep(Path dir, OurServer server, HostCertificates ca, InteropReport report,
            Map<String, String> failures) throws Exception {
        server.offer(new AlgorithmPreferences(EVERYTHING.kex(), concat(HostCertificates.ALGORITHMS,
                EVERYTHING.hostKeys()), EVERYTHING.ciphers(), EVERYTHING.macs(), EVERYTHING.compression()));
        Path knownHosts = ca.knownHosts(dir.resolve("known_hosts_ca"), server.port());
        List<String> theirs = sshQ("key-sig");
        for (String name : HostCertificates.ALGORITHMS) {
            if (!theirs.contains(name)) {
                report.row("hostkey", name, "not supported by peer");
                continue;
            }
            String log = OpenSshClient.create(dir).option("HostKeyAlgorithms", name)
                    .option("UserKnownHostsFile", knownHosts.toString()).strictHostKeyChecking("yes")
                    .run(server.port(), "tester", "true").stderr();
            boolean ok = log.contains("kex: host key algorithm: " + name)
                    && log.contains("Server host certificate: ")
                    && log.contains("Host '[" + Loopback.HOST + "]:" + server.port() + "' is known and matches the ")
                    && log.contains(" host certificate.")
                    && log.contains("SSH2_MSG_SERVICE_ACCEPT received")
                    && log.contains("Authentications that can continue: publickey,password");
            report.row("hostkey", name, ok ? "pass (certificate accepted through @cert-authority)" : "FAIL");
            if (!ok) {
                failures.put("hostkey " + name, tail(log));
            }
        }
    }

    private static String tail(String log) {
        List<String> lines = log.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }

    @Test
    void plinkReachesAuthenticationWithItsDefaults(@TempDir Path dir) throws Exception {
        PeerTools.require("plink");
        try (OurServer server = OurServer.start(dir, EVERYTHING)) {
            PlinkClient client = PlinkClient.create(dir).verbose();
            for (Path pub : server.publicKeyFiles().values()) {
                client.hostKey(HostKeys.sha256Fingerprint(pub));
            }
            PeerTools.Result result = client.run(server.port(), "tester", "true");
            String log = result.stderr() + result.stdout();
            InteropReport report = new InteropReport("plink 0.78 -> sshstack");
            List<String> negotiated = log.lines().filter(l -> l.startsWith("Initialised ")
                    || l.contains("key exchange") || l.startsWith("Host key fingerprint is:")
                    || l.contains("trict")).toList();
            negotiated.forEach(l -> report.row("defaults", l, "seen"));
            report.write();
            assertThat(log).as(log).contains("Initialised").contains("Host key fingerprint is:");
            assertThat(server.authRequests()).as(log).isPositive();
        }
    }

    @Test
    void paramikoClientReachesAuthentication(@TempDir Path dir) throws Exception {
        try (OurServer server = OurServer.start(dir, EVERYTHING)) {
            PeerTools.Result result = PythonClient.paramiko(dir).password("tester", "wrong").run(server.port(), null);
            Map<String, String> algorithms = PythonClient.algorithms(result.stdout());
            InteropReport report = new InteropReport("paramiko 2.12 -> sshstack");
            algorithms.forEach((k, v) -> report.row(k, v, "negotiated (defaults)"));
            report.write();
            assertThat(paramikoReachedAuth(result)).as(result.stderr()).isTrue();
            assertThat(algorithms).containsKeys("kex", "hostkey", "cipher", "mac");
            assertThat(server.authRequests()).isPositive();
        }
    }

    @Test
    void paramikoClientReachesAuthenticationWithEveryAlgorithm(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("paramiko 2.12 sweep -> sshstack");
        Map<String, String> failures = new LinkedHashMap<>();
        try (OurServer server = OurServer.start(dir, EVERYTHING)) {
            Map<String, List<String>> supported = PythonClient.paramiko(dir).supported();
            PythonClientSweep.sweep(server, supported, (family, name) -> {
                PythonClient client = PythonClient.paramiko(dir).password("tester", "wrong")
                        .algorithm(family, name);
                return client.run(server.port(), null);
            }, (family, name, result) -> paramikoReachedAuth(result)
                    && PythonClientSweep.printed(PythonClient.algorithms(result.stdout()), family, name),
                    report, failures);
            notOurs(report, supported);
            report.write();
            assertThat(failures).isEmpty();
            assertThat(server.authRequests()).isPositive();
        }
    }

    /** Adds the rows for the names a Python client supports and we do not. */
    private static void notOurs(InteropReport report, Map<String, List<String>> supported) {
        for (String family : PythonClientSweep.FAMILIES) {
            report.notOurs(family, PythonClientSweep.ours(family), supported.getOrDefault(family, List.of()));
        }
    }

    private static boolean paramikoReachedAuth(PeerTools.Result result) {
        return result.stderr().contains("userauth is OK")
                && result.stderr().contains("Authentication (password) failed");
    }

    @Test
    void asyncSshClientReachesAuthentication(@TempDir Path dir) throws Exception {
        try (OurServer server = OurServer.start(dir, EVERYTHING)) {
            PeerTools.Result result = PythonClient.asyncssh(dir).password("tester", "wrong").run(server.port(), null);
            Map<String, String> algorithms = PythonClient.algorithms(result.stdout());
            InteropReport report = new InteropReport("asyncssh 2.10 -> sshstack");
            algorithms.forEach((k, v) -> report.row(k, v, "negotiated (defaults)"));
            result.stderr().lines().filter(l -> l.contains(" alg: ") || l.contains("accepted")
                    || l.contains("Auth failed")).map(String::trim).forEach(l -> report.row("log", l, "seen"));
            report.write();
            assertThat(server.authRequests()).as(result.stdout() + result.stderr()).isPositive();
            assertThat(asyncSshReachedAuth(result)).as(result.stderr()).isTrue();
        }
    }

    @Test
    void asyncSshClientReachesAuthenticationWithEveryAlgorithm(@TempDir Path dir) throws Exception {
        InteropReport report = new InteropReport("asyncssh 2.10 sweep -> sshstack");
        Map<String, String> failures = new LinkedHashMap<>();
        try (OurServer server = OurServer.start(dir, EVERYTHING)) {
            Map<String, List<String>> supported = PythonClient.asyncssh(dir).supported();
            PythonClientSweep.sweep(server, supported, (family, name) -> {
                PythonClient client = PythonClient.asyncssh(dir).password("tester", "wrong")
                        .algorithm(family, name);
                if (family.equals("mac")) {
                    client.algorithm("cipher", "aes128-ctr"); // an AEAD cipher would make the MAC moot
                }
                return client.run(server.port(), null);
            }, PeerClientsAgainstOurServerTest::asyncSshNegotiated, report, failures);
            notOurs(report, supported);
            report.write();
            assertThat(failures).isEmpty();
            assertThat(server.authRequests()).isPositive();
        }
    }

    private static boolean asyncSshReachedAuth(PeerTools.Result result) {
        return result.stderr().contains("Request for service ssh-userauth accepted")
                && result.stderr().contains("Remaining auth methods: publickey,password");
    }

    /**
     * AsyncSSH authenticates inside connect(), so a refused password leaves no algorithm lines on stdout: its debug
     * log names the negotiated kex, cipher and MAC ("Key exchange alg: ...", ...) and, for the host key, the one
     * signature algorithm the client offered ("Host key algs: ..." alone on its line).
     */
    private static boolean asyncSshNegotiated(String family, String name, PeerTools.Result result) {
        String line = switch (family) {
            case "kex" -> "Key exchange alg: " + name + "\n";
            case "hostkey" -> "Host key algs: " + name + "\n";
            case "cipher" -> "Encryption alg: " + name + "\n";
            default -> "MAC alg: " + name + "\n";
        };
        return asyncSshReachedAuth(result) && result.stderr().contains(line);
    }
}
