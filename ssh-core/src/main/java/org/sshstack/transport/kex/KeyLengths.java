package org.sshstack.transport.kex;

import org.sshstack.crypto.cipher.CipherAlgorithm;
import org.sshstack.crypto.cipher.Ciphers;
import org.sshstack.crypto.kex.KeyExchangeException;
import org.sshstack.crypto.mac.MacAlgorithm;
import org.sshstack.crypto.mac.Macs;
import org.sshstack.transport.DirectionAlgorithms;

/**
 * How many bytes of IV, encryption key and MAC key one direction needs (RFC 4253 §7.2).
 *
 * @param iv the IV length (0 for ciphers without one)
 * @param key the encryption key length
 * @param macKey the integrity key length (0 for AEAD ciphers, whose MAC is not negotiated)
 */
public record KeyLengths(int iv, int key, int macKey) {

    /** Requires non-negative lengths of at most 1024 bytes. */
    public KeyLengths {
        if (iv < 0 || key < 0 || macKey < 0 || iv > 1024 || key > 1024 || macKey > 1024) {
            throw new IllegalArgumentException("key lengths must be 0..1024");
        }
    }

    /**
     * @param algorithms one direction's negotiated cipher and MAC
     * @return the lengths that cipher and MAC need
     * @throws KeyExchangeException if the cipher or MAC is not implemented, or a non-AEAD cipher has no MAC
     */
    public static KeyLengths of(DirectionAlgorithms algorithms) throws KeyExchangeException {
        CipherAlgorithm cipher = Ciphers.byWireName(algorithms.cipher())
                .orElseThrow(() -> new KeyExchangeException("cipher " + algorithms.cipher() + " is not implemented"));
        if (cipher.isAead()) {
            return new KeyLengths(cipher.ivLength(), cipher.keyLength(), 0);
        }
        String macName = algorithms.mac()
                .orElseThrow(() -> new KeyExchangeException("cipher " + cipher.wireName() + " needs a MAC"));
        MacAlgorithm mac = Macs.byWireName(macName)
                .orElseThrow(() -> new KeyExchangeException("MAC " + macName + " is not implemented"));
        return new KeyLengths(cipher.ivLength(), cipher.keyLength(), mac.keyLength());
    }
}
