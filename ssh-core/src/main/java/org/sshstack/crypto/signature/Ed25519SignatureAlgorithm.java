package org.sshstack.crypto.signature;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.EdECKey;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;

/**
 * {@code ssh-ed25519} (RFC 8709 §6): the blob carries the 64-byte raw Ed25519 signature of RFC 8032 §5.1.6. Uses the
 * JDK's pure Ed25519, which rejects {@code S >= L} and non-canonical points (checked against Wycheproof in the tests).
 */
final class Ed25519SignatureAlgorithm implements SignatureAlgorithm {

    static final String NAME = "ssh-ed25519";
    private static final int SIGNATURE_BYTES = 64; // RFC 8032 §5.1.6

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String keyTypeName() {
        return NAME;
    }

    @Override
    public boolean legacy() {
        return false;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) throws SshException {
        requireEd25519(key);
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key);
            signer.update(data);
            return SignatureBlob.encode(NAME, signer.sign());
        } catch (GeneralSecurityException e) {
            throw new UnsuitableKeyException("cannot sign with this Ed25519 key", e);
        }
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) throws SshException {
        requireEd25519(key);
        byte[] signature = SignatureBlob.decode(NAME, signatureBlob);
        if (signature.length != SIGNATURE_BYTES) {
            throw new SshProtocolException("ssh-ed25519 signature must be 64 bytes, got " + signature.length);
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(data);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false; // undecodable R or S out of range: not a valid signature
        } catch (GeneralSecurityException e) {
            throw new UnsuitableKeyException("cannot verify with this Ed25519 key", e);
        }
    }

    private static void requireEd25519(Key key) throws UnsuitableKeyException {
        boolean fits = key instanceof EdECKey edec
                ? "Ed25519".equalsIgnoreCase(edec.getParams().getName())
                : key != null && "Ed25519".equalsIgnoreCase(key.getAlgorithm());
        if (!fits) {
            throw new UnsuitableKeyException("ssh-ed25519 needs an Ed25519 key, got " + describe(key));
        }
    }

    static String describe(Key key) {
        return key == null ? "no key" : "a " + key.getAlgorithm() + " key";
    }
}
