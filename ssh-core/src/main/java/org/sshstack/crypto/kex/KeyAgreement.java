package org.sshstack.crypto.kex;

/**
 * One side's ephemeral key pair of a Diffie-Hellman-style agreement (X25519, ECDH, finite-field DH).
 *
 * <p>Used once: the transport sends {@link #publicValue()} and calls {@link #agree(byte[])} with the peer's
 * value as read from the wire.
 */
public interface KeyAgreement {

    /**
     * @return a copy of this side's public value as it goes on the wire: 32 bytes for X25519 (RFC 8731 §3),
     *     the uncompressed SEC1 point for ECDH (RFC 5656 §4), the unsigned big-endian magnitude of e or f for
     *     finite-field DH (the transport writes it as an mpint, RFC 4253 §8)
     */
    byte[] publicValue();

    /**
     * @param peerPublicValue the peer's public value in the same form as {@link #publicValue()}
     * @return the shared secret K, encoded as an mpint
     * @throws KeyExchangeException if the peer's value is malformed, out of range, not on the curve, or gives a
     *     degenerate secret
     */
    SharedSecret agree(byte[] peerPublicValue) throws KeyExchangeException;
}
