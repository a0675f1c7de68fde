package org.sshstack.keys.putty;

import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.EcCurves;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.pem.KeyAssembly;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * The private blob of a PPK file per key type (PuTTY manual C.3): RSA {@code mpint d, p, q, iqmp}; DSA
 * {@code mpint x}; ECDSA {@code mpint scalar}; Ed25519 {@code string seed} (the 32 bytes of RFC 8032 §5.1.5).
 */
final class PpkPrivateBlob {

    private PpkPrivateBlob() {
    }

    /**
     * @param publicKey the decoded public key of the file
     * @param blob the plaintext private blob
     * @param maxPadding how many trailing padding bytes may follow the fields (15 when encrypted, else 0)
     * @param comment the comment
     * @return the verified pair
     * @throws KeyFileException if the blob is malformed or does not match the public key
     */
    static SshKeyPair decode(StandardPublicKey publicKey, byte[] blob, int maxPadding, String comment)
            throws KeyFileException {
        SshReader in = new SshReader(blob);
        try {
            SshKeyPair pair = switch (publicKey.keyType()) {
                case RSA -> {
                    RSAPublicKey rsa = (RSAPublicKey) publicKey.javaKey();
                    BigInteger d = in.readPositiveMpint();
                    BigInteger p = in.readPositiveMpint();
                    BigInteger q = in.readPositiveMpint();
                    in.readPositiveMpint(); // iqmp: recomputed from p and q
                    yield KeyAssembly.rsa(rsa.getModulus(), rsa.getPublicExponent(), d, p, q, comment);
                }
                case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> {
                    ECPublicKey ec = (ECPublicKey) publicKey.javaKey();
                    String curve = publicKey.keyType().curveName().orElseThrow();
                    yield KeyAssembly.ecdsa(curve, in.readPositiveMpint(), EcCurves.encodePoint(ec), comment);
                }
                case ED25519 -> KeyAssembly.ed25519(seed(in.readString(64)), rawEd25519(publicKey), comment);
                case DSA -> {
                    DSAPublicKey dsa = (DSAPublicKey) publicKey.javaKey();
                    yield KeyAssembly.dsa(dsa.getParams().getP(), dsa.getParams().getQ(), dsa.getParams().getG(),
                            dsa.getY(), in.readPositiveMpint(), comment);
                }
                default -> throw new UnsupportedKeyException("unsupported PPK key type " + publicKey.typeName());
            };
            if (in.remaining() > maxPadding) {
                throw new KeyFileException("PPK private blob has " + in.remaining() + " unexpected trailing bytes");
            }
            return pair;
        } catch (SshProtocolException e) {
            throw new KeyFileException("PPK private blob is malformed: " + e.getMessage());
        }
    }

    /**
     * @param pair a pair with a JCA private key
     * @return the unpadded private blob (the caller wipes it)
     * @throws UnsupportedKeyException if the key type or private key form cannot be written
     */
    static byte[] encode(SshKeyPair pair) throws UnsupportedKeyException {
        PrivateKey key = pair.privateKey();
        SshWriter out = new SshWriter(2048);
        switch (pair.publicKey().keyType()) {
            case RSA -> {
                if (!(key instanceof RSAPrivateCrtKey rsa)) {
                    throw new UnsupportedKeyException("PPK needs an RSA private key with its CRT factors");
                }
                out.writeMpint(rsa.getPrivateExponent()).writeMpint(rsa.getPrimeP()).writeMpint(rsa.getPrimeQ())
                        .writeMpint(rsa.getCrtCoefficient());
            }
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> out.writeMpint(cast(key, ECPrivateKey.class).getS());
            case DSA -> out.writeMpint(cast(key, DSAPrivateKey.class).getX());
            case ED25519 -> out.writeString(ed25519Seed(key));
            default -> throw new UnsupportedKeyException("cannot write a " + pair.publicKey().typeName() + " PPK");
        }
        byte[] blob = out.toByteArray();
        out.wipe();
        return blob;
    }

    /** PuTTY writes the 32-byte seed; a shorter or 33-byte value (little-endian number form) is normalised. */
    private static byte[] seed(byte[] raw) throws KeyFileException {
        if (raw.length == KeyAssembly.ED25519_SEED_LENGTH) {
            return raw;
        }
        if (raw.length == KeyAssembly.ED25519_SEED_LENGTH + 1 && raw[KeyAssembly.ED25519_SEED_LENGTH] == 0) {
            return Arrays.copyOf(raw, KeyAssembly.ED25519_SEED_LENGTH);
        }
        if (raw.length > 0 && raw.length < KeyAssembly.ED25519_SEED_LENGTH) {
            return Arrays.copyOf(raw, KeyAssembly.ED25519_SEED_LENGTH);
        }
        throw new KeyFileException("PPK Ed25519 private key has the wrong length");
    }

    private static byte[] rawEd25519(StandardPublicKey key) {
        return org.sshstack.keys.PublicKeyCodec.rawEd25519(key.javaKey());
    }

    private static byte[] ed25519Seed(PrivateKey key) throws UnsupportedKeyException {
        try {
            // RFC 8410 §7: the PKCS#8 privateKey holds CurvePrivateKey ::= OCTET STRING (the seed)
            PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
            byte[] seed = ASN1OctetString.getInstance(info.parsePrivateKey()).getOctets();
            if (seed.length != KeyAssembly.ED25519_SEED_LENGTH) {
                throw new UnsupportedKeyException("Ed25519 private key does not hold a 32-byte seed");
            }
            return seed;
        } catch (java.io.IOException | RuntimeException e) {
            throw new UnsupportedKeyException("Ed25519 private key cannot be exported");
        }
    }

    private static <T> T cast(PrivateKey key, Class<T> type) throws UnsupportedKeyException {
        if (!type.isInstance(key)) {
            throw new UnsupportedKeyException("private key is not a " + type.getSimpleName());
        }
        return type.cast(key);
    }
}
