package org.sshstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.SshException;
import org.sshstack.client.ClientSession;
import org.sshstack.client.SshClient;
import org.sshstack.keys.KeyFiles;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.PeerTools;

/** Host key generation, host certificates, required settings and binding of {@link SshServer}. */
class SshServerBuilderTest {

    @Test
    void generatedHostKeyIsWrittenOnceAndReused(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("host_ed25519");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            SshServer.builder().generatedHostKey(key).executor(executor).build();
            byte[] first = Files.readAllBytes(key);
            SshServer.builder().generatedHostKey(key).executor(executor).build();
            assertThat(Files.readAllBytes(key)).isEqualTo(first);
            try (SshServer server = SshServer.builder().hostKeyFile(key).executor(executor).build().start()) {
                assertThat(server.getPort()).isPositive();
                assertThat(server.connectionCount()).isZero();
            }
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aHostCertificateIsAcceptedThroughTheCertAuthority(@TempDir Path dir) throws Exception {
        SshKeyPair host = KeyGenerator.ed25519("host", new SecureRandom());
        OpenSshCertificate certificate = certify(dir, host);
        assertThatThrownBy(() -> SshServer.builder().hostKey(KeyGenerator.ed25519("x", new SecureRandom()),
                certificate)).isInstanceOf(IllegalArgumentException.class);
        ExecutorService executor = Executors.newCachedThreadPool();
        try (SshServer certified = SshServer.builder().hostKey(host, certificate).executor(executor)
                .passwordAuthenticator((u, p) -> true).build().start();
                SshServer plain = SshServer.builder().hostKey(host).executor(executor)
                        .passwordAuthenticator((u, p) -> true).build().start()) {
            SshClient client = SshClient.builder().knownHosts(dir.resolve("known_hosts"))
                    .password("x".toCharArray()).build();
            trustCa(dir, certified.getPort());
            try (ClientSession session = client.connect("127.0.0.1", certified.getPort(), "alice")) {
                assertThat(session).isNotNull();
            }
            trustCa(dir, plain.getPort());
            assertThatThrownBy(() -> client.connect("127.0.0.1", plain.getPort(), "alice"))
                    .isInstanceOf(SshException.class);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Signs {@code host} with a new CA ({@code dir/ca}) as a host certificate for 127.0.0.1. */
    private static OpenSshCertificate certify(Path dir, SshKeyPair host) throws Exception {
        PeerTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "ca", "-f", dir.resolve("ca").toString())
                .assertSuccess();
        KeyFiles.writePublicKey(dir.resolve("host.pub"), host.publicKey(), "host");
        PeerTools.run("ssh-keygen", "-q", "-s", dir.resolve("ca").toString(), "-h", "-I", "host", "-n", "127.0.0.1",
                dir.resolve("host.pub").toString()).assertSuccess();
        return (OpenSshCertificate) KeyFiles.readPublicKey(dir.resolve("host-cert.pub")).key();
    }

    /** Writes known_hosts with the CA of {@link #certify} as the only, {@code @cert-authority}, line for the port. */
    private static void trustCa(Path dir, int port) throws Exception {
        Files.writeString(dir.resolve("known_hosts"), "@cert-authority [127.0.0.1]:" + port + " "
                + Files.readString(dir.resolve("ca.pub")));
    }

    @Test
    void aServerNeedsAHostKeyAndAnExecutor(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> SshServer.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SshServer.builder().generatedHostKey(dir.resolve("k")).build())
                .isInstanceOf(IllegalStateException.class);
    }
}
