package org.sshstack.crypto.kex;

import java.security.SecureRandom;

/**
 * A one-round-trip key exchange as the transport runs it: the client sends one value (Q_C, e or C_INIT), the
 * server answers with one value (Q_S, f or S_REPLY) and both derive the same {@link SharedSecret} K.
 *
 * <p>The values are the raw payloads of the INIT and REPLY messages (RFC 4253 §8, RFC 5656 §4,
 * RFC 8731 §3, draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1); the exchange hash and the signature are the
 * transport's job.
 */
public interface KexPrimitive {

    /**
     * Client side: makes this side's ephemeral keys.
     *
     * @param random the source of all randomness
     * @return the client's state, holding the value to send
     */
    Initiator start(SecureRandom random);

    /**
     * Server side: answers a client's value.
     *
     * @param clientValue the client's value from the INIT message
     * @param random the source of all randomness
     * @return the server's value to send and the shared secret
     * @throws KeyExchangeException if the client's value is invalid
     */
    Response respond(byte[] clientValue, SecureRandom random) throws KeyExchangeException;

    /** The client's half-done exchange. */
    interface Initiator {

        /** @return a copy of the client's value for the INIT message */
        byte[] clientValue();

        /**
         * @param serverValue the server's value from the REPLY message
         * @return the shared secret K
         * @throws KeyExchangeException if the server's value is invalid
         */
        SharedSecret complete(byte[] serverValue) throws KeyExchangeException;
    }

    /**
     * The server's answer.
     *
     * @param serverValue the value for the REPLY message
     * @param sharedSecret the shared secret K
     */
    record Response(byte[] serverValue, SharedSecret sharedSecret) {

        /** @return a copy of the value for the REPLY message */
        @Override
        public byte[] serverValue() {
            return serverValue.clone();
        }

        /** @return the value length and the secret's description, never its content */
        @Override
        public String toString() {
            return "Response[" + serverValue.length + " bytes, " + sharedSecret + "]";
        }
    }
}
