package org.sshstack.crypto.kex;

import java.util.function.Supplier;
import org.bouncycastle.crypto.EncapsulatedSecretExtractor;
import org.bouncycastle.crypto.EncapsulatedSecretGenerator;
import org.bouncycastle.crypto.SecretWithEncapsulation;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;

/**
 * The steps {@link MlKem768} and {@link Sntrup761} share over Bouncy Castle's KEM API: encapsulating to a checked
 * public key, and the client's key pair that checks the ciphertext length before decapsulating.
 */
final class BcKems {

    /** Builds the scheme's public key parameters from the wire bytes (inside the rejection guard). */
    interface KeyParser {
        AsymmetricKeyParameter parse(byte[] publicKey);
    }

    private BcKems() {
    }

    /**
     * Encapsulates to a public key whose length and scheme checks the caller has run; Bouncy Castle's rejection
     * becomes a {@link KeyExchangeException} "{@code keyName} rejected".
     */
    static Kem.Encapsulation encapsulate(EncapsulatedSecretGenerator generator, KeyParser parser, byte[] publicKey,
            String keyName) throws KeyExchangeException {
        try {
            SecretWithEncapsulation result = generator.generateEncapsulated(parser.parse(publicKey));
            return new Kem.Encapsulation(result.getEncapsulation(), result.getSecret());
        } catch (RuntimeException e) {
            throw new KeyExchangeException(keyName + " rejected", e);
        }
    }

    /** A client's key pair: the public key as sent, and a fresh extractor for each decapsulation. */
    static final class KeyPair implements Kem.Decapsulator {

        private final String scheme;
        private final int ciphertextLength;
        private final Supplier<byte[]> publicKey;
        private final Supplier<EncapsulatedSecretExtractor> extractor;

        KeyPair(String scheme, int ciphertextLength, Supplier<byte[]> publicKey,
                Supplier<EncapsulatedSecretExtractor> extractor) {
            this.scheme = scheme;
            this.ciphertextLength = ciphertextLength;
            this.publicKey = publicKey;
            this.extractor = extractor;
        }

        @Override
        public byte[] publicKey() {
            return publicKey.get();
        }

        @Override
        public byte[] decapsulate(byte[] ciphertext) throws KeyExchangeException {
            PeerValues.requireLength(ciphertext, ciphertextLength, scheme + " ciphertext");
            try {
                return extractor.get().extractSecret(ciphertext);
            } catch (RuntimeException e) {
                throw new KeyExchangeException(scheme + " decapsulation failed", e);
            }
        }

        @Override
        public String toString() {
            return scheme + " key pair";
        }
    }
}
