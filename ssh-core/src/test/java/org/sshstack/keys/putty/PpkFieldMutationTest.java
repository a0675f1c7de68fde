package org.sshstack.keys.putty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.testing.HostileNumbers;
import org.sshstack.testing.TestKeys;
import org.sshstack.wire.SshWriter;

/**
 * Structural fuzzing of PPK private blobs: each number of a valid key is replaced by a hostile value (0, 1, p, huge)
 * and the file re-encoded with a valid MAC (unencrypted v3), so only the value is wrong.
 */
class PpkFieldMutationTest {

    @Test
    void everyHostileComponentIsATypedError() throws Exception {
        int total = 0;
        for (KeyType type : List.of(KeyType.RSA, KeyType.DSA, KeyType.ECDSA_NISTP256, KeyType.ECDSA_NISTP521)) {
            SshKeyPair pair = TestKeys.generate(type);
            for (BigInteger[] fields : mutants(pair)) {
                total++;
                String text = file(pair, fields);
                try {
                    SshKeyPair read = PuttyKeys.read(text, null);
                    fail(type + " mutant " + total + " parsed as " + read.publicKey());
                } catch (SshException expected) {
                    assertThat(expected).isInstanceOf(KeyFileException.class);
                } catch (RuntimeException e) {
                    fail(type + " mutant " + total + " escaped with " + e, e);
                }
            }
        }
        assertThat(total).isGreaterThan(50);
    }

    @Test
    void unmutatedFieldsParse() throws Exception {
        for (KeyType type : List.of(KeyType.RSA, KeyType.DSA, KeyType.ECDSA_NISTP256)) {
            SshKeyPair pair = TestKeys.generate(type);
            assertThat(PuttyKeys.read(file(pair, fields(pair)), null).publicKey()).isEqualTo(pair.publicKey());
        }
    }

    private static List<BigInteger[]> mutants(SshKeyPair pair) {
        BigInteger[] v = fields(pair);
        List<BigInteger[]> out = new ArrayList<>();
        int written = pair.publicKey().keyType() == KeyType.RSA ? 4 : 1;
        for (int i = 0; i < written; i++) {
            for (BigInteger bad : HostileNumbers.forComponent(v[i], v[v.length - 1])) {
                if (bad.equals(v[i])) {
                    continue;
                }
                if (pair.publicKey().keyType() == KeyType.RSA && i == 3) {
                    continue; // iqmp is recomputed from p and q, so changing it alone is harmless
                }
                BigInteger[] m = v.clone();
                m[i] = bad;
                out.add(m);
            }
        }
        return out;
    }

    /** PuTTY manual C.3: RSA d, p, q, iqmp; DSA x; ECDSA scalar. */
    private static BigInteger[] fields(SshKeyPair pair) {
        return switch (pair.publicKey().keyType()) {
            case RSA -> {
                RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.privateKey();
                yield new BigInteger[] {k.getPrivateExponent(), k.getPrimeP(), k.getPrimeQ(), k.getCrtCoefficient()};
            }
            case DSA -> new BigInteger[] {((DSAPrivateKey) pair.privateKey()).getX(),
                ((DSAPrivateKey) pair.privateKey()).getParams().getQ()};
            default -> new BigInteger[] {((ECPrivateKey) pair.privateKey()).getS(),
                ((ECPrivateKey) pair.privateKey()).getParams().getOrder()};
        };
    }

    private static String file(SshKeyPair pair, BigInteger[] fields) {
        SshWriter w = new SshWriter();
        int count = pair.publicKey().keyType() == KeyType.RSA ? 4 : 1;
        for (int i = 0; i < count; i++) {
            w.writeMpint(fields[i]);
        }
        byte[] blob = w.toByteArray();
        String type = pair.publicKey().typeName();
        PpkFile draft = new PpkFile(3, type, "none", "x", pair.publicKey().blob(), null, blob, new byte[0]);
        byte[] mac = PpkCrypto.mac(3, new byte[0], draft, blob);
        return new PpkFile(3, type, "none", "x", pair.publicKey().blob(), null, blob, mac).format();
    }
}
