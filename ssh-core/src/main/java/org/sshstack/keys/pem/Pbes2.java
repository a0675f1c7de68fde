package org.sshstack.keys.pem;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA224Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA384Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.Passphrases;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/**
 * PBES2 with PBKDF2 (RFC 8018 §6.2, §5.2, appendix A.2-A.4, B.2) over an EncryptedPrivateKeyInfo (RFC 5958 §3): the
 * scheme {@code openssl pkcs8 -topk8 -v2} and {@code ssh-keygen -m PKCS8} write.
 */
final class Pbes2 {

    /** Iterations written: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
    static final int DEFAULT_ITERATIONS = 600_000;

    private static final int SALT_LENGTH = 16;

    private Pbes2() {
    }

    /**
     * @param der the EncryptedPrivateKeyInfo
     * @param passphrase the passphrase
     * @param maxIterations the most PBKDF2 iterations accepted (a hostile file must not buy unbounded CPU)
     * @return the PrivateKeyInfo DER (a parse failure of it means a wrong passphrase)
     * @throws KeyFileException if the structure is malformed, the scheme unsupported or the padding wrong
     */
    static byte[] decrypt(ASN1Primitive der, char[] passphrase, int maxIterations) throws KeyFileException {
        EncryptedPrivateKeyInfo info = Der.convert(() -> EncryptedPrivateKeyInfo.getInstance(der), "PKCS#8 envelope");
        AlgorithmIdentifier algorithm = info.getEncryptionAlgorithm();
        if (!PKCSObjectIdentifiers.id_PBES2.equals(algorithm.getAlgorithm())) {
            throw new UnsupportedKeyException("unsupported PKCS#8 encryption " + algorithm.getAlgorithm()
                    + " (only PBES2 is supported)");
        }
        PBES2Parameters params = Der.convert(() -> PBES2Parameters.getInstance(algorithm.getParameters()),
                "PBES2 parameters");
        KeyDerivationFunc kdf = params.getKeyDerivationFunc();
        if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
            throw new UnsupportedKeyException("unsupported PBES2 key derivation " + kdf.getAlgorithm());
        }
        PBKDF2Params pbkdf2 = Der.convert(() -> PBKDF2Params.getInstance(kdf.getParameters()), "PBKDF2 parameters");
        Ciphers.Cbc cipher = cipherFor(params.getEncryptionScheme().getAlgorithm());
        byte[] iv = Der.convert(() -> ASN1OctetString.getInstance(params.getEncryptionScheme().getParameters()),
                "PBES2 IV").getOctets();
        if (iv.length != cipher.blockSize()) {
            throw new KeyFileException("PBES2 IV has the wrong length");
        }
        byte[] encrypted = info.getEncryptedData();
        if (encrypted.length == 0 || encrypted.length % cipher.blockSize() != 0) {
            throw new KeyFileException("PKCS#8 ciphertext is not a whole number of cipher blocks");
        }
        byte[] key = derive(pbkdf2, passphrase, cipher.keyLength(), maxIterations);
        try {
            return Ciphers.run(cipher, false, key, iv, encrypted);
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new WrongPassphraseException("wrong passphrase for the PKCS#8 private key");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * @param privateKeyInfo the PKCS#8 DER to protect
     * @param passphrase the passphrase
     * @param random the source of salt and IV
     * @param iterations the PBKDF2 iteration count
     * @return the EncryptedPrivateKeyInfo DER: PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC
     */
    static byte[] encrypt(byte[] privateKeyInfo, char[] passphrase, SecureRandom random, int iterations) {
        byte[] salt = new byte[SALT_LENGTH];
        byte[] iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        AlgorithmIdentifier prf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
        PBKDF2Params pbkdf2 = new PBKDF2Params(salt, iterations, prf);
        byte[] key = pbkdf2(new SHA256Digest(), passphrase, salt, iterations, 32);
        try {
            byte[] encrypted = Ciphers.run(new Ciphers.Cbc("AES-256-CBC", 32, true), true, key, iv, privateKeyInfo);
            PBES2Parameters params = new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, pbkdf2),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv)));
            AlgorithmIdentifier algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params);
            return new EncryptedPrivateKeyInfo(algorithm, encrypted).getEncoded("DER");
        } catch (InvalidCipherTextException | IOException e) {
            throw new IllegalStateException("PBES2 encryption failed", e);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] derive(PBKDF2Params params, char[] passphrase, int keyLength, int maxIterations)
            throws KeyFileException {
        BigInteger iterations = params.getIterationCount();
        if (iterations.signum() <= 0 || iterations.compareTo(BigInteger.valueOf(maxIterations)) > 0) {
            throw new UnsupportedKeyException("PBKDF2 iteration count is outside 1.." + maxIterations);
        }
        BigInteger declared = params.getKeyLength();
        if (declared != null && !declared.equals(BigInteger.valueOf(keyLength))) {
            throw new KeyFileException("PBKDF2 key length does not match the cipher");
        }
        byte[] salt = params.getSalt();
        return pbkdf2(prfDigest(params.getPrf().getAlgorithm()), passphrase, salt, iterations.intValue(), keyLength);
    }

    private static byte[] pbkdf2(Digest digest, char[] passphrase, byte[] salt, int iterations, int keyLength) {
        byte[] pass = Passphrases.utf8(passphrase);
        try {
            PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(digest);
            generator.init(pass, salt, iterations);
            return ((KeyParameter) generator.generateDerivedParameters(keyLength * 8)).getKey();
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    private static Digest prfDigest(ASN1ObjectIdentifier prf) throws UnsupportedKeyException {
        if (PKCSObjectIdentifiers.id_hmacWithSHA1.equals(prf)) {
            return new SHA1Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA224.equals(prf)) {
            return new SHA224Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA256.equals(prf)) {
            return new SHA256Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA384.equals(prf)) {
            return new SHA384Digest();
        } else if (PKCSObjectIdentifiers.id_hmacWithSHA512.equals(prf)) {
            return new SHA512Digest();
        }
        throw new UnsupportedKeyException("unsupported PBKDF2 PRF " + prf);
    }

    private static Ciphers.Cbc cipherFor(ASN1ObjectIdentifier oid) throws UnsupportedKeyException {
        if (NISTObjectIdentifiers.id_aes128_CBC.equals(oid)) {
            return new Ciphers.Cbc("AES-128-CBC", 16, true);
        } else if (NISTObjectIdentifiers.id_aes192_CBC.equals(oid)) {
            return new Ciphers.Cbc("AES-192-CBC", 24, true);
        } else if (NISTObjectIdentifiers.id_aes256_CBC.equals(oid)) {
            return new Ciphers.Cbc("AES-256-CBC", 32, true);
        } else if (PKCSObjectIdentifiers.des_EDE3_CBC.equals(oid)) {
            return new Ciphers.Cbc("DES-EDE3-CBC", 24, false);
        }
        throw new UnsupportedKeyException("unsupported PBES2 cipher " + oid);
    }
}
