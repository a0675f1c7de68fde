package org.sshstack.keys.pem;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.DSAPrivateKeySpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.EcCurves;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.wire.SshWriter;

/**
 * Builds validated key pairs from raw private-key components, checking that the private half matches the public
 * half. Shared by the PEM and PuTTY readers. Messages never contain key material.
 */
public final class KeyAssembly {

    /** Largest RSA modulus accepted, in bits (as {@code WireLimits.MAX_MPINT_BITS}). */
    public static final int MAX_RSA_BITS = 16384;

    /** Largest DSA prime accepted, in bits: {@link PublicKeyCodec#MAX_DSA_P_BITS}. */
    public static final int MAX_DSA_BITS = PublicKeyCodec.MAX_DSA_P_BITS;

    /** Length of an Ed25519 private seed (RFC 8032 §5.1.5). */
    public static final int ED25519_SEED_LENGTH = 32;

    /** PKCS#8 prefix for a raw Ed25519 seed (RFC 8410 §7): version 0, id-Ed25519, OCTET STRING { OCTET STRING }. */
    private static final byte[] ED25519_PKCS8_PREFIX = {
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20
    };

    private KeyAssembly() {
    }

    /**
     * @param n the modulus
     * @param e the public exponent
     * @param d the private exponent
     * @param p the first prime
     * @param q the second prime
     * @param comment the comment for the pair
     * @return the pair with a CRT private key
     * @throws KeyFileException if the components are inconsistent or out of range
     */
    public static SshKeyPair rsa(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, String comment)
            throws KeyFileException {
        // every value is bounded by n before any arithmetic, so a hostile file cannot make huge products
        if (n.signum() <= 0 || n.bitLength() > MAX_RSA_BITS || e.signum() <= 0 || e.compareTo(n) >= 0
                || d.signum() <= 0 || d.compareTo(n) >= 0 || p.compareTo(BigInteger.ONE) <= 0
                || q.compareTo(BigInteger.ONE) <= 0 || p.compareTo(n) >= 0 || q.compareTo(n) >= 0
                || !p.multiply(q).equals(n)) {
            throw new KeyFileException("RSA private key is inconsistent: its primes do not form its modulus");
        }
        BigInteger pMinus = p.subtract(BigInteger.ONE);
        BigInteger qMinus = q.subtract(BigInteger.ONE);
        BigInteger ed = e.multiply(d);
        if (!ed.mod(pMinus).equals(BigInteger.ONE) || !ed.mod(qMinus).equals(BigInteger.ONE)) {
            throw new KeyFileException("RSA private exponent does not match the public exponent");
        }
        BigInteger qInv;
        try {
            qInv = q.modInverse(p);
        } catch (ArithmeticException notInvertible) {
            throw new KeyFileException("RSA private key is inconsistent: its primes are not coprime");
        }
        SshPublicKey pub = publicFromBlob(new SshWriter(1100).writeString(KeyType.RSA.wireName())
                .writeMpint(e).writeMpint(n).toByteArray());
        KeySpec spec = new RSAPrivateCrtKeySpec(n, e, d, p, q, d.mod(pMinus), d.mod(qMinus), qInv);
        return new SshKeyPair(pub, privateKey("RSA", spec), comment);
    }

    /**
     * @param sshCurve {@code nistp256}, {@code nistp384} or {@code nistp521}
     * @param s the private scalar
     * @param publicPoint the uncompressed public point stored beside it, or null to derive it
     * @param comment the comment for the pair
     * @return the pair
     * @throws KeyFileException if the scalar is out of range or does not match the stored point
     */
    public static SshKeyPair ecdsa(String sshCurve, BigInteger s, byte[] publicPoint, String comment)
            throws KeyFileException {
        X9ECParameters curve = CustomNamedCurves.getByName(jcaCurveName(sshCurve));
        if (s.signum() <= 0 || s.compareTo(curve.getN()) >= 0) {
            throw new KeyFileException("EC private scalar is out of range");
        }
        byte[] derived = new FixedPointCombMultiplier().multiply(curve.getG(), s).normalize().getEncoded(false);
        if (publicPoint != null && !Arrays.equals(derived, publicPoint)) {
            throw new KeyFileException("EC private key does not match its public key");
        }
        String wireName = "ecdsa-sha2-" + sshCurve;
        SshPublicKey pub = publicFromBlob(new SshWriter(160).writeString(wireName).writeString(sshCurve)
                .writeString(derived).toByteArray());
        try {
            return new SshKeyPair(pub, privateKey("EC", new ECPrivateKeySpec(s, EcCurves.parameters(sshCurve))), comment);
        } catch (SshProtocolException e) {
            throw new UnsupportedKeyException("curve " + sshCurve + " is not available");
        }
    }

    /**
     * @param seed the 32-byte private seed (RFC 8032 §5.1.5)
     * @param publicKey the 32-byte public key stored beside it, or null to derive it
     * @param comment the comment for the pair
     * @return the pair
     * @throws KeyFileException if the seed has the wrong length or does not match the stored public key
     */
    public static SshKeyPair ed25519(byte[] seed, byte[] publicKey, String comment) throws KeyFileException {
        if (seed.length != ED25519_SEED_LENGTH) {
            throw new KeyFileException("Ed25519 private key must be 32 bytes, got " + seed.length);
        }
        byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
        if (publicKey != null && !Arrays.equals(derived, publicKey)) {
            throw new KeyFileException("Ed25519 private key does not match its public key");
        }
        SshPublicKey pub = publicFromBlob(new SshWriter(64).writeString(KeyType.ED25519.wireName())
                .writeString(derived).toByteArray());
        byte[] pkcs8 = Arrays.copyOf(ED25519_PKCS8_PREFIX, ED25519_PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, pkcs8, ED25519_PKCS8_PREFIX.length, seed.length);
        try {
            return new SshKeyPair(pub, privateKey("Ed25519", new PKCS8EncodedKeySpec(pkcs8)), comment);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * @param p the prime modulus
     * @param q the subgroup order
     * @param g the generator
     * @param y the public value, or null to derive it
     * @param x the private value
     * @param comment the comment for the pair
     * @return the pair
     * @throws KeyFileException if the values are out of range ({@link PublicKeyCodec#checkDsa}, and
     *     0 &lt; x &lt; q) or inconsistent
     */
    public static SshKeyPair dsa(BigInteger p, BigInteger q, BigInteger g, BigInteger y, BigInteger x, String comment)
            throws KeyFileException {
        try {
            PublicKeyCodec.checkDsa(p, q, g, y);
        } catch (SshProtocolException e) {
            throw new KeyFileException("DSA key parameters are out of range: " + e.getMessage(), e);
        }
        if (x.signum() <= 0 || x.compareTo(q) >= 0) {
            throw new KeyFileException("DSA private value x is out of range");
        }
        BigInteger derived = g.modPow(x, p);
        if (y != null && !derived.equals(y)) {
            throw new KeyFileException("DSA private key does not match its public key");
        }
        SshPublicKey pub = publicFromBlob(new SshWriter(1100).writeString(KeyType.DSA.wireName())
                .writeMpint(p).writeMpint(q).writeMpint(g).writeMpint(derived).toByteArray());
        return new SshKeyPair(pub, privateKey("DSA", new DSAPrivateKeySpec(x, p, q, g)), comment);
    }

    /**
     * @param sshCurve an SSH curve name
     * @return the SEC 2 name
     * @throws UnsupportedKeyException for other curves
     */
    public static String jcaCurveName(String sshCurve) throws UnsupportedKeyException {
        return switch (sshCurve) {
            case "nistp256" -> "secp256r1";
            case "nistp384" -> "secp384r1";
            case "nistp521" -> "secp521r1";
            default -> throw new UnsupportedKeyException("unsupported EC curve " + sshCurve);
        };
    }

    private static SshPublicKey publicFromBlob(byte[] blob) throws KeyFileException {
        try {
            return PublicKeyCodec.decode(blob);
        } catch (SshProtocolException e) {
            throw new KeyFileException("key file holds an invalid public key: " + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(String algorithm, KeySpec spec) throws KeyFileException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException("invalid " + algorithm + " private key");
        }
    }
}
