package org.sshstack.crypto.kex;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMExtractor;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKEMGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyGenerationParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeKeyPairGenerator;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimeParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePrivateKeyParameters;
import org.bouncycastle.pqc.crypto.ntruprime.SNTRUPrimePublicKeyParameters;

/**
 * Streamlined NTRU Prime sntrup761 over Bouncy Castle, for sntrup761x25519-sha512(@openssh.com).
 *
 * <p>Sizes as OpenSSH's kexsntrup761x25519.c uses them: 1158-byte public key, 1039-byte ciphertext, 32-byte
 * secret. Every byte string of the right length decodes, so the checks are lengths only.
 */
public final class Sntrup761 implements Kem {

    /** Public key length. */
    public static final int PUBLIC_KEY_LENGTH = 1158;
    /** Ciphertext length. */
    public static final int CIPHERTEXT_LENGTH = 1039;
    /** Shared secret length. */
    public static final int SECRET_LENGTH = 32;

    private static final SNTRUPrimeParameters PARAMETERS = SNTRUPrimeParameters.sntrup761;

    /** A stateless instance. */
    public Sntrup761() {
    }

    /** {@inheritDoc} */
    @Override
    public int publicKeyLength() {
        return PUBLIC_KEY_LENGTH;
    }

    /** {@inheritDoc} */
    @Override
    public int ciphertextLength() {
        return CIPHERTEXT_LENGTH;
    }

    /** {@inheritDoc} */
    @Override
    public int secretLength() {
        return SECRET_LENGTH;
    }

    /** {@inheritDoc} */
    @Override
    public Decapsulator generate(SecureRandom random) {
        SNTRUPrimeKeyPairGenerator generator = new SNTRUPrimeKeyPairGenerator();
        generator.init(new SNTRUPrimeKeyGenerationParameters(random, PARAMETERS));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        byte[] publicKey = ((SNTRUPrimePublicKeyParameters) pair.getPublic()).getEncoded();
        SNTRUPrimePrivateKeyParameters privateKey = (SNTRUPrimePrivateKeyParameters) pair.getPrivate();
        return new BcKems.KeyPair("sntrup761", CIPHERTEXT_LENGTH, publicKey::clone,
                () -> new SNTRUPrimeKEMExtractor(privateKey));
    }

    /** {@inheritDoc} */
    @Override
    public Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws KeyExchangeException {
        PeerValues.requireLength(publicKey, PUBLIC_KEY_LENGTH, "sntrup761 public key");
        return BcKems.encapsulate(new SNTRUPrimeKEMGenerator(random),
                key -> new SNTRUPrimePublicKeyParameters(PARAMETERS, key.clone()), publicKey, "sntrup761 public key");
    }
}
