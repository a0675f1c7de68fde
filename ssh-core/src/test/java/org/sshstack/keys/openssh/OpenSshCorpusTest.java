package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.keys.EcCurves;
import org.sshstack.keys.Fingerprints;
import org.sshstack.keys.OpenSshCertificate;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SecurityKeyPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/** Every openssh-key-v1 key and every public key of OpenSSH's sshkey corpus, against its .pub, .fp and .param files. */
class OpenSshCorpusTest {

    private final OpenSshPrivateKeyReader reader = new OpenSshPrivateKeyReader();

    @ParameterizedTest
    @CsvSource({
        "ed25519_1, ed25519_1", "ed25519_1_pw, ed25519_1", "ed25519_2, ed25519_2",
        "ecdsa_n, ecdsa_1", "ecdsa_n_pw, ecdsa_1",
        "rsa_n, rsa_1", "rsa_n_pw, rsa_1",
        "ecdsa_sk1, ecdsa_sk1", "ecdsa_sk1_pw, ecdsa_sk1", "ecdsa_sk2, ecdsa_sk2",
        "ed25519_sk1, ed25519_sk1", "ed25519_sk1_pw, ed25519_sk1", "ed25519_sk2, ed25519_sk2"})
    void privateKeyMatchesItsPublicFiles(String file, String base) throws Exception {
        char[] passphrase = file.endsWith("_pw") ? Corpus.PASSPHRASE.toCharArray() : null;
        OpenSshPrivateKey key = reader.read(Corpus.text(file), passphrase);
        OpenSshPublicKeyFile.Entry pub = OpenSshPublicKeyFile.read(Corpus.text(base + ".pub"));

        assertThat(key.keyPair().publicKey()).isEqualTo(pub.key());
        // ecdsa_n and rsa_n were converted from PEM files, which carry no comment
        String expectedComment = file.matches("(ecdsa|rsa)_n.*") ? "" : pub.comment();
        assertThat(key.keyPair().comment()).isEqualTo(expectedComment);
        assertThat(Fingerprints.sha256(key.keyPair().publicKey())).isEqualTo(Corpus.text(base + ".fp").strip());
        assertThat(key.securityKey().isPresent()).isEqualTo(file.contains("_sk"));
        if (file.contains("_sk")) {
            assertThat(key.keyPair().privateKey()).isNull();
            assertThat(key.securityKey().orElseThrow().application()).isEqualTo("ssh:");
            assertThat(key.securityKey().orElseThrow().keyHandle()).isNotEmpty();
        } else {
            assertThat(key.keyPair().privateKey()).isNotNull();
        }
        checkParams(key, base);
    }

    private static void checkParams(OpenSshPrivateKey key, String base) {
        if (Corpus.exists(base + ".param.n")) {
            RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key.keyPair().privateKey();
            assertThat(rsa.getModulus()).isEqualTo(hex(base + ".param.n"));
            assertThat(rsa.getPrimeP().multiply(rsa.getPrimeQ()))
                    .isEqualTo(hex(base + ".param.p").multiply(hex(base + ".param.q")));
            assertThat(((RSAPublicKey) ((StandardPublicKey) key.keyPair().publicKey()).javaKey()).getModulus())
                    .isEqualTo(hex(base + ".param.n"));
        }
        if (Corpus.exists(base + ".param.priv")) {
            assertThat(((ECPrivateKey) key.keyPair().privateKey()).getS()).isEqualTo(hex(base + ".param.priv"));
            ECPublicKey ec = (ECPublicKey) ((StandardPublicKey) key.keyPair().publicKey()).javaKey();
            assertThat(new BigInteger(1, EcCurves.encodePoint(ec))).isEqualTo(hex(base + ".param.pub"));
        }
    }

    private static BigInteger hex(String name) {
        return new BigInteger(Corpus.text(name).strip(), 16);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519_1_pw", "ecdsa_n_pw", "rsa_n_pw", "ecdsa_sk1_pw", "ed25519_sk1_pw"})
    void encryptedKeysNeedTheRightPassphrase(String file) {
        String text = Corpus.text(file);
        assertThatThrownBy(() -> reader.read(text, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> reader.read(text, "not the passphrase".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageNotContaining("not the passphrase").hasMessageNotContaining(Corpus.PASSPHRASE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mldsa44_ed25519_1", "mldsa44_ed25519_2"})
    void unknownKeyTypesAreUnsupported(String file) {
        String type = "ssh-mldsa44-ed25519@openssh.com";
        assertThatThrownBy(() -> reader.read(Corpus.text(file), null)).isInstanceOf(UnsupportedKeyException.class)
                .hasMessageContaining(type);
        assertThatThrownBy(() -> OpenSshPublicKeyFile.read(Corpus.text(file + ".pub")))
                .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining(type);
        if (file.endsWith("_1")) {
            assertThatThrownBy(() -> reader.read(Corpus.text(file + "_pw"), Corpus.PASSPHRASE.toCharArray()))
                    .isInstanceOf(UnsupportedKeyException.class).hasMessageContaining(type);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ed25519_1", "ed25519_2", "ecdsa_1", "ecdsa_2", "rsa_1", "rsa_2", "ecdsa_sk1",
        "ecdsa_sk2", "ed25519_sk1", "ed25519_sk2"})
    void publicKeysHaveTheCorpusFingerprints(String base) throws Exception {
        OpenSshPublicKeyFile.Entry pub = OpenSshPublicKeyFile.read(Corpus.text(base + ".pub"));
        assertThat(Fingerprints.sha256(pub.key())).isEqualTo(Corpus.text(base + ".fp").strip());
        assertThat(Fingerprints.bubbleBabble(pub.key())).isEqualTo(Corpus.text(base + ".fp.bb").strip());
        assertThat(pub.key() instanceof SecurityKeyPublicKey).isEqualTo(base.contains("_sk"));
        assertThat(OpenSshPublicKeyFile.format(pub.key(), pub.comment())).isEqualTo(Corpus.text(base + ".pub").strip());
    }

    @ParameterizedTest
    @CsvSource({"ed25519_1-cert, ed25519_1, ED25519-CERT", "ecdsa_1-cert, ecdsa_1, ECDSA-CERT",
        "rsa_1-cert, rsa_1, RSA-CERT", "rsa_1_sha1-cert, rsa_1, RSA-CERT", "rsa_1_sha512-cert, rsa_1, RSA-CERT",
        "ecdsa_sk1-cert, ecdsa_sk1, ECDSA-SK-CERT", "ed25519_sk1-cert, ed25519_sk1, ED25519-SK-CERT"})
    void certificateLinesRoundTripAndFingerprintTheirKey(String cert, String base, String label) throws Exception {
        String line = Corpus.text(cert + ".pub").strip();
        OpenSshPublicKeyFile.Entry entry = OpenSshPublicKeyFile.parseLine(line);
        assertThat(entry.key()).isInstanceOf(OpenSshCertificate.class);
        assertThat(OpenSshPublicKeyFile.format(entry.key(), entry.comment())).isEqualTo(line);
        assertThat(Fingerprints.sha256(entry.key())).isEqualTo(Corpus.text(base + ".fp").strip());
        assertThat(Fingerprints.typeLabel(entry.key())).isEqualTo(label);
    }
}
