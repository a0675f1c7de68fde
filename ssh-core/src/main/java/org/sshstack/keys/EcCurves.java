package org.sshstack.keys;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.sshstack.SshProtocolException;

/** The NIST curves SSH uses (RFC 5656 §10.1), with SEC1 point encoding and on-curve validation. */
public final class EcCurves {

    private EcCurves() {
    }

    /**
     * @param sshCurve {@code nistp256}, {@code nistp384} or {@code nistp521}
     * @return the JCA parameters
     * @throws SshProtocolException for an unknown curve
     */
    public static ECParameterSpec parameters(String sshCurve) throws SshProtocolException {
        String jcaName = switch (sshCurve) {
            case "nistp256" -> "secp256r1";
            case "nistp384" -> "secp384r1";
            case "nistp521" -> "secp521r1";
            default -> throw new SshProtocolException("unsupported curve " + sshCurve);
        };
        try {
            AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
            params.init(new ECGenParameterSpec(jcaName));
            return params.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new SshProtocolException("curve " + sshCurve + " is not available in this JDK", e);
        }
    }

    /**
     * @param key an EC public key on a NIST curve
     * @return the uncompressed SEC1 encoding {@code 04 || X || Y}
     */
    public static byte[] encodePoint(ECPublicKey key) {
        int size = fieldBytes(key.getParams());
        byte[] out = new byte[1 + 2 * size];
        out[0] = 4;
        copyFixed(key.getW().getAffineX(), out, 1, size);
        copyFixed(key.getW().getAffineY(), out, 1 + size, size);
        return out;
    }

    /**
     * Decodes and validates an uncompressed point (SEC1 §2.3.4, §3.2.2.1): coordinates in range, on the curve.
     *
     * @param sshCurve the SSH curve identifier
     * @param encoded the SEC1 encoding
     * @return the JCA public key
     * @throws SshProtocolException if the encoding or the point is invalid
     */
    public static PublicKey decodePoint(String sshCurve, byte[] encoded) throws SshProtocolException {
        ECParameterSpec params = parameters(sshCurve);
        ECPoint point = decodeRaw(params, encoded);
        try {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, params));
        } catch (GeneralSecurityException e) {
            throw new SshProtocolException("invalid EC public key", e);
        }
    }

    /**
     * @param params the curve
     * @param encoded an uncompressed SEC1 point
     * @return the validated point
     * @throws SshProtocolException if it is malformed, out of range or not on the curve
     */
    public static ECPoint decodeRaw(ECParameterSpec params, byte[] encoded) throws SshProtocolException {
        int size = fieldBytes(params);
        if (encoded.length != 1 + 2 * size || encoded[0] != 4) {
            throw new SshProtocolException("EC point must be uncompressed and " + (1 + 2 * size) + " bytes");
        }
        BigInteger x = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1, 1 + size));
        BigInteger y = new BigInteger(1, java.util.Arrays.copyOfRange(encoded, 1 + size, encoded.length));
        if (!isOnCurve(params, x, y)) {
            throw new SshProtocolException("EC point is not on the curve");
        }
        return new ECPoint(x, y);
    }

    private static boolean isOnCurve(ECParameterSpec params, BigInteger x, BigInteger y) {
        BigInteger p = ((java.security.spec.ECFieldFp) params.getCurve().getField()).getP();
        if (x.signum() < 0 || y.signum() < 0 || x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            return false;
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(params.getCurve().getA().multiply(x)).add(params.getCurve().getB()).mod(p);
        return left.equals(right);
    }

    /**
     * @param params the curve
     * @return the byte length of one field element
     */
    public static int fieldBytes(ECParameterSpec params) {
        return (params.getCurve().getField().getFieldSize() + 7) / 8;
    }

    private static void copyFixed(BigInteger value, byte[] out, int offset, int size) {
        byte[] raw = value.toByteArray();
        int skip = raw.length > size ? raw.length - size : 0;
        int length = raw.length - skip;
        System.arraycopy(raw, skip, out, offset + size - length, length);
    }
}
