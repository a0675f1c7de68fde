package org.sshstack.keys.openssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.EcCurves;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.HostileNumbers;
import org.sshstack.testing.TestKeys;
import org.sshstack.wire.SshWriter;

/**
 * Structural fuzzing of openssh-key-v1 private fields: each number of a valid key is replaced by a hostile value
 * (0, 1, -1, p, huge) and the file is re-encoded validly (check ints, padding), so only the value is wrong.
 */
class PrivateFieldMutationTest {

    private final OpenSshPrivateKeyReader reader = new OpenSshPrivateKeyReader();

    @Test
    void dsaWithPZeroIsATypedErrorNotArithmeticException() throws Exception {
        BigInteger[] v = dsaFields(TestKeys.generate(KeyType.DSA));
        v[0] = BigInteger.ZERO;
        String text = file("ssh-dss", v, v);
        assertThatThrownBy(() -> reader.readKeyPair(text, null)).isInstanceOf(KeyFileException.class);
    }

    @Test
    void dsaRoundTripsThroughHandBuiltFields() throws Exception {
        SshKeyPair pair = TestKeys.generate(KeyType.DSA);
        BigInteger[] v = dsaFields(pair);
        SshKeyPair read = reader.readKeyPair(file("ssh-dss", v, v), null);
        assertThat(read.publicKey()).isEqualTo(pair.publicKey());
        assertThat(read.privateKey().getEncoded()).isEqualTo(pair.privateKey().getEncoded());
    }

    @Test
    void everyHostileComponentIsATypedError() throws Exception {
        int parsed = 0;
        int total = 0;
        for (KeyType type : List.of(KeyType.DSA, KeyType.RSA, KeyType.ECDSA_NISTP256, KeyType.ECDSA_NISTP521)) {
            SshKeyPair pair = TestKeys.generate(type);
            for (String text : mutants(pair)) {
                total++;
                try {
                    SshKeyPair read = reader.readKeyPair(text, null);
                    assertThat(read.publicKey()).as(type + " mutant " + total).isEqualTo(pair.publicKey());
                    assertThat(read.privateKey().getEncoded()).isEqualTo(pair.privateKey().getEncoded());
                    parsed++;
                } catch (SshException expected) {
                    assertThat(expected).isInstanceOf(KeyFileException.class);
                } catch (RuntimeException e) {
                    fail(type + " mutant " + total + " escaped with " + e, e);
                }
            }
        }
        assertThat(total).isGreaterThan(100);
        // the only mutants that parse are the RSA ones that change iqmp or d to an equivalent value: none here
        assertThat(parsed).isLessThan(total / 10);
    }

    private static List<String> mutants(SshKeyPair pair) {
        List<String> out = new ArrayList<>();
        switch (pair.publicKey().keyType()) {
            case DSA -> {
                BigInteger[] v = dsaFields(pair);
                for (int i = 0; i < v.length; i++) {
                    for (BigInteger bad : HostileNumbers.forComponent(v[i], v[0])) {
                        BigInteger[] m = v.clone();
                        m[i] = bad;
                        out.add(file("ssh-dss", m, i == 4 ? v : m));
                        out.add(file("ssh-dss", m, v));
                    }
                }
            }
            case RSA -> {
                RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.privateKey();
                BigInteger[] v = {k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(), k.getCrtCoefficient(),
                    k.getPrimeP(), k.getPrimeQ()};
                for (int i = 0; i < v.length; i++) {
                    for (BigInteger bad : HostileNumbers.forComponent(v[i], v[0])) {
                        BigInteger[] m = v.clone();
                        m[i] = bad;
                        out.add(rsaFile(m, v));
                        out.add(rsaFile(m, m));
                    }
                }
            }
            default -> {
                BigInteger d = ((ECPrivateKey) pair.privateKey()).getS();
                BigInteger order = ((ECPrivateKey) pair.privateKey()).getParams().getOrder();
                for (BigInteger bad : HostileNumbers.forComponent(d, order)) {
                    out.add(ecFile(pair, bad));
                }
            }
        }
        return out;
    }

    private static BigInteger[] dsaFields(SshKeyPair pair) {
        DSAPublicKey pub = (DSAPublicKey) ((org.sshstack.keys.StandardPublicKey) pair.publicKey()).javaKey();
        DSAPrivateKey priv = (DSAPrivateKey) pair.privateKey();
        return new BigInteger[] {pub.getParams().getP(), pub.getParams().getQ(), pub.getParams().getG(), pub.getY(),
            priv.getX()};
    }

    /** Private fields {@code v}; the header's public blob is built from {@code header} (p, q, g, y). */
    private static String file(String type, BigInteger[] v, BigInteger[] header) {
        byte[] publicBlob = mpints(new SshWriter().writeString(type), Arrays.copyOf(header, 4)).toByteArray();
        return armor(publicBlob, w -> mpints(w.writeString(type), v));
    }

    private static String rsaFile(BigInteger[] v, BigInteger[] header) {
        byte[] publicBlob = mpints(new SshWriter().writeString("ssh-rsa"), new BigInteger[] {header[1], header[0]})
                .toByteArray();
        return armor(publicBlob, w -> mpints(w.writeString("ssh-rsa"), v));
    }

    private static String ecFile(SshKeyPair pair, BigInteger d) {
        String curve = pair.publicKey().keyType().curveName().orElseThrow();
        byte[] point = EcCurves.encodePoint((java.security.interfaces.ECPublicKey) ((org.sshstack.keys.StandardPublicKey) pair.publicKey()).javaKey());
        String name = pair.publicKey().typeName();
        return armor(pair.publicKey().blob(), w -> mpints(w.writeString(name).writeString(curve).writeString(point),
                new BigInteger[] {d}));
    }

    private static SshWriter mpints(SshWriter w, BigInteger[] values) {
        for (BigInteger value : values) {
            w.writeMpint(value);
        }
        return w;
    }

    private static String armor(byte[] publicBlob, java.util.function.Consumer<SshWriter> body) {
        SshWriter probe = new SshWriter().writeUint32(0).writeUint32(0);
        body.accept(probe);
        int length = probe.toByteArray().length + 4 + "fuzz".length();
        byte[] binary = KeyFileBuilder.build("none", "none", new byte[0], publicBlob, body, "fuzz",
                KeyFileBuilder.padFor(length));
        return OpenSshArmor.encode(binary);
    }
}
