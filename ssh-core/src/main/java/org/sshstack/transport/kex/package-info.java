/**
 * The key exchange methods, sans I/O: everything between "algorithms negotiated" and SSH_MSG_NEWKEYS.
 *
 * <p>{@link org.sshstack.transport.kex.KexMethods} maps a negotiated kex name to a
 * {@link org.sshstack.transport.kex.KexMethod}; {@link org.sshstack.transport.kex.ClientKeyExchange} and
 * {@link org.sshstack.transport.kex.ServerKeyExchange} take encoded payloads in and give payloads to send and, at
 * the end, a {@link org.sshstack.transport.kex.KexResult} (exchange hash H, shared secret K, session id, host key)
 * from which {@link org.sshstack.transport.kex.KeyDerivation} derives the
 * {@link org.sshstack.transport.kex.DerivedKeys} (RFC 4253 §7.2). Message numbers 30-49 are method-specific
 * (RFC 4250 §4.1.2): each wire family has its own records, decoded only by the method in progress.
 * Nothing here opens a socket, starts a thread or reads a clock; randomness comes from the caller's
 * {@link java.security.SecureRandom}.
 */
package org.sshstack.transport.kex;
