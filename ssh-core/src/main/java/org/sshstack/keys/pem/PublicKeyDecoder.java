package org.sshstack.keys.pem;

import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.RSAPublicKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.DSAParameter;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.wire.SshWriter;

/**
 * Decodes public-key DER into SSH public keys: X.509 SubjectPublicKeyInfo (RFC 5280 §4.1.2.7, RFC 5480 §2, RFC 8410 §4,
 * RFC 3279 §2.3) and PKCS#1 RSAPublicKey (RFC 8017 §A.1.1). Each key is validated by {@link PublicKeyCodec}.
 */
final class PublicKeyDecoder {

    private PublicKeyDecoder() {
    }

    /**
     * @param der a PKCS#1 RSAPublicKey
     * @return the key
     * @throws KeyFileException if malformed or invalid
     */
    static SshPublicKey pkcs1(ASN1Primitive der) throws KeyFileException {
        RSAPublicKey rsa = Der.convert(() -> RSAPublicKey.getInstance(der), "RSA public key");
        return rsa(rsa.getPublicExponent(), rsa.getModulus());
    }

    /**
     * @param der a SubjectPublicKeyInfo
     * @return the key
     * @throws KeyFileException if malformed, invalid or of an unsupported algorithm
     */
    static SshPublicKey spki(ASN1Primitive der) throws KeyFileException {
        SubjectPublicKeyInfo info = Der.convert(() -> SubjectPublicKeyInfo.getInstance(der), "public key info");
        AlgorithmIdentifier algorithm = info.getAlgorithm();
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        byte[] bits = Der.convert(() -> info.getPublicKeyData().getOctets(), "public key bits");
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return pkcs1(Der.parse(bits, "RSA public key"));
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable params = algorithm.getParameters();
            if (!(params instanceof ASN1ObjectIdentifier curveOid)) {
                throw new UnsupportedKeyException("EC keys without a named curve are not supported");
            }
            String curve = PrivateKeyDecoder.sshCurve(curveOid);
            return decode(new SshWriter(160).writeString("ecdsa-sha2-" + curve).writeString(curve).writeString(bits));
        } else if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return decode(new SshWriter(64).writeString(KeyType.ED25519.wireName()).writeString(bits));
        } else if (X9ObjectIdentifiers.id_dsa.equals(oid)) {
            DSAParameter params = Der.convert(() -> DSAParameter.getInstance(algorithm.getParameters()),
                    "DSA parameters");
            BigInteger y = Der.convert(() -> ASN1Integer.getInstance(Der.parse(bits, "DSA public key")).getValue(),
                    "DSA public key");
            return decode(new SshWriter(1100).writeString(KeyType.DSA.wireName()).writeMpint(params.getP())
                    .writeMpint(params.getQ()).writeMpint(params.getG()).writeMpint(y));
        }
        throw new UnsupportedKeyException("unsupported public key algorithm " + oid);
    }

    private static SshPublicKey rsa(BigInteger e, BigInteger n) throws KeyFileException {
        if (n.bitLength() > KeyAssembly.MAX_RSA_BITS || e.bitLength() > KeyAssembly.MAX_RSA_BITS) {
            throw new KeyFileException("RSA public key is larger than " + KeyAssembly.MAX_RSA_BITS + " bits");
        }
        return decode(new SshWriter(1100).writeString(KeyType.RSA.wireName()).writeMpint(e).writeMpint(n));
    }

    private static SshPublicKey decode(SshWriter blob) throws KeyFileException {
        try {
            return PublicKeyCodec.decode(blob.toByteArray());
        } catch (SshProtocolException e) {
            throw new KeyFileException("invalid public key: " + e.getMessage(), e);
        }
    }
}
