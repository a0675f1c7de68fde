package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyGenerator;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.wire.SshReader;

/** Writing and reading openssh-key-v1 files, plain and encrypted, and the reader's refusals. */
class OpenSshPrivateKeyRoundTripTest {

    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();
    private static List<SshKeyPair> pairs;
    private final SecureRandom random = new SecureRandom();
    private final OpenSshPrivateKeyReader reader = new OpenSshPrivateKeyReader();

    @BeforeAll
    static void generate() {
        SecureRandom random = new SecureRandom();
        pairs = List.of(KeyGenerator.ed25519("ed key", random),
                KeyGenerator.ecdsa(KeyType.ECDSA_NISTP256, "p256 key", random),
                KeyGenerator.ecdsa(KeyType.ECDSA_NISTP384, "p384 key", random),
                KeyGenerator.ecdsa(KeyType.ECDSA_NISTP521, "p521 key", random),
                KeyGenerator.rsa(2048, "rsa key ünïcode", random));
    }

    static List<SshKeyPair> pairs() {
        return pairs;
    }

    @ParameterizedTest
    @MethodSource("pairs")
    void roundTripsPlainCtrAndGcm(SshKeyPair pair) throws Exception {
        for (String cipher : List.of("aes256-ctr", "aes256-gcm@openssh.com", "aes128-ctr", "aes256-cbc")) {
            OpenSshPrivateKeyWriter writer = new OpenSshPrivateKeyWriter(cipher, 2);
            for (char[] passphrase : Arrays.asList(null, PASSPHRASE)) {
                String text = writer.write(pair, passphrase, random);
                SshKeyPair read = reader.readKeyPair(text, passphrase);
                assertThat(read.publicKey()).isEqualTo(pair.publicKey());
                assertThat(read.privateKey().getEncoded()).isEqualTo(pair.privateKey().getEncoded());
                assertThat(read.comment()).isEqualTo(pair.comment());
            }
        }
    }

    @Test
    void securityKeysRoundTripWithTheirHandle() throws Exception {
        OpenSshPrivateKey sk = reader.read(Corpus.text("ed25519_sk1_pw"), Corpus.PASSPHRASE.toCharArray());
        String text = new OpenSshPrivateKeyWriter().write(sk, PASSPHRASE, random);
        OpenSshPrivateKey read = reader.read(text, PASSPHRASE);
        assertThat(read).isEqualTo(sk);
        assertThat(read.securityKey().orElseThrow().toString()).doesNotContain("keyHandle=[");
        assertThatThrownBy(() -> new OpenSshPrivateKeyWriter().write(sk.keyPair(), null, random))
                .isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void dsaKeysRoundTrip() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("DSA");
        generator.initialize(2048, random);
        java.security.KeyPair dsa = generator.generateKeyPair();
        SshKeyPair pair = new SshKeyPair(new org.sshstack.keys.StandardPublicKey(KeyType.DSA, dsa.getPublic()),
                dsa.getPrivate(), "legacy");
        SshKeyPair read = reader.readKeyPair(new OpenSshPrivateKeyWriter("aes256-ctr", 1).write(pair, PASSPHRASE,
                random), PASSPHRASE);
        assertThat(read.publicKey()).isEqualTo(pair.publicKey());
        assertThat(read.privateKey().getEncoded()).isEqualTo(pair.privateKey().getEncoded());
    }

    @Test
    void defaultsAreAes256CtrWithBcrypt16RoundsAndA16ByteSalt() throws Exception {
        String text = new OpenSshPrivateKeyWriter().write(pairs.get(0), PASSPHRASE, random);
        assertThat(text).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n").endsWith("-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(text.lines().skip(1).filter(l -> !l.startsWith("-")).allMatch(l -> l.length() <= 70)).isTrue();
        SshReader in = header(OpenSshArmor.decode(text));
        assertThat(in.readAscii()).isEqualTo("aes256-ctr");
        assertThat(in.readAscii()).isEqualTo("bcrypt");
        SshReader options = new SshReader(in.readString());
        assertThat(options.readString()).hasSize(16);
        assertThat(options.readUint32()).isEqualTo(16);
        assertThat(reader.readKeyPair(text, PASSPHRASE).publicKey()).isEqualTo(pairs.get(0).publicKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"aes256-ctr", "aes256-gcm@openssh.com"})
    void wrongOrMissingPassphraseIsReportedWithoutSecrets(String cipher) throws Exception {
        String text = new OpenSshPrivateKeyWriter(cipher, 2).write(pairs.get(0), PASSPHRASE, random);
        assertThatThrownBy(() -> reader.read(text, "wrong guess".toCharArray()))
                .isInstanceOf(WrongPassphraseException.class)
                .hasMessageNotContaining("wrong guess").hasMessageNotContaining(new String(PASSPHRASE));
        assertThatThrownBy(() -> reader.read(text, null)).isInstanceOf(PassphraseRequiredException.class);
        assertThatThrownBy(() -> reader.read(text, new char[0])).isInstanceOf(PassphraseRequiredException.class);
    }

    @Test
    void hostileRoundCountsAreRejectedBeforeAnyWork() throws Exception {
        byte[] binary = new OpenSshPrivateKeyWriter("aes256-ctr", 8).encode(OpenSshPrivateKey.of(pairs.get(0)),
                PASSPHRASE, random);
        assertThatThrownBy(() -> new OpenSshPrivateKeyReader(4).decode(binary, PASSPHRASE))
                .isInstanceOf(KeyFileException.class).hasMessageContaining("round count 8");
        byte[] huge = binary.clone();
        int roundsAt = indexOf(huge, new byte[] {0, 0, 0, 8}, 15);
        huge[roundsAt] = (byte) 0x80;
        assertThatThrownBy(() -> reader.decode(huge, PASSPHRASE)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("2147483656");
        assertThat(new OpenSshPrivateKeyReader(8).decode(binary, PASSPHRASE).keyPair().publicKey())
                .isEqualTo(pairs.get(0).publicKey());
    }

    @Test
    void paddingMustCountUp() throws Exception {
        byte[] blob = pairs.get(0).publicKey().blob();
        byte[] good = edFile(blob, pairs.get(0), "c", null);
        assertThat(reader.decode(good, null).keyPair().comment()).isEqualTo("c");
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x10;
        assertThatThrownBy(() -> reader.decode(bad, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("padding");
    }

    @Test
    void mismatchedHalvesAreRejected() throws Exception {
        SshKeyPair other = KeyGenerator.ed25519("", random);
        byte[] wrongHeader = edFile(other.publicKey().blob(), pairs.get(0), "c", null);
        assertThatThrownBy(() -> reader.decode(wrongHeader, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not match");
        byte[] seed = PrivateKeyEncoder.ed25519Seed(other.privateKey());
        byte[] wrongSeed = edFile(pairs.get(0).publicKey().blob(), pairs.get(0), "c", seed);
        assertThatThrownBy(() -> reader.decode(wrongSeed, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void ecdsaScalarMustGiveThePublicPoint() throws Exception {
        SshKeyPair pair = pairs.get(1);
        byte[] good = OpenSshArmor.decode(new OpenSshPrivateKeyWriter().write(pair, null, random));
        SshKeyPair other = KeyGenerator.ecdsa(KeyType.ECDSA_NISTP256, "", random);
        byte[] otherBinary = OpenSshArmor.decode(new OpenSshPrivateKeyWriter().write(other, null, random));
        // same layout: splice the other key's private section after this key's header
        byte[] header = Arrays.copyOf(good, good.length - privateSectionLength(good) - 4);
        byte[] spliced = concat(header, Arrays.copyOfRange(otherBinary, header.length, otherBinary.length));
        assertThatThrownBy(() -> reader.decode(spliced, null)).isInstanceOf(KeyFileException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void unknownCipherKdfAndTypeAreUnsupported() {
        byte[] blob = pairs.get(0).publicKey().blob();
        byte[] cipher = KeyFileBuilder.build("chacha20-poly1305@openssh.com", "bcrypt", new byte[0], blob,
                w -> { }, "", new byte[0]);
        assertThatThrownBy(() -> reader.decode(cipher, PASSPHRASE)).isInstanceOf(UnsupportedKeyException.class);
        byte[] kdf = KeyFileBuilder.build("aes256-ctr", "scrypt", new byte[0], blob, w -> { }, "", new byte[8]);
        assertThatThrownBy(() -> reader.decode(kdf, PASSPHRASE)).isInstanceOf(UnsupportedKeyException.class);
        byte[] type = KeyFileBuilder.build("none", "none", new byte[0], blob,
                w -> w.writeString("ssh-mldsa44"), "", KeyFileBuilder.padFor(8 + 15 + 4));
        assertThatThrownBy(() -> reader.decode(type, null)).isInstanceOf(UnsupportedKeyException.class);
    }

    @Test
    void keyMaterialNeverAppearsInMessagesOrToString() throws Exception {
        SshKeyPair pair = pairs.get(0);
        String seedBase64 = Base64.getEncoder().encodeToString(PrivateKeyEncoder.ed25519Seed(pair.privateKey()));
        assertThat(pair.toString()).doesNotContain(seedBase64);
        byte[] good = edFile(pair.publicKey().blob(), pair, "c", null);
        for (int i = 0; i < 40; i++) {
            byte[] bad = good.clone();
            bad[good.length - 1 - i] ^= 1;
            try {
                reader.decode(bad, null);
            } catch (KeyFileException e) {
                assertThat(e.getMessage()).doesNotContain(seedBase64);
            }
        }
    }

    private static byte[] edFile(byte[] headerBlob, SshKeyPair pair, String comment, byte[] seedOverride)
            throws Exception {
        byte[] pub = org.sshstack.keys.PublicKeyCodec.rawEd25519(
                ((org.sshstack.keys.StandardPublicKey) pair.publicKey()).javaKey());
        byte[] seed = seedOverride != null ? seedOverride : PrivateKeyEncoder.ed25519Seed(pair.privateKey());
        byte[] secret = concat(seed, pub);
        int length = 8 + 4 + 11 + 4 + 32 + 4 + 64 + 4 + comment.getBytes(StandardCharsets.UTF_8).length;
        return KeyFileBuilder.build("none", "none", new byte[0], headerBlob,
                w -> w.writeString("ssh-ed25519").writeString(pub).writeString(secret), comment,
                KeyFileBuilder.padFor(length));
    }

    private static SshReader header(byte[] binary) {
        return new SshReader(binary, 15, binary.length - 15);
    }

    private static int privateSectionLength(byte[] binary) throws Exception {
        SshReader in = header(binary);
        in.readString();
        in.readString();
        in.readString();
        in.readUint32();
        in.readString();
        return in.readInt();
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        for (int i = from; i <= data.length - pattern.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new AssertionError("pattern not found");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
