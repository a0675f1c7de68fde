package org.sshstack.keys.pem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.math.BigInteger;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.junit.jupiter.api.Test;
import org.sshstack.SshException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.testing.HostileNumbers;
import org.sshstack.testing.TestKeys;

/**
 * Structural fuzzing of PEM private keys: each INTEGER of a valid PKCS#1, SEC1 or OpenSSL DSA key is replaced by a
 * hostile value (0, 1, -1, p, huge) and the DER re-encoded validly, so only the value is wrong.
 */
class PemFieldMutationTest {

    @Test
    void everyHostileComponentIsATypedError() throws Exception {
        int total = 0;
        for (String text : mutants()) {
            total++;
            try {
                SshKeyPair read = PemKeys.read(text, null);
                fail("mutant " + total + " parsed as " + read.publicKey());
            } catch (SshException expected) {
                assertThat(expected).isInstanceOf(KeyFileException.class);
            } catch (RuntimeException e) {
                fail("mutant " + total + " escaped with " + e, e);
            }
        }
        assertThat(total).isGreaterThan(100);
    }

    @Test
    void unmutatedKeysParse() throws Exception {
        SshKeyPair rsa = TestKeys.generate(KeyType.RSA);
        assertThat(PemKeys.read(PemKeysTest.pem("RSA PRIVATE KEY", sequence(rsaFields(rsa))), null).publicKey())
                .isEqualTo(rsa.publicKey());
        SshKeyPair dsa = TestKeys.generate(KeyType.DSA);
        assertThat(PemKeys.read(PemKeysTest.pem("DSA PRIVATE KEY", sequence(dsaFields(dsa))), null).publicKey())
                .isEqualTo(dsa.publicKey());
    }

    private static List<String> mutants() throws Exception {
        List<String> out = new ArrayList<>();
        BigInteger[] rsa = rsaFields(TestKeys.generate(KeyType.RSA));
        for (int i = 1; i < 6; i++) { // dp, dq and qinv are recomputed from the others, so not mutated
            for (BigInteger bad : HostileNumbers.forComponent(rsa[i], rsa[1])) {
                if (bad.equals(rsa[i])) {
                    continue;
                }
                BigInteger[] m = rsa.clone();
                m[i] = bad;
                out.add(PemKeysTest.pem("RSA PRIVATE KEY", sequence(m)));
            }
        }
        BigInteger[] dsa = dsaFields(TestKeys.generate(KeyType.DSA));
        for (int i = 1; i < dsa.length; i++) {
            for (BigInteger bad : HostileNumbers.forComponent(dsa[i], dsa[1])) {
                if (bad.equals(dsa[i])) {
                    continue;
                }
                BigInteger[] m = dsa.clone();
                m[i] = bad;
                out.add(PemKeysTest.pem("DSA PRIVATE KEY", sequence(m)));
            }
        }
        for (KeyType type : List.of(KeyType.ECDSA_NISTP256, KeyType.ECDSA_NISTP384)) {
            SshKeyPair pair = TestKeys.generate(type);
            ECPrivateKey ec = (ECPrivateKey) pair.privateKey();
            byte[] point = org.sshstack.keys.EcCurves.encodePoint(
                    (java.security.interfaces.ECPublicKey) ((StandardPublicKey) pair.publicKey()).javaKey());
            String oid = type == KeyType.ECDSA_NISTP256 ? "1.2.840.10045.3.1.7" : "1.3.132.0.34";
            for (BigInteger bad : HostileNumbers.forComponent(ec.getS(), ec.getParams().getOrder())) {
                if (bad.signum() < 0) {
                    continue; // SEC1 stores the scalar as an unsigned OCTET STRING: negatives cannot be written
                }
                var sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(Math.max(bad.bitLength(), 1), bad,
                        new org.bouncycastle.asn1.DERBitString(point), new ASN1ObjectIdentifier(oid));
                out.add(PemKeysTest.pem("EC PRIVATE KEY", sec1.getEncoded()));
            }
        }
        return out;
    }

    /** PKCS#1 RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv (RFC 8017 §A.1.2). */
    private static BigInteger[] rsaFields(SshKeyPair pair) {
        RSAPrivateCrtKey k = (RSAPrivateCrtKey) pair.privateKey();
        return new BigInteger[] {BigInteger.ZERO, k.getModulus(), k.getPublicExponent(), k.getPrivateExponent(),
            k.getPrimeP(), k.getPrimeQ(), k.getPrimeExponentP(), k.getPrimeExponentQ(), k.getCrtCoefficient()};
    }

    /** OpenSSL DSA: version, p, q, g, y, x. */
    private static BigInteger[] dsaFields(SshKeyPair pair) {
        DSAPublicKey pub = (DSAPublicKey) ((StandardPublicKey) pair.publicKey()).javaKey();
        return new BigInteger[] {BigInteger.ZERO, pub.getParams().getP(), pub.getParams().getQ(),
            pub.getParams().getG(), pub.getY(), ((DSAPrivateKey) pair.privateKey()).getX()};
    }

    private static byte[] sequence(BigInteger[] values) throws java.io.IOException {
        ASN1EncodableVector v = new ASN1EncodableVector();
        for (BigInteger value : values) {
            v.add(new ASN1Integer(value));
        }
        return new DERSequence(v).getEncoded();
    }
}
