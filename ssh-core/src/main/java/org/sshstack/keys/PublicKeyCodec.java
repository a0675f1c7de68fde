package org.sshstack.keys;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.DSAPublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.DSAPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/** Encodes and decodes public key blobs (RFC 4253 §6.6, RFC 5656 §3.1, RFC 8709 §4, PROTOCOL.u2f, PROTOCOL.certkeys). */
public final class PublicKeyCodec {

    /** X.509 SubjectPublicKeyInfo prefix for a raw Ed25519 key (RFC 8410 §4). */
    private static final byte[] ED25519_SPKI_PREFIX = {
        0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00
    };

    /** Length of a raw Ed25519 public key (RFC 8032 §5.1.5). */
    public static final int ED25519_KEY_LENGTH = 32;

    /** Smallest DSA prime accepted, in bits (old keys used 512; FIPS 186-4 §4.2 starts at 1024). */
    public static final int MIN_DSA_P_BITS = 512;

    /**
     * Largest DSA prime accepted, in bits: FIPS 186-4 §4.2 stops at 3072, OpenSSH only makes 1024; 4096 leaves room
     * for old OpenSSL/PuTTY keys while bounding the cost of a hostile key's modPow.
     */
    public static final int MAX_DSA_P_BITS = 4096;

    /** Largest DSA subgroup order accepted, in bits (FIPS 186-4 uses 160, 224 or 256). */
    public static final int MAX_DSA_Q_BITS = 256;

    private PublicKeyCodec() {
    }

    /**
     * @param key any public key of the model
     * @return its blob
     */
    public static byte[] encode(SshPublicKey key) {
        if (key instanceof OpenSshCertificate certificate) {
            return certificate.blob();
        }
        if (key instanceof SecurityKeyPublicKey securityKey) {
            return securityKey.blob();
        }
        SshWriter out = new SshWriter(512);
        out.writeString(key.typeName());
        writeKeyFields(out, key.keyType(), ((StandardPublicKey) key).javaKey());
        return out.toByteArray();
    }

    /**
     * Decodes a blob of any supported type, plain, security-key or certificate.
     *
     * @param blob the public key blob
     * @return the key
     * @throws SshProtocolException if the blob is malformed, of an unknown type, or not a valid key
     */
    public static SshPublicKey decode(byte[] blob) throws SshProtocolException {
        SshReader in = new SshReader(blob);
        String name = in.readAscii();
        if (KeyType.fromCertificateName(name).isPresent()) {
            return OpenSshCertificate.decode(blob);
        }
        KeyType type = KeyType.fromWireName(name)
                .orElseThrow(() -> new SshProtocolException("unsupported public key type " + name));
        SshPublicKey key = type.isSecurityKey()
                ? SecurityKeyPublicKey.read(type, in)
                : new StandardPublicKey(type, readKeyFields(in, type));
        in.expectEnd();
        return key;
    }

    /**
     * Writes the type-specific fields of a key (everything after the type name).
     *
     * @param out where to write
     * @param type the key family
     * @param key the JCA key
     */
    public static void writeKeyFields(SshWriter out, KeyType type, PublicKey key) {
        switch (type) {
            case ED25519, SK_ED25519 -> out.writeString(rawEd25519(key));
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521, SK_ECDSA_NISTP256 -> {
                out.writeString(type.curveName().orElseThrow());
                out.writeString(EcCurves.encodePoint((ECPublicKey) key));
            }
            case RSA -> {
                RSAPublicKey rsa = (RSAPublicKey) key;
                out.writeMpint(rsa.getPublicExponent()).writeMpint(rsa.getModulus());
            }
            case DSA -> {
                DSAPublicKey dsa = (DSAPublicKey) key;
                out.writeMpint(dsa.getParams().getP()).writeMpint(dsa.getParams().getQ())
                        .writeMpint(dsa.getParams().getG()).writeMpint(dsa.getY());
            }
        }
    }

    /**
     * Reads the type-specific fields of a key (everything after the type name).
     *
     * @param in where to read
     * @param type the key family
     * @return the JCA key
     * @throws SshProtocolException if the fields are malformed or do not form a valid key
     */
    public static PublicKey readKeyFields(SshReader in, KeyType type) throws SshProtocolException {
        return switch (type) {
            case ED25519, SK_ED25519 -> ed25519(in.readString(64));
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521, SK_ECDSA_NISTP256 -> ecdsa(in, type);
            case RSA -> rsa(in.readPositiveMpint(), in.readPositiveMpint());
            case DSA -> dsa(in);
        };
    }

    /**
     * @param raw the 32-byte encoded point (RFC 8032 §5.1.2)
     * @return a JCA Ed25519 public key
     * @throws SshProtocolException if the length or point is wrong
     */
    public static PublicKey ed25519(byte[] raw) throws SshProtocolException {
        if (raw.length != ED25519_KEY_LENGTH) {
            throw new SshProtocolException("ed25519 public key must be 32 bytes, got " + raw.length);
        }
        byte[] spki = Arrays.copyOf(ED25519_SPKI_PREFIX, ED25519_SPKI_PREFIX.length + raw.length);
        System.arraycopy(raw, 0, spki, ED25519_SPKI_PREFIX.length, raw.length);
        return generate("Ed25519", new X509EncodedKeySpec(spki));
    }

    /**
     * @param key a JCA Ed25519 public key (JDK or Bouncy Castle)
     * @return its 32-byte encoding
     */
    public static byte[] rawEd25519(PublicKey key) {
        byte[] spki = key.getEncoded();
        return Arrays.copyOfRange(spki, spki.length - ED25519_KEY_LENGTH, spki.length);
    }

    private static PublicKey ecdsa(SshReader in, KeyType type) throws SshProtocolException {
        String curve = in.readAscii();
        if (!curve.equals(type.curveName().orElseThrow())) {
            throw new SshProtocolException("ECDSA key names curve " + curve + " but its type is " + type.wireName());
        }
        return EcCurves.decodePoint(curve, in.readString(1024));
    }

    private static PublicKey rsa(BigInteger exponent, BigInteger modulus) throws SshProtocolException {
        if (modulus.bitLength() < 512 || exponent.compareTo(BigInteger.valueOf(3)) < 0 || !exponent.testBit(0)) {
            throw new SshProtocolException("RSA public key has an invalid modulus or exponent");
        }
        return generate("RSA", new RSAPublicKeySpec(modulus, exponent));
    }

    private static PublicKey dsa(SshReader in) throws SshProtocolException {
        BigInteger p = in.readPositiveMpint();
        BigInteger q = in.readPositiveMpint();
        BigInteger g = in.readPositiveMpint();
        BigInteger y = in.readPositiveMpint();
        checkDsa(p, q, g, y);
        return generate("DSA", new DSAPublicKeySpec(y, p, q, g));
    }

    /**
     * The one place DSA values from untrusted input are range-checked (FIPS 186-4 §4.1-4.2), before any arithmetic:
     * p odd with {@value #MIN_DSA_P_BITS}..{@value #MAX_DSA_P_BITS} bits, 1 &lt; q &lt; p with at most
     * {@value #MAX_DSA_Q_BITS} bits dividing p - 1, 1 &lt; g &lt; p with g^q = 1 mod p, and (when given)
     * 1 &lt; y &lt; p. Primality is not tested.
     *
     * @param p the prime modulus
     * @param q the subgroup order
     * @param g the generator
     * @param y the public value, or null when it is not known yet
     * @throws SshProtocolException if a value is out of range (the message names which, never the value)
     */
    public static void checkDsa(BigInteger p, BigInteger q, BigInteger g, BigInteger y) throws SshProtocolException {
        if (p.bitLength() < MIN_DSA_P_BITS || p.bitLength() > MAX_DSA_P_BITS || !p.testBit(0) || p.signum() <= 0) {
            throw new SshProtocolException("DSA prime p must be odd with " + MIN_DSA_P_BITS + " to " + MAX_DSA_P_BITS
                    + " bits");
        }
        if (q.compareTo(BigInteger.ONE) <= 0 || q.bitLength() > MAX_DSA_Q_BITS || q.compareTo(p) >= 0) {
            throw new SshProtocolException("DSA subgroup order q is out of range");
        }
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p) >= 0) {
            throw new SshProtocolException("DSA generator g is out of range");
        }
        if (y != null && (y.compareTo(BigInteger.ONE) <= 0 || y.compareTo(p) >= 0)) {
            throw new SshProtocolException("DSA public value y is out of range");
        }
        // FIPS 186-4 §4.1: q divides p - 1 and g generates the subgroup of order q (cheap: q has <= 256 bits)
        if (p.subtract(BigInteger.ONE).mod(q).signum() != 0 || !g.modPow(q, p).equals(BigInteger.ONE)) {
            throw new SshProtocolException("DSA generator g does not generate a subgroup of order q");
        }
    }

    private static PublicKey generate(String algorithm, java.security.spec.KeySpec spec) throws SshProtocolException {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new SshProtocolException("invalid " + algorithm + " public key", e);
        }
    }
}
