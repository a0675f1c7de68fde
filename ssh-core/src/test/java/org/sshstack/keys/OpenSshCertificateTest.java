package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.SshProtocolException;
import org.sshstack.testing.PeerTools;
import org.sshstack.wire.SshWriter;

/** Parsing of OpenSSH certificates: the OpenSSH corpus against {@code ssh-keygen -L}, and strict-decoding rules. */
class OpenSshCertificateTest {

    private static final Instant IN_1999_2010 = Instant.parse("2005-06-01T00:00:00Z");

    static OpenSshCertificate corpus(String name) throws Exception {
        return OpenSshCertificate.decode(TrustTestSupport.blobOf(TrustTestSupport.resource("cert/" + name)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ecdsa_1-cert.pub", "ecdsa_sk1-cert.pub", "ed25519_1-cert.pub", "ed25519_sk1-cert.pub",
        "rsa_1-cert.pub", "rsa_1_sha1-cert.pub", "rsa_1_sha512-cert.pub"})
    void corpusCertificateMatchesSshKeygenListing(String name, @TempDir Path dir) throws Exception {
        OpenSshCertificate cert = corpus(name);
        Path file = dir.resolve(name);
        Files.writeString(file, TrustTestSupport.resource("cert/" + name));
        String listing = PeerTools.run("env", "TZ=UTC", PeerTools.require("ssh-keygen").toString(), "-L", "-f",
                file.toString()).assertSuccess().stdout();
        List<String> lines = listing.lines().map(String::strip).toList();
        assertThat(lines).contains("Type: " + cert.typeName() + " " + cert.certificateType().name()
                .toLowerCase(java.util.Locale.ROOT) + " certificate");
        assertThat(listing).contains(Fingerprints.sha256(cert.certifiedKey()));
        assertThat(lines).contains("Signing CA: " + caLabel(cert.signatureKey()) + " "
                + Fingerprints.sha256(cert.signatureKey()) + " (using " + cert.signatureAlgorithm() + ")");
        assertThat(lines).contains("Key ID: \"" + cert.keyId() + "\"", "Serial: " + Long.toUnsignedString(cert.serial()),
                "Valid: " + validity(cert));
        assertThat(section(lines, "Principals:")).isEqualTo(cert.principals());
        List<String> options = new ArrayList<>();
        for (CertificateOption option : cert.criticalOptions()) {
            options.add(option.name() + " " + option.stringValue());
        }
        assertThat(section(lines, "Critical Options:")).isEqualTo(options);
        assertThat(section(lines, "Extensions:"))
                .isEqualTo(cert.extensions().stream().map(CertificateOption::name).toList());
    }

    private static String caLabel(SshPublicKey key) {
        return switch (key.keyType()) {
            case ED25519 -> "ED25519";
            case RSA -> "RSA";
            default -> "ECDSA";
        };
    }

    private static List<String> section(List<String> lines, String header) {
        int start = lines.indexOf(header);
        List<String> out = new ArrayList<>();
        if (start < 0) {
            return out; // "(none)" is printed on the header line itself
        }
        for (int i = start + 1; i < lines.size() && !lines.get(i).endsWith(":") && !lines.get(i).contains(": "); i++) {
            if (!lines.get(i).isEmpty()) {
                out.add(lines.get(i));
            }
        }
        return out;
    }

    private static String validity(OpenSshCertificate cert) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
        if (cert.validAfter() == 0 && cert.validBefore() == OpenSshCertificate.FOREVER) {
            return "forever";
        }
        String from = LocalDateTime.ofEpochSecond(cert.validAfter(), 0, ZoneOffset.UTC).format(format);
        String to = cert.validBefore() == OpenSshCertificate.FOREVER ? ""
                : LocalDateTime.ofEpochSecond(cert.validBefore(), 0, ZoneOffset.UTC).format(format);
        if (cert.validAfter() == 0) {
            return "before " + to;
        }
        return cert.validBefore() == OpenSshCertificate.FOREVER ? "after " + from : "from " + from + " to " + to;
    }

    @Test
    void corpusUserCertificateFields() throws Exception {
        OpenSshCertificate cert = corpus("rsa_1_sha512-cert.pub");
        assertThat(cert.keyType()).isEqualTo(KeyType.RSA);
        assertThat(cert.certificateType()).isEqualTo(CertificateType.USER);
        assertThat(cert.certifiedKey()).isInstanceOf(StandardPublicKey.class);
        assertThat(cert.principals()).containsExactly("user1", "user2");
        assertThat(cert.criticalOption("force-command").orElseThrow().stringValue()).isEqualTo("/bin/ls");
        assertThat(cert.criticalOption("source-address").orElseThrow().stringValue()).isEqualTo("10.0.0.0/8");
        assertThat(cert.signatureKey().blob()).isEqualTo(TrustTestSupport.blobOf(TrustTestSupport.resource("cert/rsa_2.pub")));
        assertThat(cert.signatureAlgorithm()).isEqualTo("rsa-sha2-512");
        assertThat(cert.reserved()).isEmpty();
        assertThat(PublicKeyCodec.decode(cert.blob())).isEqualTo(cert);
        byte[] blob = cert.blob();
        assertThat(cert.signedBytes()).isEqualTo(java.util.Arrays.copyOf(blob, blob.length - cert.signature().length - 4));
    }

    @Test
    void securityKeyCertificateExposesTheApplication() throws Exception {
        OpenSshCertificate cert = corpus("ed25519_sk1-cert.pub");
        assertThat(cert.certifiedKey()).isInstanceOfSatisfying(SecurityKeyPublicKey.class,
                sk -> assertThat(sk.application()).isEqualTo("ssh:"));
        assertThat(cert.certificateType()).isEqualTo(CertificateType.HOST);
    }

    @Test
    void corpusSignaturesVerify() throws Exception {
        for (String name : List.of("ecdsa_1-cert.pub", "ecdsa_sk1-cert.pub", "ed25519_1-cert.pub",
                "ed25519_sk1-cert.pub", "rsa_1-cert.pub")) {
            OpenSshCertificate cert = corpus(name);
            VerifiedCertificate verified = CertificateVerifier.trusting(List.of(cert.signatureKey()))
                    .verify(cert, CertificateType.HOST, "host2", IN_1999_2010);
            assertThat(verified.principal()).isEqualTo("host2");
        }
        OpenSshCertificate user = corpus("rsa_1_sha512-cert.pub");
        SshPublicKey ca = PublicKeyCodec.decode(TrustTestSupport.blobOf(TrustTestSupport.resource("cert/rsa_2.pub")));
        VerifiedCertificate verified = CertificateVerifier.trusting(List.of(ca))
                .verify(user, CertificateType.USER, "user1", IN_1999_2010);
        assertThat(verified.forceCommand()).contains("/bin/ls");
        assertThat(verified.sourceAddresses()).containsExactly("10.0.0.0/8");
        assertThat(verified.permissions().pty()).isTrue();
        assertThat(verified.permissions().portForwarding()).isFalse();
    }

    @Test
    void unsupportedCertificateTypeIsRejected() {
        assertThatThrownBy(() -> corpus("mldsa44_ed25519_1-cert.pub")).isInstanceOf(SshProtocolException.class);
    }

    @Test
    void trailingBytesAreRejected() throws Exception {
        byte[] blob = corpus("ed25519_1-cert.pub").blob();
        byte[] longer = java.util.Arrays.copyOf(blob, blob.length + 1);
        assertThatThrownBy(() -> OpenSshCertificate.decode(longer)).isInstanceOf(SshProtocolException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void unknownCertificateTypeCodeIsRejected() throws Exception {
        KeyPair ca = TrustTestSupport.ed25519();
        TrustTestSupport.CertBuilder builder = new TrustTestSupport.CertBuilder(
                TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), ca);
        builder.type = 3;
        assertThatThrownBy(() -> OpenSshCertificate.decode(builder.build())).isInstanceOf(SshProtocolException.class)
                .hasMessageContaining("certificate type 3");
    }

    @Test
    void unsortedOrDuplicateOptionsAreRejected() throws Exception {
        TrustTestSupport.CertBuilder builder = new TrustTestSupport.CertBuilder(
                TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), TrustTestSupport.ed25519());
        builder.critical = List.of(new String[] {"source-address", "10.0.0.0/8"}, new String[] {"force-command", "x"});
        assertThatThrownBy(() -> OpenSshCertificate.decode(builder.build())).hasMessageContaining("out of order");
        builder.critical = List.of();
        builder.extensions = List.of(new String[] {"permit-pty", null}, new String[] {"permit-pty", null});
        assertThatThrownBy(() -> OpenSshCertificate.decode(builder.build())).hasMessageContaining("duplicate");
        builder.extensions = List.of(new String[] {"permit-X11-forwarding", null}, new String[] {"permit-pty", null});
        assertThat(OpenSshCertificate.decode(builder.build()).extensions()).hasSize(2);
    }

    @Test
    void certificateAsCaKeyIsRejected() throws Exception {
        KeyPair ca = TrustTestSupport.ed25519();
        TrustTestSupport.CertBuilder inner = new TrustTestSupport.CertBuilder(TrustTestSupport.ed25519Public(ca),
                TrustTestSupport.ed25519());
        TrustTestSupport.CertBuilder outer = new TrustTestSupport.CertBuilder(
                TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), ca);
        outer.caBlob = inner.build(); // signed by ca's private key, but the CA field holds ca's certificate
        assertThatThrownBy(() -> OpenSshCertificate.decode(outer.build())).isInstanceOf(SshProtocolException.class)
                .hasMessageContaining("never accepted as a CA key");
    }

    @Test
    void foreverAndUnsignedTimes() throws Exception {
        TrustTestSupport.CertBuilder builder = new TrustTestSupport.CertBuilder(
                TrustTestSupport.ed25519Public(TrustTestSupport.ed25519()), TrustTestSupport.ed25519());
        builder.validAfter = 0x8000_0000_0000_0000L;
        OpenSshCertificate cert = OpenSshCertificate.decode(builder.build());
        assertThat(cert.validBefore()).isEqualTo(OpenSshCertificate.FOREVER);
        assertThat(cert.validBeforeInstant()).isEqualTo(Instant.MAX);
        assertThat(cert.validAfterInstant()).isEqualTo(Instant.MAX);
    }

    @Test
    void stringValueRejectsTrailingData() {
        byte[] data = new SshWriter().writeString("a").writeByte(0).toByteArray();
        assertThatThrownBy(() -> new CertificateOption("force-command", data).stringValue())
                .isInstanceOf(SshProtocolException.class);
    }
}
