package org.sshstack.keys.openssh;

import java.io.IOException;
import java.math.BigInteger;
import java.security.PrivateKey;
import java.security.interfaces.DSAPrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.sshstack.keys.KeyType;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SecurityKeyPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.wire.SshWriter;

/**
 * Writes the private fields of one key in the SSH agent encoding used inside openssh-key-v1
 * (PROTOCOL.key §3; RFC 9987 §4.2; PROTOCOL.u2f "private key"). The mirror of {@link PrivateKeyFields}.
 */
final class PrivateKeyEncoder {

    private PrivateKeyEncoder() {
    }

    /**
     * @param out where to write, starting with the type name
     * @param key the key to encode
     * @throws UnsupportedKeyException if the key is a certificate, lacks a private half, or is a JCA key this
     *     encoder cannot take apart (e.g. non-CRT RSA)
     */
    static void write(SshWriter out, OpenSshPrivateKey key) throws UnsupportedKeyException {
        if (key.keyPair().publicKey() instanceof SecurityKeyPublicKey securityKey) {
            writeSecurityKey(out, securityKey, key.securityKey().orElseThrow(
                    () -> new UnsupportedKeyException("a security key needs its key handle to be written")));
            return;
        }
        if (!(key.keyPair().publicKey() instanceof StandardPublicKey publicKey)) {
            throw new UnsupportedKeyException("certificates cannot be written into an openssh-key-v1 file");
        }
        PrivateKey privateKey = key.keyPair().privateKey();
        if (privateKey == null) {
            throw new UnsupportedKeyException("the key pair has no private key");
        }
        KeyType type = publicKey.keyType();
        out.writeString(type.wireName());
        switch (type) {
            case ED25519 -> writeEd25519(out, publicKey, privateKey);
            case ECDSA_NISTP256, ECDSA_NISTP384, ECDSA_NISTP521 -> {
                PublicKeyCodec.writeKeyFields(out, type, publicKey.javaKey());
                out.writeMpint(cast(privateKey, ECPrivateKey.class).getS());
            }
            case RSA -> writeRsa(out, cast(privateKey, RSAPrivateCrtKey.class));
            case DSA -> {
                PublicKeyCodec.writeKeyFields(out, type, publicKey.javaKey());
                out.writeMpint(cast(privateKey, DSAPrivateKey.class).getX());
            }
            default -> throw new UnsupportedKeyException("cannot write " + type.wireName());
        }
    }

    // RFC 9987 §4.2.6: string ENC(A), string k || ENC(A)
    private static void writeEd25519(SshWriter out, StandardPublicKey publicKey, PrivateKey privateKey)
            throws UnsupportedKeyException {
        byte[] publicRaw = PublicKeyCodec.rawEd25519(publicKey.javaKey());
        byte[] seed = ed25519Seed(privateKey);
        byte[] secret = Arrays.copyOf(seed, 64);
        System.arraycopy(publicRaw, 0, secret, 32, 32);
        out.writeString(publicRaw).writeString(secret);
        Arrays.fill(seed, (byte) 0);
        Arrays.fill(secret, (byte) 0);
    }

    /**
     * @param privateKey a JCA Ed25519 private key (JDK or Bouncy Castle)
     * @return its 32-byte seed, from the PKCS#8 encoding (RFC 8410 §7)
     */
    static byte[] ed25519Seed(PrivateKey privateKey) throws UnsupportedKeyException {
        byte[] encoded = privateKey.getEncoded();
        try {
            byte[] seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(encoded).parsePrivateKey())
                    .getOctets();
            if (seed.length != 32) {
                throw new UnsupportedKeyException("Ed25519 private key has a " + seed.length + "-byte seed");
            }
            return seed;
        } catch (IOException | RuntimeException e) {
            throw new UnsupportedKeyException("cannot read the Ed25519 private key encoding");
        } finally {
            if (encoded != null) {
                Arrays.fill(encoded, (byte) 0);
            }
        }
    }

    // RFC 9987 §4.2.2: mpint n, mpint e, mpint d, mpint iqmp, mpint p, mpint q
    private static void writeRsa(SshWriter out, RSAPrivateCrtKey key) {
        BigInteger iqmp = key.getCrtCoefficient();
        out.writeMpint(key.getModulus()).writeMpint(key.getPublicExponent()).writeMpint(key.getPrivateExponent())
                .writeMpint(iqmp).writeMpint(key.getPrimeP()).writeMpint(key.getPrimeQ());
    }

    // PROTOCOL.u2f: public fields, string application, uint8 flags, string key_handle, string reserved
    private static void writeSecurityKey(SshWriter out, SecurityKeyPublicKey key, SecurityKeyHandle handle) {
        out.writeString(key.typeName());
        PublicKeyCodec.writeKeyFields(out, key.keyType(), key.javaKey());
        out.writeString(key.application());
        out.writeByte(handle.flags());
        out.writeString(handle.keyHandle());
        out.writeString(handle.reserved());
    }

    private static <T> T cast(PrivateKey key, Class<T> type) throws UnsupportedKeyException {
        if (!type.isInstance(key)) {
            throw new UnsupportedKeyException("private key is a " + key.getAlgorithm() + " key of a kind that "
                    + "cannot be written (need " + type.getSimpleName() + ")");
        }
        return type.cast(key);
    }
}
