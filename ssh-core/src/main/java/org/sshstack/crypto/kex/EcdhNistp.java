package org.sshstack.crypto.kex;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDH on the NIST prime curves for ecdh-sha2-nistp256/384/521 (RFC 5656 §4, §7.1; SEC1 §3.3.1).
 *
 * <p>Public values are uncompressed SEC1 points; the peer's point is fully validated ({@link EcPoints}).
 * K is the x-coordinate of the shared point as a fixed-length big-endian field element, sent as an mpint
 * (RFC 5656 §4).
 */
public final class EcdhNistp extends DhKex {

    /** ecdh-sha2-nistp256: secp256r1. */
    public static final EcdhNistp P256 = new EcdhNistp("nistp256", "secp256r1");
    /** ecdh-sha2-nistp384: secp384r1. */
    public static final EcdhNistp P384 = new EcdhNistp("nistp384", "secp384r1");
    /** ecdh-sha2-nistp521: secp521r1. */
    public static final EcdhNistp P521 = new EcdhNistp("nistp521", "secp521r1");

    private final String sshName;
    private final X9ECParameters curve;
    private final int fieldLength;

    private EcdhNistp(String sshName, String secName) {
        this.sshName = sshName;
        this.curve = CustomNamedCurves.getByName(secName);
        this.fieldLength = (curve.getCurve().getFieldSize() + 7) / 8;
    }

    /** @return the curve's SSH identifier, e.g. {@code nistp256} (RFC 5656 §10.1) */
    public String curveName() {
        return sshName;
    }

    /** @return the length of a field element in bytes (32, 48 or 66), which is also the secret's length */
    public int fieldLength() {
        return fieldLength;
    }

    /** @return the length of a public value on the wire: 1 + 2 * {@link #fieldLength()} */
    public int publicValueLength() {
        return 1 + 2 * fieldLength;
    }

    /** {@inheritDoc} */
    @Override
    public KeyAgreement generate(SecureRandom random) {
        // SEC1 §3.2.1: d uniform in [1, n-1]
        BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, curve.getN().subtract(BigInteger.ONE), random);
        return new Pair(d);
    }

    /**
     * For known-answer tests: a key pair from a fixed private scalar.
     *
     * @param d the private scalar, 1 &lt;= d &lt; n
     * @return the key pair
     */
    KeyAgreement fromPrivate(BigInteger d) {
        if (d.signum() <= 0 || d.compareTo(curve.getN()) >= 0) {
            throw new IllegalArgumentException("private scalar out of range");
        }
        return new Pair(d);
    }

    /** @return the curve name only */
    @Override
    public String toString() {
        return "ecdh-sha2-" + sshName;
    }

    /** An ephemeral ECDH key pair on this curve. */
    private final class Pair implements KeyAgreement {

        private final BigInteger d;
        private final byte[] publicValue;

        Pair(BigInteger d) {
            this.d = d;
            ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), d).normalize();
            this.publicValue = q.getEncoded(false); // RFC 5656 §4: Q as an uncompressed octet string
        }

        @Override
        public byte[] publicValue() {
            return publicValue.clone();
        }

        @Override
        public SharedSecret agree(byte[] peerPublicValue) throws KeyExchangeException {
            ECPoint peer = EcPoints.decode(curve.getCurve(), fieldLength, peerPublicValue);
            ECPoint shared = peer.multiply(d).normalize(); // SEC1 §3.3.1: P = d * Q
            if (shared.isInfinity()) {
                throw new KeyExchangeException("ECDH shared point is the point at infinity");
            }
            BigInteger x = shared.getAffineXCoord().toBigInteger();
            return SharedSecret.ofMpint(BigIntegers.asUnsignedByteArray(fieldLength, x));
        }

        @Override
        public String toString() {
            return "ECDH key pair on " + sshName;
        }
    }
}
