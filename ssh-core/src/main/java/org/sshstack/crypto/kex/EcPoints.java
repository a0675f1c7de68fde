package org.sshstack.crypto.kex;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Decodes and fully validates a peer's elliptic-curve point for ECDH (SEC1 §2.3.4 and §3.2.2.1, RFC 5656 §4).
 *
 * <p>Only the uncompressed form (0x04 || X || Y) is legal: OpenSSH sends and accepts nothing else, and a
 * fixed length lets the check run before any parsing. The point at infinity has no uncompressed encoding, so
 * it fails the length check. The NIST prime curves have cofactor 1, so a finite point on the curve lies in
 * the prime-order group and SEC1 §3.2.2.1 step 4 (nQ = O) needs no multiplication.
 */
final class EcPoints {

    private static final int UNCOMPRESSED = 0x04;

    private EcPoints() {
    }

    /**
     * @param curve the curve
     * @param fieldLength the field element length in bytes
     * @param encoded the peer's octet string
     * @return the validated point
     * @throws KeyExchangeException if the encoding is not an uncompressed point on the curve with coordinates
     *     in range
     */
    static ECPoint decode(ECCurve curve, int fieldLength, byte[] encoded) throws KeyExchangeException {
        PeerValues.requireLength(encoded, 1 + 2 * fieldLength, "ECDH public value");
        if (encoded[0] != UNCOMPRESSED) {
            throw new KeyExchangeException("ECDH public value is not an uncompressed point (first byte "
                    + (encoded[0] & 0xff) + ")");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(encoded, 1, 1 + fieldLength));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(encoded, 1 + fieldLength, encoded.length));
        BigInteger p = curve.getField().getCharacteristic();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new KeyExchangeException("ECDH public value has a coordinate outside the field");
        }
        if (!onCurve(curve, p, x, y)) {
            throw new KeyExchangeException("ECDH public value is not on the curve");
        }
        try {
            return curve.validatePoint(x, y);
        } catch (IllegalArgumentException e) {
            throw new KeyExchangeException("ECDH public value is not on the curve", e);
        }
    }

    /** SEC1 §3.2.2.1 step 3: y^2 = x^3 + ax + b (mod p). */
    private static boolean onCurve(ECCurve curve, BigInteger p, BigInteger x, BigInteger y) {
        BigInteger a = curve.getA().toBigInteger();
        BigInteger b = curve.getB().toBigInteger();
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.multiply(x).add(a).multiply(x).add(b).mod(p);
        return left.equals(right);
    }
}
