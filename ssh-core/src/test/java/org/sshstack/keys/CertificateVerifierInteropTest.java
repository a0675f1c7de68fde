package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sshstack.keys.CertificateException.Check;
import org.sshstack.testing.PeerTools;

/** Certificates made live by {@code ssh-keygen -s} for every CA and subject key type, verified by CertificateVerifier. */
class CertificateVerifierInteropTest {

    private static final String[][] TYPES = {
        {"ed25519", "-t", "ed25519"}, {"ecdsa256", "-t", "ecdsa", "-b", "256"}, {"ecdsa384", "-t", "ecdsa", "-b", "384"},
        {"ecdsa521", "-t", "ecdsa", "-b", "521"}, {"rsa", "-t", "rsa", "-b", "2048"}};

    private static final Instant IN_WINDOW = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    static Path dir;

    @BeforeAll
    static void makeKeys() throws Exception {
        for (String[] type : TYPES) {
            for (String role : List.of("ca_", "user_")) {
                List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", "", "-C", "test", "-f",
                        dir.resolve(role + type[0]).toString()));
                command.addAll(List.of(type).subList(1, type.length));
                PeerTools.run(command.toArray(String[]::new)).assertSuccess();
            }
        }
    }

    /** Signs user_{subject}.pub with ca_{ca}; returns the parsed certificate. */
    private static OpenSshCertificate sign(String ca, String subject, String... options) throws Exception {
        Path source = dir.resolve("user_" + subject + ".pub");
        Path copy = Files.createTempFile(dir, "subject", ".pub");
        Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<String> command = new ArrayList<>(List.of("env", "TZ=UTC", PeerTools.require("ssh-keygen").toString(),
                "-q", "-s", dir.resolve("ca_" + ca).toString(), "-I", "id-" + subject, "-V",
                "20250101000000:20300101000000"));
        if (ca.equals("rsa")) {
            command.addAll(List.of("-t", "rsa-sha2-512"));
        }
        command.addAll(List.of(options));
        command.add(copy.toString());
        PeerTools.run(command.toArray(String[]::new)).assertSuccess();
        String name = copy.getFileName().toString().replace(".pub", "-cert.pub");
        return OpenSshCertificate.decode(TrustTestSupport.blobOf(Files.readString(dir.resolve(name))));
    }

    private static SshPublicKey caKey(String ca) throws Exception {
        return PublicKeyCodec.decode(TrustTestSupport.blobOf(Files.readString(dir.resolve("ca_" + ca + ".pub"))));
    }

    private static CertificateVerifier verifier(String ca) throws Exception {
        return CertificateVerifier.trusting(List.of(caKey(ca)));
    }

    @Test
    void everyCaAndSubjectTypeVerifiesAndTamperingIsCaught() throws Exception {
        for (String[] ca : TYPES) {
            for (String[] subject : TYPES) {
                OpenSshCertificate cert = sign(ca[0], subject[0], "-n", "alice,bob",
                        "-O", "force-command=/usr/bin/true", "-O", "source-address=192.0.2.0/24,2001:db8::/32");
                VerifiedCertificate ok = verifier(ca[0]).verify(cert, CertificateType.USER, "bob", IN_WINDOW);
                assertThat(ok.forceCommand()).contains("/usr/bin/true");
                assertThat(ok.sourceAddresses()).containsExactly("192.0.2.0/24", "2001:db8::/32");
                assertThat(ok.permitsSourceAddress("192.0.2.9")).isTrue();
                assertThat(ok.permitsSourceAddress("2001:db8::7")).isTrue();
                assertThat(ok.permitsSourceAddress("198.51.100.1")).isFalse();
                assertThat(ok.permissions().pty()).isTrue();
                assertThat(ok.authority()).isEqualTo(caKey(ca[0]));
                if (ca[0].equals("rsa")) {
                    assertThat(cert.signatureAlgorithm()).isEqualTo("rsa-sha2-512");
                }
                byte[] blob = cert.blob();
                blob[blob.length - 1] ^= 1;
                OpenSshCertificate tampered = OpenSshCertificate.decode(blob);
                assertThatThrownBy(() -> verifier(ca[0]).verify(tampered, CertificateType.USER, "bob", IN_WINDOW))
                        .isInstanceOfSatisfying(CertificateException.class,
                                e -> assertThat(e.check()).isEqualTo(Check.SIGNATURE));
            }
        }
    }

    @Test
    void validityWindowIsEnforced() throws Exception {
        OpenSshCertificate cert = sign("ed25519", "ecdsa256", "-n", "alice");
        CertificateVerifier verifier = verifier("ed25519");
        Instant after = Instant.parse("2025-01-01T00:00:00Z");
        Instant before = Instant.parse("2030-01-01T00:00:00Z");
        assertThat(verifier.verify(cert, CertificateType.USER, "alice", after).principal()).isEqualTo("alice");
        expect(Check.NOT_YET_VALID, () -> verifier.verify(cert, CertificateType.USER, "alice", after.minusSeconds(1)));
        expect(Check.EXPIRED, () -> verifier.verify(cert, CertificateType.USER, "alice", before));
        expect(Check.EXPIRED, () -> verifier.verify(cert, CertificateType.USER, "alice", Instant.parse("2031-01-01T00:00:00Z")));
    }

    @Test
    void principalsTypeAndCaAreEnforced() throws Exception {
        OpenSshCertificate cert = sign("ecdsa384", "ed25519", "-n", "alice,bob");
        expect(Check.PRINCIPAL, () -> verifier("ecdsa384").verify(cert, CertificateType.USER, "mallory", IN_WINDOW));
        expect(Check.TYPE, () -> verifier("ecdsa384").verify(cert, CertificateType.HOST, "alice", IN_WINDOW));
        expect(Check.UNTRUSTED_CA, () -> verifier("ed25519").verify(cert, CertificateType.USER, "alice", IN_WINDOW));
        OpenSshCertificate empty = sign("ecdsa384", "ed25519");
        assertThat(empty.principals()).isEmpty();
        expect(Check.NO_PRINCIPALS, () -> verifier("ecdsa384").verify(empty, CertificateType.USER, "alice", IN_WINDOW));
    }

    @Test
    void hostCertificates() throws Exception {
        OpenSshCertificate cert = sign("rsa", "ed25519", "-h", "-n", "host.example.com");
        assertThat(cert.certificateType()).isEqualTo(CertificateType.HOST);
        VerifiedCertificate ok = verifier("rsa").verify(cert, CertificateType.HOST, "host.example.com", IN_WINDOW);
        assertThat(ok.permissions()).isEqualTo(CertificatePermissions.none());
        expect(Check.TYPE, () -> verifier("rsa").verify(cert, CertificateType.USER, "host.example.com", IN_WINDOW));
        expect(Check.PRINCIPAL, () -> verifier("rsa").verify(cert, CertificateType.HOST, "other.example.com", IN_WINDOW));
    }

    @Test
    void unknownCriticalOptionIsRejected() throws Exception {
        OpenSshCertificate cert = sign("ed25519", "ed25519", "-n", "alice", "-O", "critical:foo@example.com=bar");
        assertThat(cert.criticalOption("foo@example.com")).isPresent();
        expect(Check.CRITICAL_OPTION, () -> verifier("ed25519").verify(cert, CertificateType.USER, "alice", IN_WINDOW));
    }

    @Test
    void extensionsAreTyped() throws Exception {
        OpenSshCertificate cert = sign("ecdsa521", "rsa", "-n", "alice", "-O", "clear", "-O", "permit-port-forwarding",
                "-O", "no-touch-required", "-O", "extension:custom@example.com");
        CertificatePermissions permissions = verifier("ecdsa521")
                .verify(cert, CertificateType.USER, "alice", IN_WINDOW).permissions();
        assertThat(permissions).isEqualTo(new CertificatePermissions(false, false, true, false, false, true,
                List.of("custom@example.com")));
    }

    private static void expect(Check check, org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CertificateException.class,
                e -> assertThat(e.check()).isEqualTo(check));
    }
}
