package org.sshstack.keys.pem;

import java.security.PrivateKey;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Primitive;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/**
 * Reads and writes PEM key files (RFC 7468): private keys in PKCS#1, SEC1, OpenSSL DSA and PKCS#8 form, plain or
 * encrypted (PBES2, or OpenSSL's legacy {@code DEK-Info} scheme), public keys as SubjectPublicKeyInfo or PKCS#1.
 * Writes PKCS#8, plain or PBES2-encrypted. PEM files carry no comment: pairs read here have an empty comment.
 */
public final class PemKeys {

    private static final String ENCRYPTED_PKCS8 = "ENCRYPTED PRIVATE KEY";
    private static final String PKCS8 = "PRIVATE KEY";

    /** Decodes one DER body into a key pair. */
    @FunctionalInterface
    private interface Decoder {
        SshKeyPair decode(ASN1Primitive der) throws KeyFileException;
    }

    private PemKeys() {
    }

    /**
     * @param text a file's text
     * @return true if it contains a PEM block (of any label)
     */
    public static boolean isPem(String text) {
        return PemBlock.looksLikePem(text);
    }

    /**
     * Reads the first PEM private key block of a text.
     *
     * @param text the file's text
     * @param passphrase the passphrase for an encrypted key, or null; ignored for unencrypted keys
     * @return the key pair, with an empty comment
     * @throws PassphraseRequiredException if the key is encrypted and the passphrase is null or empty (as in the
     *     openssh-key-v1 and PPK readers)
     * @throws WrongPassphraseException if the passphrase does not decrypt it (the plaintext is not valid DER); after a
     *     successful decryption a structural failure, such as halves that do not match, is a plain
     *     {@link KeyFileException} (corrupt file)
     * @throws UnsupportedKeyException for an unknown label, key algorithm, curve, cipher or KDF
     * @throws KeyFileException if the file is corrupt or the private key does not match its public key
     */
    public static SshKeyPair read(String text, char[] passphrase) throws KeyFileException {
        return read(text, passphrase, KeyReadLimits.DEFAULTS);
    }

    /**
     * Reads a PEM private key under the given cost caps (only {@link KeyReadLimits#maxPbkdf2Iterations()} applies:
     * legacy PEM encryption derives its key with one MD5 round).
     *
     * @param text the file's text
     * @param passphrase the passphrase for an encrypted key, or null
     * @param limits the cost caps
     * @return the key pair, with an empty comment
     * @throws KeyFileException as {@link #read(String, char[])}
     */
    public static SshKeyPair read(String text, char[] passphrase, KeyReadLimits limits) throws KeyFileException {
        PemBlock block = PemBlock.parse(text);
        return switch (block.label()) {
            case "RSA PRIVATE KEY" -> decode(block, passphrase, PrivateKeyDecoder::pkcs1);
            case "EC PRIVATE KEY" -> decode(block, passphrase, der -> PrivateKeyDecoder.sec1(der, null));
            case "DSA PRIVATE KEY" -> decode(block, passphrase, PrivateKeyDecoder::dsa);
            case PKCS8 -> decode(block, passphrase, PrivateKeyDecoder::pkcs8);
            case ENCRYPTED_PKCS8 -> readEncryptedPkcs8(block, passphrase, limits.maxPbkdf2Iterations());
            case "OPENSSH PRIVATE KEY" -> throw new UnsupportedKeyException(
                    "an OpenSSH private key is not a PEM key: read it with the openssh-key-v1 reader");
            default -> throw new UnsupportedKeyException("unsupported PEM block " + block.label());
        };
    }

    /**
     * Reads the first PEM public key block of a text: {@code PUBLIC KEY} (SubjectPublicKeyInfo, as
     * {@code ssh-keygen -e -m PKCS8} writes) or {@code RSA PUBLIC KEY} (PKCS#1, as {@code ssh-keygen -e -m PEM} writes).
     *
     * @param text the file's text
     * @return the public key
     * @throws UnsupportedKeyException for another label or an unsupported algorithm
     * @throws KeyFileException if the file is corrupt
     */
    public static SshPublicKey readPublic(String text) throws KeyFileException {
        PemBlock block = PemBlock.parse(text);
        return switch (block.label()) {
            case "PUBLIC KEY" -> PublicKeyDecoder.spki(Der.parse(block.body(), "public key info"));
            case "RSA PUBLIC KEY" -> PublicKeyDecoder.pkcs1(Der.parse(block.body(), "RSA public key"));
            default -> throw new UnsupportedKeyException("unsupported PEM public key block " + block.label());
        };
    }

    /**
     * Writes a private key as PKCS#8 (RFC 5208, RFC 7468 §10-11). With a non-empty passphrase it is encrypted with
     * PBES2: PBKDF2-HMAC-SHA256 ({@value Pbes2#DEFAULT_ITERATIONS} iterations, 16-byte salt) and AES-256-CBC, the
     * form OpenSSL 3 writes by default (with more iterations).
     *
     * @param pair the key pair; its comment is not stored (PKCS#8 has no place for it)
     * @param passphrase the passphrase, or null or empty for an unencrypted file
     * @param random the source of salt and IV
     * @return the PEM text
     * @throws UnsupportedKeyException if the pair has no exportable private key (e.g. a security key)
     */
    public static String writePkcs8(SshKeyPair pair, char[] passphrase, SecureRandom random)
            throws UnsupportedKeyException {
        return writePkcs8(pair, passphrase, random, Pbes2.DEFAULT_ITERATIONS);
    }

    /**
     * As {@link #writePkcs8(SshKeyPair, char[], SecureRandom)} with a chosen PBKDF2 iteration count (tests use a low one).
     *
     * @param pair the key pair
     * @param passphrase the passphrase, or null or empty for an unencrypted file
     * @param random the source of salt and IV
     * @param iterations the PBKDF2 iteration count, 1 to {@value KeyReadLimits#DEFAULT_MAX_PBKDF2_ITERATIONS} (so
     *     that the default reader accepts the file)
     * @return the PEM text
     * @throws UnsupportedKeyException if the pair has no exportable private key
     */
    public static String writePkcs8(SshKeyPair pair, char[] passphrase, SecureRandom random, int iterations)
            throws UnsupportedKeyException {
        if (iterations < 1 || iterations > KeyReadLimits.DEFAULT_MAX_PBKDF2_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be 1.." + KeyReadLimits.DEFAULT_MAX_PBKDF2_ITERATIONS);
        }
        byte[] pkcs8 = pkcs8Encoding(pair.privateKey());
        try {
            if (passphrase == null || passphrase.length == 0) {
                return PemBlock.encode(PKCS8, pkcs8);
            }
            return PemBlock.encode(ENCRYPTED_PKCS8, Pbes2.encrypt(pkcs8, passphrase, random, iterations));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    private static byte[] pkcs8Encoding(PrivateKey key) throws UnsupportedKeyException {
        byte[] encoded = key == null || !"PKCS#8".equals(key.getFormat()) ? null : key.getEncoded();
        if (encoded == null) {
            throw new UnsupportedKeyException("this private key cannot be exported as PKCS#8");
        }
        return encoded;
    }

    private static SshKeyPair readEncryptedPkcs8(PemBlock block, char[] passphrase, int maxIterations)
            throws KeyFileException {
        ASN1Primitive envelope = Der.parse(block.body(), "PKCS#8 envelope");
        if (passphrase == null || passphrase.length == 0) {
            throw new PassphraseRequiredException("PKCS#8 private key is encrypted: a passphrase is required");
        }
        return decrypted(Pbes2.decrypt(envelope, passphrase, maxIterations), PrivateKeyDecoder::pkcs8);
    }

    private static SshKeyPair decode(PemBlock block, char[] passphrase, Decoder decoder) throws KeyFileException {
        if (LegacyPemEncryption.isEncrypted(block.headers())) {
            return decrypted(LegacyPemEncryption.decrypt(block, passphrase), decoder);
        }
        return decoder.decode(Der.parse(block.body(), "PEM " + block.label()));
    }

    /**
     * Decrypted bytes that are not DER mean a wrong passphrase (CBC padding matches by chance 1 time in ~256, a
     * whole valid DER structure practically never). Once the plaintext is valid DER the passphrase was right, so a
     * structural failure after it (wrong fields, halves that do not match) is reported as a corrupt file.
     */
    private static SshKeyPair decrypted(byte[] plaintext, Decoder decoder) throws KeyFileException {
        try {
            ASN1Primitive der;
            try {
                der = Der.parse(plaintext, "decrypted private key");
            } catch (UnsupportedKeyException e) {
                throw e;
            } catch (KeyFileException e) {
                throw new WrongPassphraseException("wrong passphrase: the decrypted private key does not parse");
            }
            return decoder.decode(der);
        } finally {
            Arrays.fill(plaintext, (byte) 0);
        }
    }

}
