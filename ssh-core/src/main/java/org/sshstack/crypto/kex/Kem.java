package org.sshstack.crypto.kex;

import java.security.SecureRandom;

/**
 * A key encapsulation mechanism as the hybrid SSH methods use it (draft-ietf-sshm-mlkem-hybrid-kex-10 §1):
 * the client makes a key pair and sends the public key, the server encapsulates a secret to it and sends the
 * ciphertext, the client decapsulates.
 */
public interface Kem {

    /** @return the exact length of a public (encapsulation) key in bytes */
    int publicKeyLength();

    /** @return the exact length of a ciphertext in bytes */
    int ciphertextLength();

    /** @return the length of the shared secret in bytes */
    int secretLength();

    /**
     * Client side: a fresh key pair.
     *
     * @param random the source of all randomness
     * @return the key pair, able to decapsulate
     */
    Decapsulator generate(SecureRandom random);

    /**
     * Server side: encapsulates a fresh secret to the client's public key.
     *
     * @param publicKey the client's public key from the wire
     * @param random the source of all randomness
     * @return the ciphertext to send and the shared secret
     * @throws KeyExchangeException if the public key has the wrong length or fails the scheme's input checks
     */
    Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws KeyExchangeException;

    /** The client's key pair. */
    interface Decapsulator {

        /** @return a copy of the public key as it goes on the wire */
        byte[] publicKey();

        /**
         * @param ciphertext the server's ciphertext from the wire
         * @return the shared secret (a wrong ciphertext of the right length gives an unrelated secret:
         *     implicit rejection)
         * @throws KeyExchangeException if the ciphertext has the wrong length
         */
        byte[] decapsulate(byte[] ciphertext) throws KeyExchangeException;
    }

    /**
     * The server's encapsulation.
     *
     * @param ciphertext the ciphertext to send
     * @param secret the shared secret
     */
    record Encapsulation(byte[] ciphertext, byte[] secret) {

        /** @return a copy of the ciphertext */
        @Override
        public byte[] ciphertext() {
            return ciphertext.clone();
        }

        /** @return a copy of the shared secret */
        @Override
        public byte[] secret() {
            return secret.clone();
        }

        /** @return the ciphertext length only, never the secret */
        @Override
        public String toString() {
            return "Encapsulation[" + ciphertext.length + " bytes]";
        }
    }
}
