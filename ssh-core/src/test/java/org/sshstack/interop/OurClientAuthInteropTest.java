package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.sshstack.AuthenticationException;
import org.sshstack.client.ClientSession;
import org.sshstack.client.ExecResult;
import org.sshstack.client.SshClient;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.SshWriter;

/**
 * Live interop: OUR {@link SshClient} logs in to peer servers on loopback and runs a command. Against OpenSSH
 * {@code sshd} (public key, for the current user, through the fixture's own AuthorizedKeysFile): every key type
 * (ed25519, ecdsa 256/384/521, rsa 3072) in every private key file format peers write — OpenSSH (ssh-keygen),
 * PEM PKCS#1/SEC1 and PKCS#8 (ssh-keygen -m PEM / -m PKCS8; ed25519 PKCS#8 from openssl), PuTTY PPK v3
 * (puttygen) — each without and with a passphrase. Against AsyncSSH: password and keyboard-interactive. Against
 * paramiko: password.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OurClientAuthInteropTest {

    private static final Duration T = Duration.ofSeconds(30);
    private static final String PASSPHRASE = "correct horse";
    private static final String[][] KEYS = {{"ed25519", "256"}, {"ecdsa", "256"}, {"ecdsa", "384"},
        {"ecdsa", "521"}, {"rsa", "3072"}};

    private Path dir;
    private OpenSshServer sshd;
    private final List<String> pinned = new ArrayList<>();

    @BeforeAll
    void startSshd(@TempDir Path tmp) throws Exception {
        dir = tmp;
        PeerTools.require("ssh-keygen");
        List<String> authorized = new ArrayList<>();
        for (String[] key : KEYS) {
            Path base = dir.resolve(key[0] + key[1]);
            PeerTools.run("ssh-keygen", "-q", "-t", key[0], "-b", key[1], "-N", "", "-C", "", "-f", base.toString())
                    .assertSuccess();
            authorized.add(Files.readString(Path.of(base + ".pub")).strip());
        }
        if (PeerTools.underCi() || Files.isExecutable(Path.of("/usr/bin/openssl"))) {
            authorized.add(opensslEd25519());
        }
        Path file = dir.resolve("authorized_keys");
        Files.write(file, authorized);
        sshd = OpenSshServer.start(Files.createDirectories(dir.resolve("sshd")),
                OpenSshServer.options().authorizedKeysFile(file));
        for (String type : HostKeys.ALL_TYPES) {
            pinned.add(HostKeys.sha256Fingerprint(Path.of(sshd.hostKey(type) + ".pub")));
        }
    }

    @AfterAll
    void stopSshd() {
        if (sshd != null) {
            sshd.close();
        }
    }

    /** An ed25519 PKCS#8 key from openssl (ssh-keygen cannot write one); returns its authorized_keys line. */
    private String opensslEd25519() throws Exception {
        Path pem = dir.resolve("ed25519-openssl.pem");
        PeerTools.run("openssl", "genpkey", "-algorithm", "ed25519", "-out", pem.toString()).assertSuccess();
        PeerTools.run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", pem.toString(), "-passout",
                "pass:" + PASSPHRASE, "-out", dir.resolve("ed25519-openssl-pw.pem").toString()).assertSuccess();
        Path der = dir.resolve("ed25519-openssl.pub.der");
        PeerTools.run("openssl", "pkey", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out",
                der.toString()).assertSuccess();
        byte[] spki = Files.readAllBytes(der);
        byte[] raw = Arrays.copyOfRange(spki, spki.length - 32, spki.length); // RFC 8410: BIT STRING of 32 bytes
        byte[] blob = new SshWriter().writeString("ssh-ed25519").writeString(raw).toByteArray(); // RFC 8709 §4
        return "ssh-ed25519 " + Base64.getEncoder().encodeToString(blob);
    }

    static Stream<Arguments> keyFiles() {
        List<Arguments> out = new ArrayList<>();
        for (String[] key : KEYS) {
            for (String format : List.of("openssh", "pem", "pkcs8", "ppk")) {
                if (key[0].equals("ed25519") && !format.equals("openssh") && !format.equals("ppk")) {
                    continue; // ssh-keygen writes ed25519 only in its own format; openssl covers PKCS#8 below
                }
                out.add(Arguments.of(key[0] + key[1], format, false));
                out.add(Arguments.of(key[0] + key[1], format, true));
            }
        }
        out.add(Arguments.of("ed25519", "openssl-pkcs8", false));
        out.add(Arguments.of("ed25519", "openssl-pkcs8", true));
        return out.stream();
    }

    /** Writes the key of {@code name} in a format, encrypted or not, and returns the file. */
    private Path keyFile(String name, String format, boolean encrypted) throws Exception {
        String passphrase = encrypted ? PASSPHRASE : "";
        if (format.equals("openssl-pkcs8")) {
            PeerTools.require("openssl");
            return dir.resolve(encrypted ? "ed25519-openssl-pw.pem" : "ed25519-openssl.pem");
        }
        Path base = dir.resolve(name);
        Path file = dir.resolve(name + "-" + format + (encrypted ? "-pw" : ""));
        Files.deleteIfExists(file);
        if (format.equals("ppk")) {
            PeerTools.require("puttygen");
            List<String> line = new ArrayList<>(List.of("puttygen", base.toString(), "-O", "private", "-o",
                    file.toString()));
            if (encrypted) {
                Path pass = dir.resolve("passphrase.txt");
                Files.writeString(pass, PASSPHRASE + "\n");
                line.addAll(List.of("--new-passphrase", pass.toString()));
            }
            PeerTools.run(line.toArray(String[]::new)).assertSuccess();
            return file;
        }
        Files.copy(base, file);
        List<String> line = new ArrayList<>(List.of("ssh-keygen", "-q", "-p", "-P", "", "-N", passphrase, "-f",
                file.toString()));
        if (!format.equals("openssh")) {
            line.addAll(List.of("-m", format.toUpperCase(java.util.Locale.ROOT)));
        }
        PeerTools.run(line.toArray(String[]::new)).assertSuccess();
        return file;
    }

    @ParameterizedTest(name = "sshd publickey {0} {1} encrypted={2}")
    @MethodSource("keyFiles")
    void sshdPublicKey(String key, String format, boolean encrypted) throws Exception {
        Path file = keyFile(key, format, encrypted);
        String header = Files.readString(file, StandardCharsets.UTF_8).lines().findFirst().orElse("");
        SshClient client = SshClient.builder().pinnedHostKeys(pinned)
                .identityFile(file, encrypted ? PASSPHRASE.toCharArray() : null).build();
        try (ClientSession s = client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name"))) {
            ExecResult r = s.exec("echo ok; exit 4", T);
            assertThat(r.stdoutText()).as(header).isEqualTo("ok\n");
            assertThat(r.exitStatus()).isEqualTo(4);
        }
        assertThat(sshd.log()).contains("Accepted publickey for " + System.getProperty("user.name"));
    }

    @Test
    void sshdWithAgentIdentities(@TempDir Path tmp) throws Exception {
        PeerTools.require("ssh-add");
        Path sock = tmp.resolve("agent.sock");
        try (PeerProcess agent = PeerProcess.start("ssh-agent", tmp, Map.of(), tmp.resolve("agent.log"),
                PeerTools.require("ssh-agent").toString(), "-D", "-a", sock.toString())) {
            agent.awaitLog(java.util.regex.Pattern.compile("SSH_AUTH_SOCK"));
            Map<String, String> env = Map.of("SSH_AUTH_SOCK", sock.toString());
            for (String[] key : KEYS) {
                PeerTools.runIn(tmp, env, T, null, "ssh-add", dir.resolve(key[0] + key[1]).toString())
                        .assertSuccess();
            }
            SshClient client = SshClient.builder().pinnedHostKeys(pinned).useAgent(sock).build();
            try (ClientSession s = client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name"))) {
                ExecResult r = s.exec("echo agent; exit 5", T);
                assertThat(r.stdoutText()).isEqualTo("agent\n");
                assertThat(r.exitStatus()).isEqualTo(5);
            }
        }
        assertThat(sshd.log()).contains("Accepted publickey for " + System.getProperty("user.name"));
    }

    @Test
    void asyncSshPassword(@TempDir Path tmp) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(tmp)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password(AsyncSshServer.PASSWORD.toCharArray()).build(), server.port(), AsyncSshServer.USER, true);
            assertThat(server.log()).contains("Auth for user test succeeded");
        }
    }

    @Test
    void asyncSshKeyboardInteractive(@TempDir Path tmp) throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        try (AsyncSshServer server = AsyncSshServer.start(tmp, null, false, true)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .interactive((name, instruction, prompts) -> {
                        prompts.forEach(p -> seen.add(p.prompt() + "/" + p.echo()));
                        return prompts.stream().map(p -> AsyncSshServer.PASSWORD).toList();
                    }).build(), server.port(), AsyncSshServer.USER, true);
            assertThat(seen).containsExactly("Password: /false");
            assertThat(server.log()).contains("Auth for user test succeeded");
        }
    }

    @Test
    void paramikoPassword(@TempDir Path tmp) throws Exception {
        try (ParamikoServer server = ParamikoServer.start(tmp)) {
            runEcho(SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password(ParamikoServer.PASSWORD.toCharArray()).build(), server.port(), ParamikoServer.USER,
                    false); // paramiko_server.py serves one exec per connection
            assertThat(server.log()).contains("Auth granted (password).");
        }
    }

    @Test
    void sshdRefusesAnUntrustedKey(@TempDir Path tmp) throws Exception {
        SshClient client = SshClient.builder().pinnedHostKeys(pinned)
                .identity(org.sshstack.keys.KeyGenerator.ed25519("stranger", new java.security.SecureRandom()))
                .password("not-used-by-sshd".toCharArray()).build();
        assertThatThrownBy(() -> client.connect(Loopback.HOST, sshd.port(), System.getProperty("user.name")))
                .isInstanceOf(AuthenticationException.class);
    }

    @Test
    void asyncSshRefusesAWrongPassword(@TempDir Path tmp) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(tmp)) {
            SshClient client = SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> client.connect(Loopback.HOST, server.port(), AsyncSshServer.USER))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    /**
     * Dropbear: only a clean refusal is checked. Dropbear 2022.83 reads public keys from the target user's real
     * ~/.ssh/authorized_keys (no option to point it elsewhere) and passwords from the system's shadow file, so a
     * successful login would need a change to the real account; the tests never make one.
     */
    @Test
    void dropbearRefusesUnknownCredentialsCleanly(@TempDir Path tmp) throws Exception {
        try (DropbearServer server = DropbearServer.start(tmp, DropbearServer.options().passwordLogins(true))) {
            SshClient client = SshClient.builder().knownHosts(tmp.resolve("known_hosts")).acceptNewHostKeys()
                    .identity(org.sshstack.keys.KeyGenerator.ed25519("stranger", new java.security.SecureRandom()))
                    .password("wrong".toCharArray()).build();
            assertThatThrownBy(() -> client.connect(Loopback.HOST, server.port(), "sshstack-no-such-user"))
                    .isInstanceOf(AuthenticationException.class);
        }
    }

    private static void runEcho(SshClient client, int port, String user, boolean twice) throws Exception {
        try (ClientSession s = client.connect(Loopback.HOST, port, user)) {
            ExecResult r = s.exec("exit 3", T);
            assertThat(r.stdoutText()).isEqualTo("exit 3\n");
            assertThat(r.exitStatus()).isEqualTo(3);
            if (!twice) {
                return;
            }
            ExecResult zero = s.exec("hello", T);
            assertThat(zero.stdoutText()).isEqualTo("hello\n");
            assertThat(zero.exitStatus()).isZero();
        }
    }
}
