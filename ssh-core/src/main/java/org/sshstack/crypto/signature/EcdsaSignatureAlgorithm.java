package org.sshstack.crypto.signature;

import java.math.BigInteger;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;
import org.sshstack.wire.SshWriter;

/**
 * {@code ecdsa-sha2-nistp256/384/521} (RFC 5656 §3.1.2): the blob carries {@code mpint r || mpint s}. Signing uses
 * RFC 6979 deterministic nonces (no dependence on the quality of a random source: PuTTY CVE-2024-31497); verifying
 * rejects r or s outside [1, n-1] and public points not on the curve.
 */
final class EcdsaSignatureAlgorithm implements SignatureAlgorithm {

    private final EcdsaCurve curve;

    EcdsaSignatureAlgorithm(EcdsaCurve curve) {
        this.curve = curve;
    }

    @Override
    public String name() {
        return curve.algorithmName();
    }

    @Override
    public String keyTypeName() {
        return curve.algorithmName();
    }

    @Override
    public boolean legacy() {
        return false;
    }

    @Override
    public byte[] sign(PrivateKey key, byte[] data, SecureRandom random) throws SshException {
        if (!(key instanceof ECPrivateKey ec)) {
            throw new UnsuitableKeyException(name() + " needs an EC private key, got " + Ed25519SignatureAlgorithm.describe(key));
        }
        requireCurve(ec);
        BigInteger d = ec.getS();
        if (d.signum() <= 0 || d.compareTo(curve.order()) >= 0) {
            throw new UnsuitableKeyException("EC private scalar out of range");
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(curve.newDigest())); // RFC 6979 §3.2
        signer.init(true, new ECPrivateKeyParameters(d, curve.domain()));
        BigInteger[] rs = signer.generateSignature(curve.hash(data));
        byte[] inner = new SshWriter(2 * 70).writeMpint(rs[0]).writeMpint(rs[1]).toByteArray(); // RFC 5656 §3.1.2
        return SignatureBlob.encode(name(), inner);
    }

    @Override
    public boolean verify(PublicKey key, byte[] data, byte[] signatureBlob) throws SshException {
        if (!(key instanceof ECPublicKey ec)) {
            throw new UnsuitableKeyException(name() + " needs an EC public key, got " + Ed25519SignatureAlgorithm.describe(key));
        }
        requireCurve(ec);
        ECPoint q = toPoint(ec);
        SshReader reader = new SshReader(SignatureBlob.decode(name(), signatureBlob));
        BigInteger r = reader.readMpint();
        BigInteger s = reader.readMpint();
        reader.expectEnd();
        if (!inRange(r) || !inRange(s)) {
            return false; // SEC1 §4.1.4 step 1
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, curve.domain()));
        return verifier.verifySignature(curve.hash(data), r, s);
    }

    private boolean inRange(BigInteger v) {
        return v.signum() > 0 && v.compareTo(curve.order()) < 0;
    }

    private ECPoint toPoint(ECPublicKey key) throws UnsuitableKeyException {
        try {
            ECPoint q = curve.domain().getCurve()
                    .createPoint(key.getW().getAffineX(), key.getW().getAffineY());
            if (q.isInfinity() || !q.isValid()) {
                throw new UnsuitableKeyException("EC public point is not on " + name());
            }
            return q;
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new UnsuitableKeyException("EC public point is not valid for " + name(), e);
        }
    }

    private void requireCurve(Key key) throws UnsuitableKeyException {
        if (!curve.matches(((ECKey) key).getParams())) {
            throw new UnsuitableKeyException(name() + " needs a key on its curve");
        }
    }
}
