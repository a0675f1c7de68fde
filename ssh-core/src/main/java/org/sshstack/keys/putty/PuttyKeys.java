package org.sshstack.keys.putty;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.KeyReadLimits;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.PublicKeyCodec;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.SshPublicKey;
import org.sshstack.keys.StandardPublicKey;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;

/**
 * Reads PuTTY private key files (PPK versions 2 and 3) and writes version 3 (PuTTY manual appendix C). Types:
 * ssh-ed25519, ecdsa-sha2-nistp256/384/521, ssh-rsa and (read and write, legacy) ssh-dss. The MAC is checked before
 * the private blob is parsed, and the private key is checked against the public key.
 */
public final class PuttyKeys {

    private static final String ENCRYPTED = "aes256-cbc";
    private static final String NONE = "none";
    private static final int SALT_LENGTH = 16;

    private PuttyKeys() {
    }

    /**
     * @param text a file's text
     * @return true if it starts like a PPK file (any version)
     */
    public static boolean isPpk(String text) {
        return text != null && text.startsWith(PpkFile.MAGIC);
    }

    /**
     * @param text the file's text
     * @param passphrase the passphrase for an encrypted file, or null; ignored for unencrypted files
     * @return the verified key pair with the file's comment
     * @throws PassphraseRequiredException if the file is encrypted and the passphrase is null or empty (as in the
     *     openssh-key-v1 and PEM readers)
     * @throws WrongPassphraseException if the MAC of an encrypted file does not verify (wrong passphrase, or a file
     *     tampered with)
     * @throws UnsupportedKeyException for an unknown version, key type, encryption or KDF, or Argon2 parameters
     *     beyond the caps of {@link Argon2Settings}
     * @throws KeyFileException if the file is corrupt (including a MAC mismatch in an unencrypted file)
     */
    public static SshKeyPair read(String text, char[] passphrase) throws KeyFileException {
        return read(text, passphrase, KeyReadLimits.DEFAULTS);
    }

    /**
     * Reads a PPK file under the given cost caps ({@link KeyReadLimits#maxArgon2MemoryKib()},
     * {@link KeyReadLimits#maxArgon2Work()}).
     *
     * @param text the file's text
     * @param passphrase the passphrase for an encrypted file, or null; ignored for unencrypted files
     * @param limits the cost caps
     * @return the verified key pair with the file's comment
     * @throws KeyFileException as {@link #read(String, char[])}
     */
    public static SshKeyPair read(String text, char[] passphrase, KeyReadLimits limits) throws KeyFileException {
        PpkFile file = PpkFile.parse(text);
        if (file.argon2() != null) {
            file.argon2().checkCost(limits);
        }
        boolean encrypted = file.encryption().equals(ENCRYPTED);
        if (encrypted && (passphrase == null || passphrase.length == 0)) {
            throw new PassphraseRequiredException("PuTTY key file is encrypted: a passphrase is required");
        }
        if (encrypted && file.privateBlob().length % PpkCrypto.BLOCK != 0) {
            throw new KeyFileException("PPK encrypted private blob is not a whole number of AES blocks");
        }
        PpkCrypto.Keys keys = file.version() == 3 ? PpkCrypto.deriveV3(file.argon2(), passphrase)
                : PpkCrypto.deriveV2(encrypted, passphrase);
        byte[] plain = encrypted ? PpkCrypto.aesCbc(false, keys, file.privateBlob()) : file.privateBlob();
        try {
            byte[] mac = PpkCrypto.mac(file.version(), keys.macKey(), file, plain);
            if (!MessageDigest.isEqual(mac, file.mac())) {
                if (encrypted) {
                    throw new WrongPassphraseException("wrong passphrase for the PuTTY key file (or the file was altered)");
                }
                throw new KeyFileException("PuTTY key file is corrupt: its MAC does not verify");
            }
            return PpkPrivateBlob.decode(publicKey(file), plain, encrypted ? PpkCrypto.BLOCK - 1 : 0, file.comment());
        } finally {
            keys.wipe();
            if (encrypted) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /**
     * Writes a PPK version 3 file with puttygen's defaults: with a non-empty passphrase, AES-256-CBC under Argon2id,
     * {@value Argon2Settings#DEFAULT_MEMORY_KIB} KiB, {@value Argon2Settings#DEFAULT_PASSES} passes, parallelism 1,
     * a 16-byte random salt.
     *
     * @param pair the key pair; its comment must not contain a line break
     * @param passphrase the passphrase, or null or empty for an unencrypted file
     * @param random the source of salt and padding
     * @return the file's text
     * @throws UnsupportedKeyException if the key type or private key cannot be written
     */
    public static String writeV3(SshKeyPair pair, char[] passphrase, SecureRandom random)
            throws UnsupportedKeyException {
        return writeV3(pair, passphrase, random, Argon2Settings.DEFAULT_MEMORY_KIB, Argon2Settings.DEFAULT_PASSES);
    }

    /**
     * As {@link #writeV3(SshKeyPair, char[], SecureRandom)} with chosen Argon2id cost (tests use low values).
     *
     * @param pair the key pair; its comment must not contain a line break
     * @param passphrase the passphrase, or null or empty for an unencrypted file
     * @param random the source of salt and padding
     * @param memoryKib Argon2 memory in KiB, within {@link Argon2Settings}' caps
     * @param passes Argon2 passes, within {@link Argon2Settings}' caps
     * @return the file's text
     * @throws UnsupportedKeyException if the key type or private key cannot be written, or the cost is out of bounds
     * @throws IllegalArgumentException if the comment contains a line break
     */
    public static String writeV3(SshKeyPair pair, char[] passphrase, SecureRandom random, int memoryKib, int passes)
            throws UnsupportedKeyException {
        String comment = pair.comment();
        if (comment.indexOf('\n') >= 0 || comment.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a PPK comment cannot contain a line break");
        }
        boolean encrypted = passphrase != null && passphrase.length > 0;
        Argon2Settings argon2 = encrypted ? settings(random, memoryKib, passes) : null;
        byte[] plain = padded(PpkPrivateBlob.encode(pair), encrypted, random);
        PpkFile draft = new PpkFile(3, pair.publicKey().typeName(), encrypted ? ENCRYPTED : NONE, comment,
                pair.publicKey().blob(), argon2, new byte[0], new byte[0]);
        PpkCrypto.Keys keys = PpkCrypto.deriveV3(argon2, passphrase);
        try {
            byte[] mac = PpkCrypto.mac(3, keys.macKey(), draft, plain);
            byte[] stored = encrypted ? PpkCrypto.aesCbc(true, keys, plain) : plain;
            return new PpkFile(3, draft.algorithm(), draft.encryption(), comment, draft.publicBlob(), argon2, stored,
                    mac).format();
        } finally {
            keys.wipe();
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static Argon2Settings settings(SecureRandom random, int memoryKib, int passes)
            throws UnsupportedKeyException {
        byte[] salt = new byte[SALT_LENGTH];
        random.nextBytes(salt);
        try {
            return new Argon2Settings("Argon2id", memoryKib, passes, 1, salt).validate()
                    .checkCost(KeyReadLimits.DEFAULTS); // never write a file the default reader refuses
        } catch (UnsupportedKeyException e) {
            throw e;
        } catch (KeyFileException e) {
            throw new UnsupportedKeyException(e.getMessage());
        }
    }

    /** C.3: an encrypted blob is padded with random bytes to a whole number of cipher blocks. */
    private static byte[] padded(byte[] blob, boolean encrypted, SecureRandom random) {
        if (!encrypted || blob.length % PpkCrypto.BLOCK == 0) {
            return blob;
        }
        int length = blob.length + PpkCrypto.BLOCK - blob.length % PpkCrypto.BLOCK;
        byte[] out = Arrays.copyOf(blob, length);
        byte[] padding = new byte[length - blob.length];
        random.nextBytes(padding);
        System.arraycopy(padding, 0, out, blob.length, padding.length);
        Arrays.fill(blob, (byte) 0);
        return out;
    }

    private static StandardPublicKey publicKey(PpkFile file) throws KeyFileException {
        SshPublicKey key;
        try {
            key = PublicKeyCodec.decode(file.publicBlob());
        } catch (SshProtocolException e) {
            throw new KeyFileException("PPK public key is invalid: " + e.getMessage());
        }
        if (!(key instanceof StandardPublicKey standard)) {
            throw new UnsupportedKeyException("unsupported PPK key type " + key.typeName());
        }
        if (!standard.typeName().equals(file.algorithm())) {
            throw new KeyFileException("PPK header names " + file.algorithm() + " but its public key is "
                    + standard.typeName());
        }
        return standard;
    }
}
