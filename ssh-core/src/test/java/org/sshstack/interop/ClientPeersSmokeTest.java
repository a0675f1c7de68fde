package org.sshstack.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.testing.PeerTools;
import org.sshstack.transport.AlgorithmNegotiator;
import org.sshstack.transport.NegotiatedAlgorithms;
import org.sshstack.transport.Role;

/**
 * Smoke tests of the client fixtures: each real client, pointed at {@link FakeKexServer} (our identification and
 * our server-default KEXINIT), sends an identification and a KEXINIT that decode and negotiate, then its first
 * key exchange message; the connection then fails, which is expected (there is no engine yet).
 */
class ClientPeersSmokeTest {

    private static final org.slf4j.Logger REPORT = org.slf4j.LoggerFactory.getLogger(ClientPeersSmokeTest.class);

    /** SSH_MSG_KEX_ECDH_INIT / KEXDH_INIT / hybrid INIT share number 30 (RFC 5656 §7.1, RFC 4253 §8). */
    private static final int KEX_INIT_MESSAGE = 30;

    private static NegotiatedAlgorithms negotiate(String peer, FakeKexServer server) throws Exception {
        FakeKexServer.Opening opening = server.opening();
        NegotiatedAlgorithms n = AlgorithmNegotiator.negotiate(opening.kexInit(), server.ours());
        REPORT.info("{}", Matrix.row(peer + " " + opening.client().line(), n));
        assertThat(n.serverOfferedStrictKex()).isTrue();
        assertThat(n.serverOfferedExtInfo()).isTrue();
        assertThat(opening.nextMessage()).contains(KEX_INIT_MESSAGE);
        return n;
    }

    @Test
    void openSshClientChoosesTheSameKexAsOurNegotiator(@TempDir Path dir) throws Exception {
        try (FakeKexServer server = FakeKexServer.start(KexProbe.ourKexInit(Role.SERVER))) {
            PeerTools.Result result = OpenSshClient.create(dir).run(server.port(), "test", "true");

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(server.opening().client().line()).startsWith("SSH-2.0-OpenSSH_9");
            NegotiatedAlgorithms n = negotiate("ssh", server);
            assertThat(n.strictKex()).isTrue();
            assertThat(n.clientOfferedExtInfo()).isTrue();
            assertThat(result.stderr()).contains("kex: algorithm: " + n.kex())
                    .contains("kex: host key algorithm: " + n.hostKey())
                    .contains("kex: client->server cipher: " + n.clientToServer().cipher())
                    .contains("will use strict KEX ordering");
        }
    }

    @Test
    void plinkSendsAKexInitWeNegotiate(@TempDir Path dir) throws Exception {
        try (FakeKexServer server = FakeKexServer.start(KexProbe.ourKexInit(Role.SERVER))) {
            PeerTools.Result result = PlinkClient.create(dir).verbose()
                    .hostKey("SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").run(server.port(), "test", "true");

            assertThat(result.exitCode()).isNotZero();
            assertThat(server.opening().client().line()).startsWith("SSH-2.0-PuTTY_Release_0.7");
            NegotiatedAlgorithms n = negotiate("plink", server);
            assertThat(n.strictKex()).isTrue();
            assertThat(result.stderr()).contains("Remote version: " + KexProbe.OURS.line())
                    .contains("Enabling strict key exchange semantics");
            // plink's event log names the method in words; our negotiator must have picked the same one
            assertThat(n.kex()).startsWith("sntrup761x25519-sha512");
            assertThat(result.stderr()).contains("Doing NTRU Prime / Curve25519 hybrid key exchange");
        }
    }

    @Test
    void paramikoClientAgreesOnKex(@TempDir Path dir) throws Exception {
        try (FakeKexServer server = FakeKexServer.start(KexProbe.ourKexInit(Role.SERVER))) {
            PeerTools.Result result = PythonClient.paramiko(dir).run(server.port(), null);

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(server.opening().client().line()).startsWith("SSH-2.0-paramiko");
            NegotiatedAlgorithms n = negotiate("paramiko", server);
            assertThat(n.strictKex()).isFalse();
            assertThat(result.stderr()).contains("Kex: " + n.kex());
        }
    }

    @Test
    void asyncSshClientAgreesOnKex(@TempDir Path dir) throws Exception {
        try (FakeKexServer server = FakeKexServer.start(KexProbe.ourKexInit(Role.SERVER))) {
            PeerTools.Result result = PythonClient.asyncssh(dir).run(server.port(), null);

            assertThat(result.exitCode()).isEqualTo(255);
            assertThat(server.opening().client().line()).startsWith("SSH-2.0-AsyncSSH_2");
            NegotiatedAlgorithms n = negotiate("asyncssh", server);
            assertThat(n.strictKex()).isTrue();
            assertThat(result.stderr()).contains("Key exchange alg: " + n.kex() + "\n");
        }
    }
}
