package org.sshstack.keys.openssh;

import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Optional;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sshstack.keys.WrongPassphraseException;

/**
 * The ciphers an openssh-key-v1 file may name (OpenSSH cipher.c): key and IV sizes, block size, tag length,
 * and one-shot encryption of the private section with key material from bcrypt_pbkdf (key || IV).
 */
enum KeyCipher {
    NONE("none", 0, 0, 8, 0, null),
    AES128_CTR("aes128-ctr", 16, 16, 16, 0, "AES/CTR/NoPadding"),
    AES192_CTR("aes192-ctr", 24, 16, 16, 0, "AES/CTR/NoPadding"),
    AES256_CTR("aes256-ctr", 32, 16, 16, 0, "AES/CTR/NoPadding"),
    AES128_CBC("aes128-cbc", 16, 16, 16, 0, "AES/CBC/NoPadding"),
    AES192_CBC("aes192-cbc", 24, 16, 16, 0, "AES/CBC/NoPadding"),
    AES256_CBC("aes256-cbc", 32, 16, 16, 0, "AES/CBC/NoPadding"),
    AES128_GCM("aes128-gcm@openssh.com", 16, 12, 16, 16, "AES/GCM/NoPadding"),
    AES256_GCM("aes256-gcm@openssh.com", 32, 12, 16, 16, "AES/GCM/NoPadding");

    private final String sshName;
    private final int keyLength;
    private final int ivLength;
    private final int blockSize;
    private final int tagLength;
    private final String transformation;

    KeyCipher(String sshName, int keyLength, int ivLength, int blockSize, int tagLength, String transformation) {
        this.sshName = sshName;
        this.keyLength = keyLength;
        this.ivLength = ivLength;
        this.blockSize = blockSize;
        this.tagLength = tagLength;
        this.transformation = transformation;
    }

    static Optional<KeyCipher> fromName(String name) {
        for (KeyCipher cipher : values()) {
            if (cipher.sshName.equals(name)) {
                return Optional.of(cipher);
            }
        }
        return Optional.empty();
    }

    String sshName() {
        return sshName;
    }

    /** @return how many bytes of key material (key then IV) the KDF must produce */
    int keyMaterialLength() {
        return keyLength + ivLength;
    }

    int blockSize() {
        return blockSize;
    }

    /** @return the length of the authentication tag that follows the encrypted section (PROTOCOL.key, GCM) */
    int tagLength() {
        return tagLength;
    }

    /**
     * @param keyMaterial key || IV from the KDF
     * @param plain the padded private section
     * @return ciphertext followed by the tag, if any
     */
    byte[] encrypt(byte[] keyMaterial, byte[] plain) {
        try {
            return init(Cipher.ENCRYPT_MODE, keyMaterial).doFinal(plain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(sshName + " is not available", e);
        }
    }

    /**
     * @param keyMaterial key || IV from the KDF
     * @param sealed ciphertext followed by the tag, if any
     * @return the plaintext
     * @throws WrongPassphraseException if the GCM tag does not verify (a wrong passphrase or a corrupt file)
     */
    byte[] decrypt(byte[] keyMaterial, byte[] sealed) throws WrongPassphraseException {
        try {
            return init(Cipher.DECRYPT_MODE, keyMaterial).doFinal(sealed);
        } catch (AEADBadTagException e) {
            throw new WrongPassphraseException("wrong passphrase: the private key's authentication tag did not verify");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(sshName + " is not available", e);
        }
    }

    private Cipher init(int mode, byte[] keyMaterial) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance(transformation);
        SecretKeySpec key = new SecretKeySpec(keyMaterial, 0, keyLength, "AES");
        byte[] iv = Arrays.copyOfRange(keyMaterial, keyLength, keyLength + ivLength);
        if (tagLength > 0) {
            cipher.init(mode, key, new GCMParameterSpec(tagLength * 8, iv));
        } else {
            cipher.init(mode, key, new IvParameterSpec(iv));
        }
        Arrays.fill(iv, (byte) 0);
        return cipher;
    }
}
