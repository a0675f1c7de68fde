package org.sshstack.crypto.kex;

import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.math.ec.rfc7748.X25519;

/**
 * X25519 key agreement for curve25519-sha256 and curve25519-sha256@libssh.org (RFC 7748 §5, RFC 8731 §3).
 *
 * <p>Public values are 32-byte strings. As RFC 8731 §3 requires, an all-zero shared secret (a low-order peer
 * point) aborts the exchange. Non-canonical u-coordinates and twist points are accepted and computed as
 * RFC 7748 §5 defines. K is the 32 output bytes read as an unsigned big-endian number, sent as an mpint
 * (RFC 8731 §3.1): see {@link SharedSecret}.
 */
public final class Curve25519 extends DhKex {

    /** Length in bytes of public values, private scalars and the shared secret (RFC 7748 §5). */
    public static final int KEY_LENGTH = 32;

    /** A stateless instance; every call takes its own randomness. */
    public Curve25519() {
    }

    /** {@inheritDoc} */
    @Override
    public KeyAgreement generate(SecureRandom random) {
        byte[] scalar = new byte[KEY_LENGTH];
        random.nextBytes(scalar); // RFC 7748 §6.1: 32 random bytes, clamped when used
        return new Pair(scalar);
    }

    /**
     * For known-answer tests: a key pair from a fixed private scalar.
     *
     * @param scalar the 32-byte private scalar k (clamped when used, RFC 7748 §5)
     * @return the key pair
     */
    static KeyAgreement fromPrivate(byte[] scalar) {
        if (scalar.length != KEY_LENGTH) {
            throw new IllegalArgumentException("X25519 scalar must be 32 bytes");
        }
        return new Pair(scalar.clone());
    }

    /** An ephemeral X25519 key pair. */
    private static final class Pair implements KeyAgreement {

        private final byte[] scalar;
        private final byte[] publicValue = new byte[KEY_LENGTH];

        Pair(byte[] scalar) {
            this.scalar = scalar;
            X25519.scalarMultBase(scalar, 0, publicValue, 0); // RFC 7748 §6.1: X25519(k, 9)
        }

        @Override
        public byte[] publicValue() {
            return publicValue.clone();
        }

        @Override
        public SharedSecret agree(byte[] peerPublicValue) throws KeyExchangeException {
            PeerValues.requireLength(peerPublicValue, KEY_LENGTH, "X25519 public value");
            byte[] shared = new byte[KEY_LENGTH];
            // RFC 7748 §5: the top bit of u is masked; RFC 8731 §3: all-zero output MUST abort
            boolean nonZero = X25519.calculateAgreement(scalar, 0, peerPublicValue, 0, shared, 0);
            if (!nonZero) {
                throw new KeyExchangeException("X25519 shared secret is all zero: peer sent a low-order point");
            }
            SharedSecret secret = SharedSecret.ofMpint(shared);
            Arrays.fill(shared, (byte) 0);
            return secret;
        }

        @Override
        public String toString() {
            return "X25519 key pair";
        }
    }
}
