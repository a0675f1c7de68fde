/**
 * Packet ciphers of the SSH binary packet protocol (RFC 4253 §6): per-direction {@link
 * org.sshstack.crypto.cipher.PacketSealer sealers} and {@link org.sshstack.crypto.cipher.PacketOpener openers} for
 * AES-CTR with a MAC (encrypt-and-MAC or encrypt-then-MAC), AES-GCM (RFC 5647) and OpenSSH's chacha20-poly1305.
 *
 * <p>Buffer layout used by every sealer and opener, starting at the caller's offset:
 * {@code uint32 packet_length, byte padding_length, payload, padding, MAC or tag}. Work happens in place.
 */
package org.sshstack.crypto.cipher;
