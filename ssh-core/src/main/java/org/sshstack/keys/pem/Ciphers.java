package org.sshstack.keys.pem;

import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.BufferedBlockCipher;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.engines.DESedeEngine;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.paddings.PKCS7Padding;
import org.bouncycastle.crypto.paddings.PaddedBufferedBlockCipher;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.sshstack.keys.UnsupportedKeyException;

/** The CBC ciphers PEM files use (AES, 3DES) with PKCS#7 padding (RFC 8018 §6.1.1, RFC 1423 §1.1), and passphrase bytes. */
final class Ciphers {

    /**
     * A CBC cipher and its key size.
     *
     * @param name the name used in messages
     * @param keyLength the key length in bytes
     * @param aes true for AES, false for DES-EDE3
     */
    record Cbc(String name, int keyLength, boolean aes) {

        /** @return the block (and IV) size */
        int blockSize() {
            return aes ? 16 : 8;
        }

        private BlockCipher engine() {
            return aes ? AESEngine.newInstance() : new DESedeEngine();
        }
    }

    private Ciphers() {
    }

    /**
     * @param name an OpenSSL cipher name as in {@code DEK-Info}
     * @return the cipher
     * @throws UnsupportedKeyException for others
     */
    static Cbc byOpenSslName(String name) throws UnsupportedKeyException {
        return switch (name) {
            case "AES-128-CBC" -> new Cbc(name, 16, true);
            case "AES-192-CBC" -> new Cbc(name, 24, true);
            case "AES-256-CBC" -> new Cbc(name, 32, true);
            case "DES-EDE3-CBC" -> new Cbc(name, 24, false);
            default -> throw new UnsupportedKeyException("unsupported PEM cipher " + name);
        };
    }

    /**
     * @param cipher the cipher
     * @param encrypt true to encrypt, false to decrypt
     * @param key the key
     * @param iv the IV (one block)
     * @param input the data
     * @return the result
     * @throws InvalidCipherTextException if the padding is wrong after decryption
     */
    static byte[] run(Cbc cipher, boolean encrypt, byte[] key, byte[] iv, byte[] input)
            throws InvalidCipherTextException {
        BufferedBlockCipher engine = new PaddedBufferedBlockCipher(CBCBlockCipher.newInstance(cipher.engine()),
                new PKCS7Padding());
        engine.init(encrypt, new ParametersWithIV(new KeyParameter(key), iv));
        byte[] out = new byte[engine.getOutputSize(input.length)];
        int length = engine.processBytes(input, 0, input.length, out, 0);
        length += engine.doFinal(out, length);
        if (length == out.length) {
            return out;
        }
        byte[] trimmed = Arrays.copyOf(out, length);
        Arrays.fill(out, (byte) 0);
        return trimmed;
    }
}
