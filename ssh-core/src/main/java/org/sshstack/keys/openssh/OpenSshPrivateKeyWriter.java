package org.sshstack.keys.openssh;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.wire.SshWriter;

/**
 * Writes openssh-key-v1 private key files (PROTOCOL.key) as ssh-keygen does: unencrypted, or with bcrypt_pbkdf
 * (16-byte random salt, 16 rounds by default) and aes256-ctr (default) or aes256-gcm@openssh.com.
 * Immutable and thread-safe; randomness comes from the caller.
 */
public final class OpenSshPrivateKeyWriter {

    /** The cipher ssh-keygen uses for new keys. */
    public static final String DEFAULT_CIPHER = "aes256-ctr";

    /** ssh-keygen's default bcrypt round count ({@code -a 16}). */
    public static final int DEFAULT_KDF_ROUNDS = 16;

    /** Salt length ssh-keygen writes. */
    public static final int SALT_LENGTH = 16;

    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final KeyCipher cipher;
    private final int rounds;

    /** A writer with aes256-ctr and 16 rounds, like ssh-keygen. */
    public OpenSshPrivateKeyWriter() {
        this(DEFAULT_CIPHER, DEFAULT_KDF_ROUNDS);
    }

    /**
     * @param cipherName the cipher for encrypted files: {@code aes256-ctr} or {@code aes256-gcm@openssh.com}
     *     (the other AES names OpenSSH reads are accepted too)
     * @param rounds the bcrypt round count, 1..{@link OpenSshPrivateKeyReader#DEFAULT_MAX_KDF_ROUNDS} or more
     */
    public OpenSshPrivateKeyWriter(String cipherName, int rounds) {
        this.cipher = KeyCipher.fromName(cipherName).filter(c -> c != KeyCipher.NONE)
                .orElseThrow(() -> new IllegalArgumentException("unsupported cipher " + cipherName));
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be at least 1");
        }
        this.rounds = rounds;
    }

    /**
     * @param pair the key pair to write (not a security key, not a certificate); its comment is kept
     * @param passphrase the passphrase, or null/empty for an unencrypted file; not wiped
     * @param random the source of salt and check bytes
     * @return the armored file text
     * @throws UnsupportedKeyException if the key cannot be written in this format
     */
    public String write(SshKeyPair pair, char[] passphrase, SecureRandom random) throws UnsupportedKeyException {
        return write(OpenSshPrivateKey.of(pair), passphrase, random);
    }

    /**
     * @param key the key to write (security keys need their {@link SecurityKeyHandle})
     * @param passphrase the passphrase, or null/empty for an unencrypted file; not wiped
     * @param random the source of salt and check bytes
     * @return the armored file text
     * @throws UnsupportedKeyException if the key cannot be written in this format
     */
    public String write(OpenSshPrivateKey key, char[] passphrase, SecureRandom random)
            throws UnsupportedKeyException {
        return OpenSshArmor.encode(encode(key, passphrase, random));
    }

    /**
     * @param key the key to write
     * @param passphrase the passphrase, or null/empty for an unencrypted file; not wiped
     * @param random the source of salt and check bytes
     * @return the binary (un-armored) form
     * @throws UnsupportedKeyException if the key cannot be written in this format
     */
    public byte[] encode(OpenSshPrivateKey key, char[] passphrase, SecureRandom random)
            throws UnsupportedKeyException {
        Objects.requireNonNull(random, "random");
        boolean encrypt = passphrase != null && passphrase.length > 0;
        KeyCipher used = encrypt ? cipher : KeyCipher.NONE;
        SshWriter out = new SshWriter(1024).writeBytes(MAGIC).writeString(used.sshName());
        byte[] keyMaterial = null;
        if (encrypt) {
            byte[] salt = new byte[SALT_LENGTH];
            random.nextBytes(salt);
            out.writeString("bcrypt").writeString(new SshWriter(32).writeString(salt).writeUint32(rounds)
                    .toByteArray());
            keyMaterial = BcryptPbkdf.derive(passphrase, salt, rounds, used.keyMaterialLength());
        } else {
            out.writeString("none").writeString(new byte[0]);
        }
        out.writeUint32(1).writeString(key.keyPair().publicKey().blob());
        byte[] plain = privateSection(key, used, random);
        try {
            byte[] sealed = encrypt ? used.encrypt(keyMaterial, plain) : plain.clone();
            out.writeUint32(plain.length).writeBytes(sealed);
            return out.toByteArray();
        } finally {
            Arrays.fill(plain, (byte) 0);
            if (keyMaterial != null) {
                Arrays.fill(keyMaterial, (byte) 0);
            }
        }
    }

    // PROTOCOL.key §3: checkint, checkint, private key, comment, padding 1, 2, 3, ...
    private static byte[] privateSection(OpenSshPrivateKey key, KeyCipher cipher, SecureRandom random)
            throws UnsupportedKeyException {
        SshWriter section = new SshWriter(2048);
        try {
            int check = random.nextInt();
            section.writeUint32(check).writeUint32(check);
            PrivateKeyEncoder.write(section, key);
            section.writeString(key.keyPair().comment());
            for (int pad = 1; section.size() % cipher.blockSize() != 0; pad++) {
                section.writeByte(pad);
            }
            return section.toByteArray();
        } finally {
            section.wipe();
        }
    }
}
