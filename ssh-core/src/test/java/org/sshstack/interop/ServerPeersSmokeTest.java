package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.transport.AlgorithmNegotiator;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;
import org.sshstack.wire.KexInit;

/**
 * Smoke tests of the server fixtures: each real server answers our identification with its own and a cleartext
 * KEXINIT that decodes and negotiates with our client defaults (RFC 4253 §4.2, §7.1).
 */
class ServerPeersSmokeTest {

    private static final org.slf4j.Logger REPORT = org.slf4j.LoggerFactory.getLogger(ServerPeersSmokeTest.class);

    private static NegotiatedAlgorithms negotiate(String peer, KexProbe.Hello hello) throws Exception {
        KexInit ours = KexProbe.ourKexInit(Role.CLIENT);
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(ours, hello.kexInit());
        REPORT.info("{}", Matrix.row(peer + " " + hello.peer().line(), n));
        assertThat(n.clientOfferedStrictKex()).isTrue();
        assertThat(n.clientOfferedExtInfo()).isTrue();
        return n;
    }

    @Test
    void openSshServerOffersStrictKexAndNegotiates(@TempDir Path dir) throws Exception {
        try (OpenSshServer server = OpenSshServer.start(dir, OpenSshServer.options())) {
            KexProbe.Hello hello = KexProbe.probeServer(server.port());

            assertThat(hello.peer().line()).startsWith("SSH-2.0-OpenSSH_9");
            assertThat(hello.kexInit().proposal().kexAlgorithms()).contains("kex-strict-s-v00@openssh.com")
                    .doesNotContain("ext-info-c", "kex-strict-c-v00@openssh.com");
            assertThat(hello.kexInit().proposal().serverHostKeyAlgorithms())
                    .contains("ssh-ed25519", "ecdsa-sha2-nistp256", "rsa-sha2-512", "rsa-sha2-256");
            NegotiatedAlgorithms n = negotiate("sshd", hello);
            assertThat(n.strictKex()).isTrue();
            assertThat(n.serverOfferedExtInfo()).isFalse(); // OpenSSH 9.2 does not list ext-info-s (9.6+ does)
            assertThat(n.hostKey()).isEqualTo("ssh-ed25519");
            assertThat(server.log()).contains("remote software version sshstack_0.1.0");
        }
    }

    @Test
    void openSshServerOptionsShapeItsKexInit(@TempDir Path dir) throws Exception {
        OpenSshServer.Options options = OpenSshServer.options().hostKeyTypes("ed25519", "rsa")
                .kexAlgorithms("curve25519-sha256").ciphers("aes256-gcm@openssh.com", "aes128-ctr")
                .macs("hmac-sha2-512-etm@openssh.com").hostKeyAlgorithms("rsa-sha2-512")
                .rekeyLimit("1M").passwordAuthentication(true);
        try (OpenSshServer server = OpenSshServer.start(dir, options)) {
            KexProbe.Hello hello = KexProbe.probeServer(server.port());

            var p = hello.kexInit().proposal();
            assertThat(p.kexAlgorithms()).containsExactly("curve25519-sha256", "kex-strict-s-v00@openssh.com");
            assertThat(p.serverHostKeyAlgorithms()).containsExactly("rsa-sha2-512");
            assertThat(p.ciphersClientToServer()).containsExactly("aes256-gcm@openssh.com", "aes128-ctr");
            assertThat(p.macsServerToClient()).containsExactly("hmac-sha2-512-etm@openssh.com");
            NegotiatedAlgorithms n = negotiate("sshd (restricted)", hello);
            assertThat(List.of(n.kex(), n.hostKey(), n.clientToServer().cipher()))
                    .containsExactly("curve25519-sha256", "rsa-sha2-512", "aes256-gcm@openssh.com");
            assertThat(server.hostKey("rsa")).exists();
        }
    }

    @Test
    void dropbearOffersStrictKexAndGuessingAndNegotiates(@TempDir Path dir) throws Exception {
        try (DropbearServer server = DropbearServer.start(dir, DropbearServer.options().maxAuthTries(3))) {
            KexProbe.Hello hello = KexProbe.probeServer(server.port());

            assertThat(hello.peer().line()).startsWith("SSH-2.0-dropbear");
            assertThat(hello.kexInit().proposal().kexAlgorithms())
                    .contains("kex-strict-s-v00@openssh.com", "kexguess2@matt.ucc.asn.au");
            NegotiatedAlgorithms n = negotiate("dropbear", hello);
            assertThat(n.strictKex()).isTrue();
            assertThat(n.hostKey()).isEqualTo("ssh-ed25519");
        }
    }

    @Test
    void paramikoServerIsNonStrictAndNegotiates(@TempDir Path dir) throws Exception {
        try (ParamikoServer server = ParamikoServer.start(dir)) {
            KexProbe.Hello hello = KexProbe.probeServer(server.port());

            assertThat(hello.peer().line()).startsWith("SSH-2.0-paramiko");
            assertThat(hello.kexInit().proposal().kexAlgorithms()).doesNotContain("kex-strict-s-v00@openssh.com");
            NegotiatedAlgorithms n = negotiate("paramiko", hello);
            assertThat(n.strictKex()).isFalse();
            assertThat(n.hostKey()).isEqualTo("ecdsa-sha2-nistp256"); // the script's generated key
            assertThat(n.clientToServer().mac()).isPresent(); // paramiko 2.12 has no AEAD cipher
        }
    }

    @Test
    void asyncSshServerOffersStrictKexAndNegotiates(@TempDir Path dir) throws Exception {
        try (AsyncSshServer server = AsyncSshServer.start(dir)) {
            KexProbe.Hello hello = KexProbe.probeServer(server.port());

            assertThat(hello.peer().line()).startsWith("SSH-2.0-AsyncSSH_2");
            assertThat(hello.kexInit().proposal().kexAlgorithms()).contains("kex-strict-s-v00@openssh.com");
            NegotiatedAlgorithms n = negotiate("asyncssh", hello);
            assertThat(n.strictKex()).isTrue();
            assertThat(n.hostKey()).isEqualTo("ssh-ed25519");
        }
    }
}
