package org.sshstack.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** ssh-keygen style fingerprint lines and key generation bounds. */
class FingerprintsAndGeneratorTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void keygenLineHasBitsFingerprintCommentAndType() {
        SshKeyPair ed = KeyGenerator.ed25519("c", random);
        assertThat(Fingerprints.keygenLine(ed.publicKey(), "me@host"))
                .isEqualTo("256 " + Fingerprints.sha256(ed.publicKey()) + " me@host (ED25519)");
        assertThat(Fingerprints.keygenLine(ed.publicKey(), "")).endsWith(" no comment (ED25519)");
        SshKeyPair p521 = KeyGenerator.ecdsa(KeyType.ECDSA_NISTP521, "", random);
        assertThat(Fingerprints.keygenLine(p521.publicKey(), null)).startsWith("521 SHA256:").endsWith("(ECDSA)");
        assertThat(Fingerprints.md5(ed.publicKey())).matches("MD5:([0-9a-f]{2}:){15}[0-9a-f]{2}");
        assertThat(Fingerprints.bubbleBabble(ed.publicKey())).matches("x[a-z]{4}(-[a-z]{5}){9}-[a-z]{4}x");
    }

    @Test
    void generatorRejectsSmallRsaAndUngeneratableTypes() {
        assertThatThrownBy(() -> KeyGenerator.rsa(1024, "", random)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyGenerator.generate(KeyType.DSA, "", random))
                .isInstanceOf(IllegalArgumentException.class);
        SshKeyPair ecdsa = KeyGenerator.generate(KeyType.ECDSA_NISTP384, "x", random);
        assertThat(Fingerprints.bits(ecdsa.publicKey())).isEqualTo(384);
        assertThat(ecdsa.comment()).isEqualTo("x");
    }
}
