package org.sshstack.crypto.kex;

import java.math.BigInteger;

/**
 * A finite-field Diffie-Hellman group (p, g): one of the fixed MODP groups ({@link DhGroups}) or a group a
 * server sent in SSH_MSG_KEX_DH_GEX_GROUP (RFC 4419 §3).
 *
 * <p>{@link #of(BigInteger, BigInteger)} checks what can be checked cheaply: p odd, 2048 &lt;= |p| &lt;= 8192
 * bits (RFC 8270 §4 minimum, RFC 4419 §3 maximum) and 1 &lt; g &lt; p-1. It does not test p for primality:
 * the group is covered by the exchange hash the server signs (RFC 4419 §3), so a server that sends a bad group
 * could as well disclose the secret. Whether |p| lies in the client's requested [min, max] is the transport's
 * check.
 */
public final class DhGroup {

    /** The smallest modulus accepted, in bits (RFC 8270 §4). */
    public static final int MIN_BITS = 2048;
    /** The largest modulus accepted, in bits (RFC 4419 §3). */
    public static final int MAX_BITS = 8192;

    private static final BigInteger TWO = BigInteger.TWO;

    private final BigInteger p;
    private final BigInteger g;

    private DhGroup(BigInteger p, BigInteger g) {
        this.p = p;
        this.g = g;
    }

    /**
     * @param p the prime modulus
     * @param g the generator
     * @return the validated group
     * @throws KeyExchangeException if p is even or outside 2048..8192 bits, or g is not in (1, p-1)
     */
    public static DhGroup of(BigInteger p, BigInteger g) throws KeyExchangeException {
        if (p == null || g == null) {
            throw new KeyExchangeException("DH group is missing p or g");
        }
        if (p.bitLength() < MIN_BITS || p.bitLength() > MAX_BITS) {
            throw new KeyExchangeException("DH modulus has " + p.bitLength() + " bits, allowed " + MIN_BITS
                    + ".." + MAX_BITS + " (RFC 8270, RFC 4419)");
        }
        if (!p.testBit(0)) {
            throw new KeyExchangeException("DH modulus is even");
        }
        if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
            throw new KeyExchangeException("DH generator is not in (1, p-1)");
        }
        return new DhGroup(p, g);
    }

    /** For the fixed groups: a hex modulus typed in from RFC 3526, generator 2. */
    static DhGroup fixed(String hexModulus) {
        return new DhGroup(new BigInteger(hexModulus.replaceAll("\\s", ""), 16), TWO);
    }

    /** @return the prime modulus p */
    public BigInteger p() {
        return p;
    }

    /** @return the generator g */
    public BigInteger g() {
        return g;
    }

    /** @return the modulus length in bits */
    public int bits() {
        return p.bitLength();
    }

    /** @return whether the other object is a group with the same p and g */
    @Override
    public boolean equals(Object other) {
        return other instanceof DhGroup that && p.equals(that.p) && g.equals(that.g);
    }

    /** @return a hash of p and g */
    @Override
    public int hashCode() {
        return p.hashCode() * 31 + g.hashCode();
    }

    /** @return the size and generator */
    @Override
    public String toString() {
        return "DhGroup[" + bits() + " bits, g=" + g + "]";
    }
}
