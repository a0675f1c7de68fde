package org.sshstack.keys.pem;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.junit.jupiter.api.Test;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.keys.openssh.OpenSshPrivateKeyWriter;
import org.sshstack.keys.putty.PuttyKeys;
import org.sshstack.testing.TestKeys;

/** The same passphrase outcome in every format: empty on an encrypted file is "required", not "wrong". */
class PassphraseSemanticsTest {

    private static final char[] PASS = "semantics".toCharArray();

    @Test
    void emptyPassphraseOnAnEncryptedFileIsRequiredInEveryFormat() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.ED25519);
        String openssh = new OpenSshPrivateKeyWriter("aes256-ctr", 1).write(pair, PASS, TestKeys.seeded(1));
        String pkcs8 = PemKeys.writePkcs8(pair, PASS, TestKeys.seeded(1), 1000);
        String ppk = PuttyKeys.writeV3(pair, PASS, TestKeys.seeded(1), 64, 1);
        for (String text : new String[] {openssh, pkcs8, ppk}) {
            assertThatThrownBy(() -> org.sshstack.keys.KeyFiles.DEFAULT_FORMATS.stream()
                    .filter(f -> f.recognizes(text)).findFirst().orElseThrow().read(text, new char[0]))
                    .isInstanceOf(PassphraseRequiredException.class);
        }
        String legacy = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-128-CBC,00112233445566778899AABBCCDDEEFF\n\n"
                + Base64.getEncoder().encodeToString(new byte[32]) + "\n-----END RSA PRIVATE KEY-----\n";
        assertThatThrownBy(() -> PemKeys.read(legacy, new char[0])).isInstanceOf(PassphraseRequiredException.class);
    }

    @Test
    void pkcs8WithTheRightPassphraseButMismatchedHalvesIsCorruptNotWrongPassphrase() throws Exception {
        SshKeyPair one = TestKeys.generate(KeyType.ECDSA_NISTP256, 1);
        SshKeyPair two = TestKeys.generate(KeyType.ECDSA_NISTP256, 2);
        var sec1 = org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(
                PrivateKeyInfo.getInstance(one.privateKey().getEncoded()).parsePrivateKey());
        byte[] point = org.sshstack.keys.EcCurves.encodePoint((java.security.interfaces.ECPublicKey)
                ((org.sshstack.keys.StandardPublicKey) two.publicKey()).javaKey());
        var mixed = new org.bouncycastle.asn1.sec.ECPrivateKey(256, sec1.getKey(),
                new org.bouncycastle.asn1.DERBitString(point), null);
        byte[] pkcs8 = new PrivateKeyInfo(PrivateKeyInfo.getInstance(one.privateKey().getEncoded())
                .getPrivateKeyAlgorithm(), mixed).getEncoded();
        String text = PemBlock.encode("ENCRYPTED PRIVATE KEY", Pbes2.encrypt(pkcs8, PASS, TestKeys.seeded(3), 1000));
        assertThatThrownBy(() -> PemKeys.read(text, PASS)).isInstanceOf(KeyFileException.class)
                .isNotInstanceOf(WrongPassphraseException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> PemKeys.read(text, "other".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class);
    }
}
