/**
 * SSH signature algorithms named as on the wire, with their signature blob encodings (RFC 4253 §6.6):
 * {@code ssh-ed25519} (RFC 8709), {@code ecdsa-sha2-nistp256/384/521} (RFC 5656, RFC 6979 deterministic nonces),
 * {@code rsa-sha2-256/512} (RFC 8332) and the legacy, opt-in {@code ssh-rsa} (SHA-1).
 *
 * <p>Works on JCA {@link java.security.PublicKey}/{@link java.security.PrivateKey} so it stays below the key model.
 * Start at {@link org.sshstack.crypto.signature.SignatureAlgorithms}.
 */
package org.sshstack.crypto.signature;
