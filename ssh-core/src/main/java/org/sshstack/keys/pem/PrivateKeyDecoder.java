package org.sshstack.keys.pem;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;

/**
 * Decodes unencrypted private-key DER into key pairs: PKCS#1 RSAPrivateKey (RFC 8017 §A.1.2), SEC1 ECPrivateKey
 * (RFC 5915 §3), OpenSSL's DSA SEQUENCE {0, p, q, g, y, x}, and PKCS#8 PrivateKeyInfo / OneAsymmetricKey
 * (RFC 5208 §5, RFC 5958 §2) holding RSA, EC (RFC 5480 §2.1.1) or Ed25519 (RFC 8410 §7).
 */
final class PrivateKeyDecoder {

    private PrivateKeyDecoder() {
    }

    /**
     * @param der a PKCS#1 RSAPrivateKey
     * @return the pair
     * @throws KeyFileException if malformed or inconsistent
     */
    static SshKeyPair pkcs1(ASN1Primitive der) throws KeyFileException {
        RSAPrivateKey rsa = Der.convert(() -> RSAPrivateKey.getInstance(der), "RSA private key");
        if (rsa.getVersion().signum() != 0) {
            throw new UnsupportedKeyException("multi-prime RSA private keys are not supported");
        }
        return KeyAssembly.rsa(rsa.getModulus(), rsa.getPublicExponent(), rsa.getPrivateExponent(),
                rsa.getPrime1(), rsa.getPrime2(), "");
    }

    /**
     * @param der a SEC1 ECPrivateKey
     * @param curveFromAlgorithm the curve named by an enclosing PKCS#8 AlgorithmIdentifier, or null
     * @return the pair
     * @throws KeyFileException if malformed, inconsistent or on an unsupported curve
     */
    static SshKeyPair sec1(ASN1Primitive der, ASN1ObjectIdentifier curveFromAlgorithm) throws KeyFileException {
        ECPrivateKey ec = Der.convert(() -> ECPrivateKey.getInstance(der), "EC private key");
        ASN1ObjectIdentifier curve = curveFromAlgorithm;
        ASN1Object params = Der.optional(ec::getParametersObject, "EC curve parameters");
        if (params != null) {
            if (!(params instanceof ASN1ObjectIdentifier named)) {
                throw new UnsupportedKeyException("EC keys with explicit curve parameters are not supported");
            }
            if (curve != null && !curve.equals(named)) {
                throw new KeyFileException("EC private key names two different curves");
            }
            curve = named;
        }
        if (curve == null) {
            throw new KeyFileException("EC private key does not name its curve");
        }
        byte[] point = Der.optional(() -> ec.getPublicKey() == null ? null : ec.getPublicKey().getOctets(),
                "EC public point");
        BigInteger s = Der.convert(ec::getKey, "EC private scalar");
        return KeyAssembly.ecdsa(sshCurve(curve), s, point, "");
    }

    /**
     * @param der OpenSSL's DSA private key SEQUENCE {version 0, p, q, g, y, x}
     * @return the pair
     * @throws KeyFileException if malformed or inconsistent
     */
    static SshKeyPair dsa(ASN1Primitive der) throws KeyFileException {
        ASN1Sequence seq = Der.convert(() -> ASN1Sequence.getInstance(der), "DSA private key");
        if (seq.size() != 6) {
            throw new KeyFileException("DSA private key must have 6 fields");
        }
        BigInteger[] v = new BigInteger[6];
        for (int i = 0; i < 6; i++) {
            ASN1Encodable field = seq.getObjectAt(i);
            v[i] = Der.convert(() -> ASN1Integer.getInstance(field).getValue(), "DSA private key field");
        }
        if (v[0].signum() != 0) {
            throw new UnsupportedKeyException("unsupported DSA private key version");
        }
        return KeyAssembly.dsa(v[1], v[2], v[3], v[4], v[5], "");
    }

    /**
     * @param der a PKCS#8 PrivateKeyInfo (v1) or OneAsymmetricKey (v2)
     * @return the pair
     * @throws KeyFileException if malformed, inconsistent or of an unsupported algorithm
     */
    static SshKeyPair pkcs8(ASN1Primitive der) throws KeyFileException {
        PrivateKeyInfo info = Der.convert(() -> PrivateKeyInfo.getInstance(der), "PKCS#8 private key");
        AlgorithmIdentifier algorithm = info.getPrivateKeyAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        byte[] inner = info.getPrivateKey().getOctets();
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return pkcs1(Der.parse(inner, "RSA private key"));
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable params = algorithm.getParameters();
            ASN1ObjectIdentifier curve = params instanceof ASN1ObjectIdentifier named ? named : null;
            if (curve == null) {
                throw new UnsupportedKeyException("EC keys without a named curve are not supported");
            }
            return sec1(Der.parse(inner, "EC private key"), curve);
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return ed25519(info, inner);
        } else if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            DSAParameter params = Der.convert(() -> DSAParameter.getInstance(algorithm.getParameters()),
                    "DSA parameters");
            BigInteger x = Der.convert(() -> ASN1Integer.getInstance(Der.parse(inner, "DSA private key")).getValue(),
                    "DSA private key");
            return KeyAssembly.dsa(params.getP(), params.getQ(), params.getG(), null, x, "");
        }
        throw new UnsupportedKeyException("unsupported PKCS#8 key algorithm " + oid);
    }

    private static SshKeyPair ed25519(PrivateKeyInfo info, byte[] inner) throws KeyFileException {
        // RFC 8410 §7: CurvePrivateKey ::= OCTET STRING (the 32-byte seed), itself inside the privateKey OCTET STRING
        ASN1Primitive parsed = Der.parse(inner, "Ed25519 private key");
        byte[] seed = Der.convert(() -> ASN1OctetString.getInstance(parsed), "Ed25519 private key").getOctets();
        byte[] publicKey = Der.optional(
                () -> info.getPublicKeyData() == null ? null : info.getPublicKeyData().getOctets(), "Ed25519 public key");
        return KeyAssembly.ed25519(seed, publicKey, "");
    }

    /**
     * @param curve a named-curve OID
     * @return the SSH curve name
     * @throws UnsupportedKeyException for curves SSH does not use
     */
    static String sshCurve(ASN1ObjectIdentifier curve) throws UnsupportedKeyException {
        return switch (curve.getId()) {
            case "1.2.840.10045.3.1.7" -> "nistp256";
            case "1.3.132.0.34" -> "nistp384";
            case "1.3.132.0.35" -> "nistp521";
            default -> throw new UnsupportedKeyException("unsupported EC curve " + curve);
        };
    }
}
