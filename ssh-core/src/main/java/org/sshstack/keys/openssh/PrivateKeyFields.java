package org.sshstack.keys.openssh;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.KeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.math.ec.ECPoint;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.EcCurves;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SecurityKeyPublicKey;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.wire.SshReader;

/**
 * Reads the private fields of one key in an openssh-key-v1 private section, which uses the SSH agent encoding
 * (PROTOCOL.key §3; RFC 9987 §4.2.3-4.2.6; PROTOCOL.u2f "private key"), and checks that the private half matches
 * the public half (ed25519 public derived from the seed, EC point = d·G, RSA n = p·q and CRT values, DSA y = g^x).
 */
final class PrivateKeyFields {

    /** PKCS#8 prefix of an Ed25519 private key holding a 32-byte seed (RFC 8410 §7). */
    private static final byte[] ED25519_PKCS8_PREFIX = java.util.HexFormat.of()
            .parseHex("302e020100300506032b657004220420");

    /** Largest key handle or reserved string accepted in a security-key entry. */
    private static final int MAX_SK_FIELD = 4096;

    private PrivateKeyFields() {
    }

    /**
     * A decoded private entry.
     *
     * @param publicKey the public half rebuilt from the private fields
     * @param privateKey the JCA private key, null for security keys
     * @param securityKey the token data of a security key
     */
    record Entry(SshPublicKey publicKey, PrivateKey privateKey, Optional<SecurityKeyHandle> securityKey) {
    }

    /**
     * @param in positioned at the key's type name
     * @return the decoded and cross-checked entry
     * @throws UnsupportedKeyException for a key type sshstack does not support
     * @throws KeyFileException if the fields are malformed or the halves do not match
     */
    static Entry read(SshReader in) throws KeyFileException, SshProtocolException {
        String name = in.readAscii();
        KeyType type = KeyType.fromWireName(name)
                .orElseThrow(() -> new UnsupportedKeyException("unsupported private key type " + name));
        return switch (type) {
            case ED25519 -> ed25519(in);
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> ecdsa(in, type);
            case RSA -> rsa(in);
            case DSA -> dsa(in);
            case SK_ED25519, SK_ECDSA_NISTP256 -> securityKey(in, type);
        };
    }

    // RFC 9987 §4.2.6: string ENC(A), string k || ENC(A)
    private static Entry ed25519(SshReader in) throws KeyFileException, SshProtocolException {
        byte[] publicRaw = in.readString(64);
        byte[] secret = in.readString(128);
        try {
            if (publicRaw.length != 32 || secret.length != 64) {
                throw new KeyFileException("ed25519 private key fields have the wrong length");
            }
            byte[] seed = Arrays.copyOf(secret, 32);
            byte[] derived = new Ed25519PrivateKeyParameters(seed, 0).generatePublicKey().getEncoded();
            boolean matches = Arrays.equals(derived, publicRaw)
                    && Arrays.equals(Arrays.copyOfRange(secret, 32, 64), publicRaw);
            if (!matches) {
                throw new KeyFileException("ed25519 private key does not match its public key");
            }
            PrivateKey privateKey = ed25519Private(seed);
            Arrays.fill(seed, (byte) 0);
            PublicKey publicKey = PublicKeyCodec.ed25519(publicRaw);
            return new Entry(new StandardPublicKey(KeyType.ED25519, publicKey), privateKey, Optional.empty());
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    /**
     * @param seed the 32-byte private seed (RFC 8032 §5.1.5)
     * @return the JCA private key
     */
    static PrivateKey ed25519Private(byte[] seed) throws KeyFileException {
        byte[] pkcs8 = Arrays.copyOf(ED25519_PKCS8_PREFIX, ED25519_PKCS8_PREFIX.length + seed.length);
        System.arraycopy(seed, 0, pkcs8, ED25519_PKCS8_PREFIX.length, seed.length);
        try {
            return generate("Ed25519", new PKCS8EncodedKeySpec(pkcs8));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    // RFC 9987 §4.2.4: string curve, string Q, mpint d
    private static Entry ecdsa(SshReader in, KeyType type) throws KeyFileException, SshProtocolException {
        PublicKey publicKey = PublicKeyCodec.readKeyFields(in, type);
        BigInteger d = in.readPositiveMpint();
        String curve = type.curveName().orElseThrow();
        checkEcPrivate(curve, (ECPublicKey) publicKey, d);
        PrivateKey privateKey = generate("EC", new ECPrivateKeySpec(d, EcCurves.parameters(curve)));
        return new Entry(new StandardPublicKey(type, publicKey), privateKey, Optional.empty());
    }

    private static void checkEcPrivate(String curve, ECPublicKey publicKey, BigInteger d) throws KeyFileException {
        X9ECParameters params = CustomNamedCurves.getByName(switch (curve) {
            case "nistp256" -> "secp256r1";
            case "nistp384" -> "secp384r1";
            default -> "secp521r1";
        });
        if (d.signum() <= 0 || d.compareTo(params.getN()) >= 0) {
            throw new KeyFileException("ECDSA private scalar is out of range");
        }
        ECPoint q = params.getG().multiply(d).normalize();
        boolean matches = q.getAffineXCoord().toBigInteger().equals(publicKey.getW().getAffineX())
                && q.getAffineYCoord().toBigInteger().equals(publicKey.getW().getAffineY());
        if (!matches) {
            throw new KeyFileException("ECDSA private key does not match its public key");
        }
    }

    // RFC 9987 §4.2.2: mpint n, mpint e, mpint d, mpint iqmp, mpint p, mpint q
    private static Entry rsa(SshReader in) throws KeyFileException, SshProtocolException {
        BigInteger n = in.readPositiveMpint();
        BigInteger e = in.readPositiveMpint();
        BigInteger d = in.readPositiveMpint();
        BigInteger iqmp = in.readPositiveMpint();
        BigInteger p = in.readPositiveMpint();
        BigInteger q = in.readPositiveMpint();
        SshPublicKey publicKey = publicFromFields(KeyType.RSA, rsaPublicBlob(n, e));
        checkRsa(n, e, d, iqmp, p, q);
        PrivateKey privateKey = generate("RSA", new RSAPrivateCrtKeySpec(n, e, d, p, q,
                d.mod(p.subtract(BigInteger.ONE)), d.mod(q.subtract(BigInteger.ONE)), iqmp));
        return new Entry(publicKey, privateKey, Optional.empty());
    }

    private static void checkRsa(BigInteger n, BigInteger e, BigInteger d, BigInteger iqmp, BigInteger p,
            BigInteger q) throws KeyFileException {
        if (p.compareTo(BigInteger.ONE) <= 0 || q.compareTo(BigInteger.ONE) <= 0 || !p.multiply(q).equals(n)) {
            throw new KeyFileException("RSA private key does not match its public key (n != p*q)");
        }
        BigInteger p1 = p.subtract(BigInteger.ONE);
        BigInteger q1 = q.subtract(BigInteger.ONE);
        boolean exponentsMatch = e.multiply(d).mod(p1).equals(BigInteger.ONE.mod(p1))
                && e.multiply(d).mod(q1).equals(BigInteger.ONE.mod(q1));
        if (!exponentsMatch || !iqmp.multiply(q).mod(p).equals(BigInteger.ONE)) {
            throw new KeyFileException("RSA private key is inconsistent (d or iqmp)");
        }
    }

    private static byte[] rsaPublicBlob(BigInteger n, BigInteger e) {
        return new org.sshstack.wire.SshWriter(n.bitLength() / 8 + 32)
                .writeString(KeyType.RSA.wireName()).writeMpint(e).writeMpint(n).toByteArray();
    }

    // RFC 9987 §4.2.1: mpint p, mpint q, mpint g, mpint y, mpint x
    private static Entry dsa(SshReader in) throws KeyFileException, SshProtocolException {
        BigInteger p = in.readPositiveMpint();
        BigInteger q = in.readPositiveMpint();
        BigInteger g = in.readPositiveMpint();
        BigInteger y = in.readPositiveMpint();
        BigInteger x = in.readPositiveMpint();
        // one place for the range checks (PublicKeyCodec.checkDsa), done before g^x mod p
        org.sshstack.keys.SshKeyPair pair = org.sshstack.keys.pem.KeyAssembly.dsa(p, q, g, y, x, "");
        return new Entry(pair.publicKey(), pair.privateKey(), Optional.empty());
    }

    // PROTOCOL.u2f: public fields, string application, uint8 flags, string key_handle, string reserved
    private static Entry securityKey(SshReader in, KeyType type) throws KeyFileException, SshProtocolException {
        PublicKey publicKey = PublicKeyCodec.readKeyFields(in, type);
        String application = new String(in.readString(1024), StandardCharsets.UTF_8);
        int flags = in.readByte();
        byte[] keyHandle = in.readString(MAX_SK_FIELD);
        byte[] reserved = in.readString(MAX_SK_FIELD);
        SecurityKeyPublicKey key = new SecurityKeyPublicKey(type, publicKey, application);
        return new Entry(key, null, Optional.of(new SecurityKeyHandle(application, flags, keyHandle, reserved)));
    }

    private static SshPublicKey publicFromFields(KeyType type, byte[] blob) throws KeyFileException {
        try {
            return PublicKeyCodec.decode(blob);
        } catch (SshProtocolException e) {
            throw new KeyFileException("invalid " + type.wireName() + " public key in the private section", e);
        }
    }

    private static PrivateKey generate(String algorithm, KeySpec spec) throws KeyFileException {
        try {
            return KeyFactory.getInstance(algorithm).generatePrivate(spec);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new KeyFileException("invalid " + algorithm + " private key");
        }
    }
}
