package org.sshstack.keys.pem;

import org.sshstack.testing.TestKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/** Round trips through the PKCS#8 writer and the error mapping of {@link PemKeys}. */
class PemKeysTest {

    private static final char[] PASS = "correct horse".toCharArray();

    @ParameterizedTest
    @EnumSource(value = KeyType.class, names = {"ED25519", "ECDSA_NISTP256", "ECDSA_NISTP384", "ECDSA_NISTP521",
        "RSA", "DSA"})
    void plainAndEncryptedRoundTrip(KeyType type) throws Exception {
        SshKeyPair pair = TestKeys.generate(type);
        String plain = PemKeys.writePkcs8(pair, null, new SecureRandom());
        assertThat(plain).startsWith("-----BEGIN PRIVATE KEY-----\n").endsWith("-----END PRIVATE KEY-----\n");
        assertSame(pair, PemKeys.read(plain, null));
        String encrypted = PemKeys.writePkcs8(pair, PASS, new SecureRandom(), 1000);
        assertThat(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
        assertSame(pair, PemKeys.read(encrypted, PASS));
        assertThatThrownBy(() -> PemKeys.read(encrypted, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> PemKeys.read(encrypted, "incorrect horse".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class).hasMessageNotContaining("horse");
    }

    @Test
    void emptyPassphraseWritesAnUnencryptedFile() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        assertThat(PemKeys.writePkcs8(pair, new char[0], new SecureRandom())).startsWith("-----BEGIN PRIVATE KEY");
    }

    @Test
    void explanatoryTextAndCrLfAreTolerated() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ECDSA_NISTP256);
        String text = "Key for tests\r\n" + PemKeys.writePkcs8(pair, null, new SecureRandom()).replace("\n", "\r\n");
        assertThat(PemKeys.isPem(text)).isTrue();
        assertSame(pair, PemKeys.read(text, null));
    }

    @Test
    void isPemRecognisesOnlyPem() {
        assertThat(PemKeys.isPem("ssh-ed25519 AAAA comment")).isFalse();
        assertThat(PemKeys.isPem("PuTTY-User-Key-File-3: ssh-ed25519")).isFalse();
        assertThat(PemKeys.isPem("-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n")).isTrue();
    }

    @Test
    void unknownAndOpenSshLabelsAreUnsupported() {
        assertThatThrownBy(() -> PemKeys.read(pem("CERTIFICATE", new byte[] {0x30, 0}), null))
                .isInstanceOf(UnsupportedKeyException.class);
        assertThatThrownBy(() -> PemKeys.read(pem("OPENSSH PRIVATE KEY", new byte[] {1}), null))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("openssh");
    }

    @Test
    void unsupportedCurveIsUnsupported() throws Exception {
        // SEC1 key on secp256k1 (1.3.132.0.10): version 1, a one-byte scalar, the curve OID
        byte[] der = {0x30, 0x0f, 0x02, 0x01, 0x01, 0x04, 0x01, 0x05, (byte) 0xa0, 0x07, 0x06, 0x05, 0x2b,
            (byte) 0x81, 0x04, 0x00, 0x0a};
        assertThatThrownBy(() -> PemKeys.read(pem("EC PRIVATE KEY", der), null))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining("curve");
    }

    @Test
    void corruptFilesAreKeyFileExceptions() {
        assertThatThrownBy(() -> PemKeys.read("no pem here", null)).isInstanceOf(KeyFileException.class);
        assertThatThrownBy(() -> PemKeys.read("-----BEGIN PRIVATE KEY-----\nAAA*\n-----END PRIVATE KEY-----\n", null))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("base64");
        assertThatThrownBy(() -> PemKeys.read("-----BEGIN PRIVATE KEY-----\nMAA=\n", null))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("END");
        assertThatThrownBy(() -> PemKeys.read(pem("PRIVATE KEY", new byte[] {0x30, 0x03, 0x02, 0x01}), null))
                .isInstanceOf(KeyFileException.class);
        byte[] deep = new byte[120];
        for (int i = 0; i < deep.length; i += 2) {
            deep[i] = 0x30;
            deep[i + 1] = (byte) (deep.length - i - 2);
        }
        assertThatThrownBy(() -> PemKeys.read(pem("PRIVATE KEY", deep), null))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("deep");
    }

    @Test
    void mismatchedPublicHalfIsRejected() throws Exception {
        SshKeyPair one = TestKeys.generate(KeyType.ECDSA_NISTP256);
        SshKeyPair two = TestKeys.generate(KeyType.ECDSA_NISTP256, 2);
        // rebuild SEC1 with the scalar of one and the point of two
        var sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(one.privateKey().getEncoded()).parsePrivateKey());
        byte[] point = org.sshstack.keys.EcCurves.encodePoint(
                (java.security.interfaces.ECPublicKey) ((org.sshstack.keys.StandardPublicKey) two.publicKey()).javaKey());
        var mixed = new org.bouncycastle.asn1.sec.ECPrivateKey(256, sec1.getKey(),
                new org.bouncycastle.asn1.DERBitString(point),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.840.10045.3.1.7"));
        assertThatThrownBy(() -> PemKeys.read(pem("EC PRIVATE KEY", mixed.getEncoded()), null))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("does not match");
    }

    @Test
    void secOneWithoutPublicKeyDerivesIt() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ECDSA_NISTP384);
        var sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                org.bouncycastle.asn1.pkcs.PrivateKeyInfo.getInstance(pair.privateKey().getEncoded()).parsePrivateKey());
        var bare = new org.bouncycastle.asn1.sec.ECPrivateKey(384, sec1.getKey(),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.132.0.34"));
        assertThat(PemKeys.read(pem("EC PRIVATE KEY", bare.getEncoded()), null).publicKey())
                .isEqualTo(pair.publicKey());
    }

    static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder().encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static void assertSame(SshKeyPair expected, SshKeyPair actual) {
        assertThat(actual.publicKey()).isEqualTo(expected.publicKey());
        assertThat(actual.privateKey().getEncoded()).isEqualTo(expected.privateKey().getEncoded());
        assertThat(actual.comment()).isEmpty();
    }
}
