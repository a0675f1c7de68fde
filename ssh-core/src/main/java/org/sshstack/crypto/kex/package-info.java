/**
 * Key agreement primitives for the SSH key exchange methods, one small class per wire family.
 *
 * <p>Two shapes: {@link org.sshstack.crypto.kex.KeyAgreement} for the Diffie-Hellman-style methods
 * ({@link org.sshstack.crypto.kex.Curve25519}, {@link org.sshstack.crypto.kex.EcdhNistp},
 * {@link org.sshstack.crypto.kex.FiniteFieldDh}) and {@link org.sshstack.crypto.kex.Kem} for the
 * post-quantum KEMs ({@link org.sshstack.crypto.kex.MlKem768}, {@link org.sshstack.crypto.kex.Sntrup761}).
 * Every method the transport negotiates is a {@link org.sshstack.crypto.kex.KexPrimitive}: the client sends
 * one value, the server answers with one value, and both end with the same
 * {@link org.sshstack.crypto.kex.SharedSecret} K, which knows whether it enters the exchange hash as an mpint
 * or as a string. The exchange hash, host key signature and key derivation live in the transport.
 *
 * <p>Randomness always comes from the caller's {@link java.security.SecureRandom}. Bad peer input fails with
 * the checked {@link org.sshstack.crypto.kex.KeyExchangeException} (KEY_EXCHANGE_FAILED), never an unchecked
 * exception.
 */
package org.sshstack.crypto.kex;
