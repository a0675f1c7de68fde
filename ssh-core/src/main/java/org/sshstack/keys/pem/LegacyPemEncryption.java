package org.sshstack.keys.pem;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.bouncycastle.crypto.DataLengthException;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.Passphrases;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/**
 * OpenSSL's legacy PEM encryption: {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info: <cipher>,<hex IV>} headers
 * (RFC 1421 §4.6.1, RFC 1423 §1.1), the key derived with EVP_BytesToKey (MD5, one iteration, the first 8 IV bytes as salt).
 */
final class LegacyPemEncryption {

    private LegacyPemEncryption() {
    }

    /**
     * @param headers the block's headers
     * @return true if they say the body is encrypted
     */
    static boolean isEncrypted(Map<String, String> headers) {
        String procType = headers.get("Proc-Type");
        return procType != null && procType.replace(" ", "").equals("4,ENCRYPTED");
    }

    /**
     * @param block an encrypted block
     * @param passphrase the passphrase, or null
     * @return the decrypted DER (the caller parses it; a parse failure means a wrong passphrase)
     * @throws KeyFileException if the headers are malformed, the cipher unknown or the passphrase wrong or missing
     */
    static byte[] decrypt(PemBlock block, char[] passphrase) throws KeyFileException {
        String dekInfo = block.headers().get("DEK-Info");
        if (dekInfo == null) {
            throw new KeyFileException("encrypted PEM block has no DEK-Info header");
        }
        int comma = dekInfo.indexOf(',');
        if (comma < 0) {
            throw new KeyFileException("PEM DEK-Info header is malformed");
        }
        Ciphers.Cbc cipher = Ciphers.byOpenSslName(dekInfo.substring(0, comma).strip());
        byte[] iv = parseIv(dekInfo.substring(comma + 1).strip(), cipher.blockSize());
        if (passphrase == null || passphrase.length == 0) {
            throw new PassphraseRequiredException("PEM private key is encrypted: a passphrase is required");
        }
        if (block.body().length == 0 || block.body().length % cipher.blockSize() != 0) {
            throw new KeyFileException("encrypted PEM body is not a whole number of cipher blocks");
        }
        byte[] key = bytesToKey(passphrase, Arrays.copyOf(iv, 8), cipher.keyLength());
        try {
            return Ciphers.run(cipher, false, key, iv, block.body());
        } catch (InvalidCipherTextException | DataLengthException e) {
            throw new WrongPassphraseException("wrong passphrase for the PEM private key");
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private static byte[] parseIv(String hex, int size) throws KeyFileException {
        if (hex.length() != 2 * size) {
            throw new KeyFileException("PEM DEK-Info IV must be " + size + " bytes");
        }
        try {
            return HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("PEM DEK-Info IV is not hexadecimal");
        }
    }

    /** OpenSSL EVP_BytesToKey with MD5 and count 1: D_i = MD5(D_{i-1} || passphrase || salt), key = D_1 || D_2 ... */
    private static byte[] bytesToKey(char[] passphrase, byte[] salt, int length) throws UnsupportedKeyException {
        byte[] pass = Passphrases.utf8(passphrase);
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            byte[] key = new byte[length];
            byte[] previous = new byte[0];
            for (int filled = 0; filled < length; filled += previous.length) {
                md5.update(previous);
                md5.update(pass);
                md5.update(salt);
                previous = md5.digest();
                System.arraycopy(previous, 0, key, filled, Math.min(previous.length, length - filled));
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new UnsupportedKeyException("MD5 is not available for legacy PEM decryption");
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }
}
