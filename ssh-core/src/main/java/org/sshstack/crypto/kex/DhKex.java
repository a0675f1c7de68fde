package org.sshstack.crypto.kex;

import java.security.SecureRandom;

/**
 * The shared {@link KexPrimitive} shape of the Diffie-Hellman-style methods: both sides make an ephemeral
 * {@link KeyAgreement}, send its public value and agree on the peer's (RFC 4253 §8, RFC 5656 §4, RFC 8731 §3).
 */
public abstract class DhKex implements KexPrimitive {

    /** For the wire families in this package. */
    DhKex() {
    }

    /**
     * @param random the source of the private key
     * @return a fresh ephemeral key pair
     */
    public abstract KeyAgreement generate(SecureRandom random);

    /** {@inheritDoc} */
    @Override
    public final Initiator start(SecureRandom random) {
        KeyAgreement mine = generate(random);
        return new Initiator() {
            @Override
            public byte[] clientValue() {
                return mine.publicValue();
            }

            @Override
            public SharedSecret complete(byte[] serverValue) throws KeyExchangeException {
                return mine.agree(serverValue);
            }
        };
    }

    /** {@inheritDoc} */
    @Override
    public final Response respond(byte[] clientValue, SecureRandom random) throws KeyExchangeException {
        KeyAgreement mine = generate(random);
        SharedSecret secret = mine.agree(clientValue);
        return new Response(mine.publicValue(), secret);
    }
}
