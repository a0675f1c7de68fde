package org.sshstack.crypto.signature;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/**
 * RSASSA-PKCS1-v1_5 signatures: {@code rsa-sha2-256}, {@code rsa-sha2-512} (RFC 8332 §3) and the legacy SHA-1
 * {@code ssh-rsa} (RFC 4253 §6.6). Signing emits exactly modulus-length bytes and verifies its own output (a faulty
 * CRT signature leaks the key, and the self-check only runs for CRT keys, which carry the public exponent);
 * verifying ({@link RsaPkcs1Verifier}, strict) left-pads a shorter signature as OpenSSH does and rejects a longer one.
 *
 * <p>Moduli from {@value #MIN_MODULUS_BITS} to {@value #MAX_MODULUS_BITS} bits are accepted for both signing and
 * verifying, checked before any arithmetic (SECURITY.md B8): 2048 is stricter than OpenSSH's 1024-bit
 * {@code RequiredRSASize} default, as keys under 2048 bits are no longer considered safe; the upper cap bounds
 * verification cost. Smaller RSA keys still load from files (they can be listed and fingerprinted).
 */
final class RsaSignatureAlgorithm implements SignatureAlgorithm {

    /** Smallest modulus accepted for signing and verifying. */
    static final int MIN_MODULUS_BITS = 2048;
    /** Largest modulus accepted (bounds CPU per verification). */
    static final int MAX_MODULUS_BITS = 16384;

    private final String name;
    private final String jcaName;
    private final RsaPkcs1Verifier verifier;
    private final boolean legacy;

    RsaSignatureAlgorithm(String name, String jcaName, RsaPkcs1Verifier verifier, boolean legacy) {
        this.name = name;
        this.jcaName = jcaName;
        this.verifier = verifier;
        this.legacy = legacy;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String keyTypeName() {
        return "ssh-rsa"; // RFC 8332 §3: the key format is unchanged
    }

    @Override
    public boolean legacy() {
        return legacy;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) throws SshException {
        int modulusBytes = modulusBytes(key);
        byte[] signature;
        try {
            Signature signer = Signature.getInstance(jcaName);
            signer.initSign(key, random);
            signer.update(data);
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new UnsuitableKeyException("cannot sign with this RSA key", e);
        }
        if (signature.length != modulusBytes) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "RSA signature has the wrong length");
        }
        if (key instanceof RSAPrivateCrtKey crt && !verifyRaw(publicOf(crt), data, signature)) {
            throw new SshException(DisconnectReason.BY_APPLICATION, "RSA signature failed its self-check");
        }
        return SignatureBlob.encode(name, signature);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) throws SshException {
        int modulusBytes = modulusBytes(key);
        byte[] signature = SignatureBlob.decode(name, signatureBlob);
        if (signature.length > modulusBytes) {
            throw new SshProtocolException("RSA signature is longer than the modulus");
        }
        if (signature.length < modulusBytes) {
            byte[] padded = new byte[modulusBytes]; // leading zeros stripped by some signers (OpenSSH accepts)
            System.arraycopy(signature, 0, padded, modulusBytes - signature.length, signature.length);
            signature = padded;
        }
        return verifyRaw(key, data, signature);
    }

    private boolean verifyRaw(PublicKey key, byte[] data, byte[] signature) throws SshException {
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new UnsuitableKeyException(name + " needs an RSA public key, got " + SignatureBlob.describe(key));
        }
        return verifier.verify(rsa, data, signature);
    }

    private static PublicKey publicOf(RSAPrivateCrtKey key) throws UnsuitableKeyException {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new UnsuitableKeyException("cannot derive the RSA public key", e);
        }
    }

    private int modulusBytes(Key key) throws UnsuitableKeyException {
        if (!(key instanceof RSAKey rsa)) {
            throw new UnsuitableKeyException(name + " needs an RSA key, got " + SignatureBlob.describe(key));
        }
        BigInteger modulus = rsa.getModulus();
        int bits = modulus.bitLength();
        if (bits < MIN_MODULUS_BITS || bits > MAX_MODULUS_BITS) {
            throw new UnsuitableKeyException("RSA modulus of " + bits + " bits is outside "
                    + MIN_MODULUS_BITS + ".." + MAX_MODULUS_BITS);
        }
        return (bits + 7) / 8;
    }
}
