package org.sshstack.transport.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.signature.JcaSshSigner;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.testing.PeerTools;

/**
 * OpenSSH host certificates as host keys: the host key is made with JCA, certified by {@code ssh-keygen -s ca -h},
 * and the client verifies H with the certified key (PROTOCOL.certkeys). Trusting the CA is the engine's business.
 */
class CertificateHostKeyTest {

    @TempDir
    Path dir;

    private OpenSshCertificate certify(KeyType type) throws Exception {
        PeerTools.require("ssh-keygen");
        Path ca = dir.resolve("ca");
        if (!Files.exists(ca)) {
            PeerTools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "test-ca", "-f", ca.toString())
                    .assertSuccess();
        }
        StandardPublicKey key = new StandardPublicKey(type, KexFixtures.keyPair(type).getPublic());
        Path pub = dir.resolve(type.name().toLowerCase() + ".pub");
        Files.writeString(pub, key.typeName() + " " + Base64.getEncoder().encodeToString(key.blob()) + " host\n",
                StandardCharsets.US_ASCII);
        PeerTools.run("ssh-keygen", "-q", "-s", ca.toString(), "-h", "-I", "host-id", "-n", "host.example.com",
                pub.toString()).assertSuccess();
        Path cert = dir.resolve(type.name().toLowerCase() + "-cert.pub");
        String[] line = Files.readString(cert, StandardCharsets.US_ASCII).strip().split(" ");
        SshPublicKey decoded = PublicKeyCodec.decode(Base64.getDecoder().decode(line[1]));
        assertThat(decoded).isInstanceOf(OpenSshCertificate.class);
        OpenSshCertificate certificate = (OpenSshCertificate) decoded;
        assertThat(certificate.certifiedKey()).isEqualTo(key);
        return certificate;
    }

    private static ServerHostKey hostKey(OpenSshCertificate certificate, KeyType type) throws Exception {
        KeyPair pair = KexFixtures.keyPair(type);
        return new ServerHostKey(certificate, JcaSshSigner.of(pair.getPrivate(), KexFixtures.RANDOM));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ssh-ed25519-cert-v01@openssh.com, ED25519, ssh-ed25519",
        "ecdsa-sha2-nistp256-cert-v01@openssh.com, ECDSA_NISTP256, ecdsa-sha2-nistp256",
        "ecdsa-sha2-nistp384-cert-v01@openssh.com, ECDSA_NISTP384, ecdsa-sha2-nistp384",
        "rsa-sha2-512-cert-v01@openssh.com, RSA, rsa-sha2-512",
        "rsa-sha2-256-cert-v01@openssh.com, RSA, rsa-sha2-256"})
    void certificateHostKeysComplete(String algorithm, KeyType type, String signatureAlgorithm) throws Exception {
        OpenSshCertificate certificate = certify(type);
        for (String kex : new String[] {"curve25519-sha256", "mlkem768x25519-sha256"}) {
            KexFixtures.Exchange run = KexFixtures.run(kex, algorithm, hostKey(certificate, type), null);
            assertThat(run.client().exchangeHash()).isEqualTo(run.server().exchangeHash());
            assertThat(run.client().hostKey()).isEqualTo(certificate);
            assertThat(run.client().hostKeyBlob()).isEqualTo(certificate.blob());
            assertThat(run.client().signatureAlgorithm()).isEqualTo(signatureAlgorithm);
            assertThat(run.client().hostKeyAlgorithm()).isEqualTo(algorithm);
        }
    }

    @Test
    void certificateAndPlainAlgorithmsDoNotMix() throws Exception {
        OpenSshCertificate certificate = certify(KeyType.ED25519);
        String kex = "curve25519-sha256";
        // a certificate sent where the plain algorithm was negotiated
        KexTranscript t = KexFixtures.transcript(kex, "ssh-ed25519");
        ClientKeyExchange client = ClientKeyExchange.create(KexMethods.require(kex), t, "ssh-ed25519", null,
                KexFixtures.RANDOM);
        ServerKeyExchange server = ServerKeyExchange.create(KexMethods.require(kex), t,
                "ssh-ed25519-cert-v01@openssh.com", hostKey(certificate, KeyType.ED25519), null, KexFixtures.RANDOM,
                Moduli.empty());
        byte[] reply = server.onMessage(client.start()).payloads().get(0);
        assertThatThrownBy(() -> client.onMessage(reply)).isInstanceOf(KeyExchangeException.class);

        // a server configured with a certificate of another key type than the negotiated algorithm
        assertThatThrownBy(() -> ServerKeyExchange.create(KexMethods.require(kex), t,
                "ecdsa-sha2-nistp256-cert-v01@openssh.com", hostKey(certificate, KeyType.ED25519), null,
                KexFixtures.RANDOM, Moduli.empty())).isInstanceOf(KeyExchangeException.class);
        assertThat(HostKeyAlgorithms.isCertificate("rsa-sha2-512-cert-v01@openssh.com")).isTrue();
        assertThat(HostKeyAlgorithms.signatureAlgorithm("rsa-sha2-512-cert-v01@openssh.com").name())
                .isEqualTo("rsa-sha2-512");
        assertThat(HostKeyAlgorithms.signatureAlgorithm("ssh-rsa-cert-v01@openssh.com").name()).isEqualTo("ssh-rsa");
    }
}
