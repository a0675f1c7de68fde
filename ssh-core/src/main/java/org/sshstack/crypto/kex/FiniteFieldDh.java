package org.sshstack.crypto.kex;

import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;

/**
 * Finite-field Diffie-Hellman over a {@link DhGroup}: diffie-hellman-group14-sha256, group16/18-sha512
 * (RFC 8268) and diffie-hellman-group-exchange-sha256 (RFC 4419).
 *
 * <p>Public values e and f travel as mpints (RFC 4253 §8); {@link KeyAgreement#publicValue()} gives their
 * unsigned big-endian magnitude and {@link KeyAgreement#agree(byte[])} reads the peer's value the same way
 * (a leading zero byte is harmless). The peer's value must satisfy 1 &lt; f &lt; p-1 (RFC 8268 §4). K = f^x
 * mod p, as a big-endian number as long as p, sent as an mpint.
 */
public final class FiniteFieldDh extends DhKex {

    /**
     * Length of the private exponent when p is longer: twice the longest key material SSH derives from K
     * (512-bit hmac-sha2-512 keys), per RFC 4419 §6.2; above RFC 3526 §8's exponent sizes for group 18.
     */
    public static final int PRIVATE_EXPONENT_BITS = 1024;

    /** diffie-hellman-group14-sha256. */
    public static final FiniteFieldDh GROUP14 = new FiniteFieldDh(DhGroups.GROUP14);
    /** diffie-hellman-group16-sha512. */
    public static final FiniteFieldDh GROUP16 = new FiniteFieldDh(DhGroups.GROUP16);
    /** diffie-hellman-group18-sha512. */
    public static final FiniteFieldDh GROUP18 = new FiniteFieldDh(DhGroups.GROUP18);

    /** LEGACY diffie-hellman-group1-sha1 (RFC 4253 §8.1): 1024-bit Oakley group 2, opt-in by name only. */
    public static final FiniteFieldDh LEGACY_GROUP1 = new FiniteFieldDh(DhGroups.LEGACY_OAKLEY_GROUP2);

    private final DhGroup group;
    private final BigInteger pMinusOne;
    private final int pLength;

    /** @param group the group, fixed or from a group exchange */
    public FiniteFieldDh(DhGroup group) {
        this.group = group;
        this.pMinusOne = group.p().subtract(BigInteger.ONE);
        this.pLength = (group.bits() + 7) / 8;
    }

    /** @return the group */
    public DhGroup group() {
        return group;
    }

    /** {@inheritDoc} */
    @Override
    public KeyAgreement generate(SecureRandom random) {
        int bits = Math.min(PRIVATE_EXPONENT_BITS, group.bits() - 1);
        while (true) {
            BigInteger x = BigIntegers.createRandomBigInteger(bits, random);
            BigInteger e = group.g().modPow(x, group.p());
            if (x.compareTo(BigInteger.ONE) > 0 && inRange(e)) { // RFC 8268 §4: never send e outside (1, p-1)
                return new Pair(x, e);
            }
        }
    }

    /**
     * For tests: a key pair from a fixed private exponent.
     *
     * @param x the private exponent, 1 &lt; x &lt; p-1
     * @return the key pair
     */
    KeyAgreement fromPrivate(BigInteger x) {
        if (x.compareTo(BigInteger.ONE) <= 0 || x.compareTo(pMinusOne) >= 0) {
            throw new IllegalArgumentException("private exponent out of range");
        }
        return new Pair(x, group.g().modPow(x, group.p()));
    }

    private boolean inRange(BigInteger value) {
        return value.compareTo(BigInteger.ONE) > 0 && value.compareTo(pMinusOne) < 0;
    }

    /** @return the group size only */
    @Override
    public String toString() {
        return "FiniteFieldDh[" + group + "]";
    }

    /** An ephemeral DH key pair in this group. */
    private final class Pair implements KeyAgreement {

        private final BigInteger x;
        private final BigInteger e;

        Pair(BigInteger x, BigInteger e) {
            this.x = x;
            this.e = e;
        }

        @Override
        public byte[] publicValue() {
            return BigIntegers.asUnsignedByteArray(e);
        }

        @Override
        public SharedSecret agree(byte[] peerPublicValue) throws KeyExchangeException {
            if (peerPublicValue == null || peerPublicValue.length > pLength + 1) {
                throw new KeyExchangeException("DH public value is missing or longer than the modulus");
            }
            BigInteger f = new BigInteger(1, peerPublicValue);
            if (!inRange(f)) {
                throw new KeyExchangeException("DH public value is not in (1, p-1) (RFC 8268 §4)");
            }
            BigInteger k = f.modPow(x, group.p());
            if (k.equals(BigInteger.ONE)) {
                throw new KeyExchangeException("DH shared secret is 1: peer value of small order");
            }
            return SharedSecret.ofMpint(BigIntegers.asUnsignedByteArray(pLength, k));
        }

        @Override
        public String toString() {
            return "DH key pair in " + group;
        }
    }
}
