package org.sshstack.crypto.kex;

import java.security.SecureRandom;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.MLKEMKeyPairGenerator;
import org.bouncycastle.crypto.kems.MLKEMExtractor;
import org.bouncycastle.crypto.kems.MLKEMGenerator;
import org.bouncycastle.crypto.params.MLKEMKeyGenerationParameters;
import org.bouncycastle.crypto.params.MLKEMParameters;
import org.bouncycastle.crypto.params.MLKEMPrivateKeyParameters;
import org.bouncycastle.crypto.params.MLKEMPublicKeyParameters;

/**
 * ML-KEM-768 (FIPS 203) over Bouncy Castle's lightweight API, for mlkem768x25519-sha256.
 *
 * <p>Before encapsulating, the server runs the encapsulation key checks of FIPS 203 §7.2 itself (length and
 * modulus check), as draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1 requires; the client checks the ciphertext
 * length before decapsulating (FIPS 203 §7.3).
 */
public final class MlKem768 implements Kem {

    /** Encapsulation key length: 384k + 32 with k = 3 (FIPS 203 §8, table 3). */
    public static final int PUBLIC_KEY_LENGTH = 1184;
    /** Ciphertext length: 32(du k + dv) (FIPS 203 §8, table 3). */
    public static final int CIPHERTEXT_LENGTH = 1088;
    /** Shared secret length (FIPS 203 §8). */
    public static final int SECRET_LENGTH = 32;
    /** Length of the seed d || z that determines a key pair (FIPS 203 §7.1). */
    static final int SEED_LENGTH = 64;

    private static final int Q = 3329;
    private static final int ENCODED_T_LENGTH = 384 * 3;

    /** A stateless instance. */
    public MlKem768() {
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
        MLKEMKeyPairGenerator generator = new MLKEMKeyPairGenerator();
        generator.init(new MLKEMKeyGenerationParameters(random, MLKEMParameters.ml_kem_768));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        return keyPair((MLKEMPrivateKeyParameters) pair.getPrivate());
    }

    /**
     * For known-answer tests: ML-KEM.KeyGen_internal(d, z) from the 64-byte seed d || z (FIPS 203 §6.1).
     *
     * @param seed d || z
     * @return the key pair
     * @throws KeyExchangeException if the seed is not 64 bytes
     */
    static Decapsulator fromSeed(byte[] seed) throws KeyExchangeException {
        PeerValues.requireLength(seed, SEED_LENGTH, "ML-KEM-768 seed");
        return keyPair(new MLKEMPrivateKeyParameters(MLKEMParameters.ml_kem_768, seed.clone()));
    }

    /** {@inheritDoc} */
    @Override
    public Encapsulation encapsulate(byte[] publicKey, SecureRandom random) throws KeyExchangeException {
        PeerValues.requireLength(publicKey, PUBLIC_KEY_LENGTH, "ML-KEM-768 encapsulation key");
        checkModulus(publicKey);
        return BcKems.encapsulate(new MLKEMGenerator(random),
                key -> new MLKEMPublicKeyParameters(MLKEMParameters.ml_kem_768, key), publicKey,
                "ML-KEM-768 encapsulation key");
    }

    /**
     * FIPS 203 §7.2 modulus check: ByteEncode12(ByteDecode12(ek[0:384k])) = ek[0:384k], that is, every
     * 12-bit coefficient of t is below q.
     */
    private static void checkModulus(byte[] ek) throws KeyExchangeException {
        for (int i = 0; i < ENCODED_T_LENGTH; i += 3) {
            int b0 = ek[i] & 0xff;
            int b1 = ek[i + 1] & 0xff;
            int b2 = ek[i + 2] & 0xff;
            int c0 = b0 | (b1 & 0x0f) << 8;
            int c1 = b1 >>> 4 | b2 << 4;
            if (c0 >= Q || c1 >= Q) {
                throw new KeyExchangeException("ML-KEM-768 encapsulation key fails the modulus check (FIPS 203 §7.2)");
            }
        }
    }

    private static Decapsulator keyPair(MLKEMPrivateKeyParameters privateKey) {
        return new BcKems.KeyPair("ML-KEM-768", CIPHERTEXT_LENGTH, privateKey::getPublicKey,
                () -> new MLKEMExtractor(privateKey));
    }
}
