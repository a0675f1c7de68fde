package org.sshstack.keys.openssh;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.keys.KeyFileException;
import org.sshstack.keys.PassphraseRequiredException;
import org.sshstack.keys.SshKeyPair;
import org.sshstack.keys.UnsupportedKeyException;
import org.sshstack.keys.WrongPassphraseException;
import org.sshstack.wire.SshReader;

/**
 * Reads OpenSSH's own private key format, openssh-key-v1 (PROTOCOL.key), plain or encrypted with bcrypt_pbkdf
 * and AES (CTR, CBC or GCM). Every length is bounded; the KDF round count is capped because a hostile file could
 * otherwise name 2^32 rounds and burn hours of CPU before the passphrase check fails. Immutable and thread-safe.
 */
public final class OpenSshPrivateKeyReader {

    /**
     * Default cap on bcrypt rounds: 2048. ssh-keygen writes 16 by default and {@code -a 100} is common advice;
     * 2048 rounds already cost tens of seconds here, so anything above is treated as hostile unless configured.
     */
    public static final int DEFAULT_MAX_KDF_ROUNDS = org.sshstack.keys.KeyReadLimits.DEFAULT_MAX_BCRYPT_ROUNDS;

    /** Largest salt accepted; ssh-keygen writes 16 bytes. */
    public static final int MAX_SALT_LENGTH = 1024;

    /** Largest comment accepted in the private section. */
    private static final int MAX_COMMENT = 64 * 1024;

    private static final byte[] MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);

    private final int maxKdfRounds;

    /** A reader with the {@link #DEFAULT_MAX_KDF_ROUNDS default round cap}. */
    public OpenSshPrivateKeyReader() {
        this(DEFAULT_MAX_KDF_ROUNDS);
    }

    /** @param maxKdfRounds the largest bcrypt round count accepted, at least 1 */
    public OpenSshPrivateKeyReader(int maxKdfRounds) {
        if (maxKdfRounds < 1) {
            throw new IllegalArgumentException("maxKdfRounds must be at least 1");
        }
        this.maxKdfRounds = maxKdfRounds;
    }

    /**
     * @param text the contents of a key file
     * @return true if it looks like an openssh-key-v1 file (has the BEGIN OPENSSH PRIVATE KEY line)
     */
    public static boolean recognizes(CharSequence text) {
        return OpenSshArmor.recognizes(text);
    }

    /**
     * Reads an armored key file.
     *
     * @param text the file contents
     * @param passphrase the passphrase, or null; ignored for unencrypted files; not wiped
     * @return the key
     * @throws PassphraseRequiredException if the file is encrypted and no passphrase was given
     * @throws WrongPassphraseException if the passphrase is wrong
     * @throws UnsupportedKeyException for an unknown cipher, KDF or key type
     * @throws KeyFileException if the file is malformed or its halves do not match
     */
    public OpenSshPrivateKey read(String text, char[] passphrase) throws KeyFileException {
        byte[] binary = OpenSshArmor.decode(text);
        try {
            return decode(binary, passphrase);
        } finally {
            Arrays.fill(binary, (byte) 0);
        }
    }

    /**
     * Reads an armored key file and returns only the key pair.
     *
     * @param text the file contents
     * @param passphrase the passphrase, or null
     * @return the key pair (for a security key, with a null private key)
     * @throws KeyFileException as {@link #read}
     */
    public SshKeyPair readKeyPair(String text, char[] passphrase) throws KeyFileException {
        return read(text, passphrase).keyPair();
    }

    /**
     * Decodes the binary (base64-decoded) form.
     *
     * @param binary the binary key
     * @param passphrase the passphrase, or null
     * @return the key
     * @throws KeyFileException as {@link #read}
     */
    public OpenSshPrivateKey decode(byte[] binary, char[] passphrase) throws KeyFileException {
        try {
            return decodeChecked(binary, passphrase);
        } catch (SshProtocolException e) {
            throw new KeyFileException("malformed OpenSSH private key: " + e.getMessage(), e);
        }
    }

    // PROTOCOL.key §1
    private OpenSshPrivateKey decodeChecked(byte[] binary, char[] passphrase)
            throws KeyFileException, SshProtocolException {
        if (binary.length < MAGIC.length || !Arrays.equals(binary, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new KeyFileException("not an openssh-key-v1 private key (bad magic)");
        }
        SshReader in = new SshReader(binary, MAGIC.length, binary.length - MAGIC.length);
        String cipherName = in.readAscii();
        String kdfName = in.readAscii();
        byte[] kdfOptions = in.readString(MAX_SALT_LENGTH + 64);
        long keyCount = in.readUint32();
        if (keyCount != 1) {
            throw keyCount == 0 ? new KeyFileException("private key file holds no keys")
                    : new UnsupportedKeyException("private key files with " + keyCount + " keys are not supported");
        }
        byte[] publicBlob = in.readString();
        KeyCipher cipher = KeyCipher.fromName(cipherName)
                .orElseThrow(() -> new UnsupportedKeyException("unsupported private key cipher " + cipherName));
        byte[] plain = decrypt(in, cipher, kdfName, kdfOptions, passphrase);
        try {
            return parsePrivate(plain, cipher, publicBlob);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private byte[] decrypt(SshReader in, KeyCipher cipher, String kdfName, byte[] kdfOptions, char[] passphrase)
            throws KeyFileException, SshProtocolException {
        checkKdf(cipher, kdfName, kdfOptions);
        int length = in.readInt();
        if (length < cipher.blockSize() || length % cipher.blockSize() != 0) {
            throw new KeyFileException("private section length " + length + " is not a multiple of the block size");
        }
        if ((long) length + cipher.tagLength() != in.remaining()) {
            throw new KeyFileException("private section length does not match the file");
        }
        byte[] sealed = in.readBytes(length + cipher.tagLength());
        if (cipher == KeyCipher.NONE) {
            return sealed;
        }
        if (passphrase == null || passphrase.length == 0) {
            throw new PassphraseRequiredException("the OpenSSH private key is encrypted: a passphrase is required");
        }
        byte[] keyMaterial = deriveKey(kdfOptions, cipher, passphrase);
        try {
            return cipher.decrypt(keyMaterial, sealed);
        } finally {
            Arrays.fill(keyMaterial, (byte) 0);
        }
    }

    // PROTOCOL.key §2, §5: bcrypt for encrypted keys, none (with no options) for plain ones
    private static void checkKdf(KeyCipher cipher, String kdfName, byte[] kdfOptions) throws KeyFileException {
        if (cipher == KeyCipher.NONE) {
            if (!kdfName.equals("none") || kdfOptions.length != 0) {
                throw new KeyFileException("an unencrypted key must use KDF none with no options");
            }
        } else if (!kdfName.equals("bcrypt")) {
            throw kdfName.equals("none") ? new KeyFileException("an encrypted key needs a KDF")
                    : new UnsupportedKeyException("unsupported private key KDF " + kdfName);
        }
    }

    // PROTOCOL.key §2: string salt, uint32 rounds
    private byte[] deriveKey(byte[] kdfOptions, KeyCipher cipher, char[] passphrase)
            throws KeyFileException, SshProtocolException {
        SshReader options = new SshReader(kdfOptions);
        byte[] salt = options.readString(MAX_SALT_LENGTH);
        long rounds = options.readUint32();
        options.expectEnd();
        if (salt.length == 0) {
            throw new KeyFileException("bcrypt salt is empty");
        }
        if (rounds < 1) {
            throw new KeyFileException("bcrypt round count must be at least 1");
        }
        if (rounds > maxKdfRounds) { // as the other formats' cost caps (KeyReadLimits): refused, not corrupt
            throw new UnsupportedKeyException("bcrypt round count " + rounds + " is outside 1.." + maxKdfRounds
                    + " (raise the reader's cap if this key is trusted)");
        }
        return BcryptPbkdf.derive(passphrase, salt, (int) rounds, cipher.keyMaterialLength());
    }

    // PROTOCOL.key §3
    private static OpenSshPrivateKey parsePrivate(byte[] plain, KeyCipher cipher, byte[] publicBlob)
            throws KeyFileException, SshProtocolException {
        SshReader in = new SshReader(plain);
        int check1 = in.readRawInt();
        int check2 = in.readRawInt();
        if (check1 != check2) {
            throw cipher == KeyCipher.NONE ? new KeyFileException("private key check bytes do not match")
                    : new WrongPassphraseException("wrong passphrase for the OpenSSH private key");
        }
        PrivateKeyFields.Entry entry = PrivateKeyFields.read(in);
        String comment = new String(in.readString(MAX_COMMENT), StandardCharsets.UTF_8);
        checkPadding(in, cipher);
        if (!Arrays.equals(entry.publicKey().blob(), publicBlob)) {
            throw new KeyFileException("the private key does not match the public key in the file header");
        }
        SshKeyPair pair = new SshKeyPair(entry.publicKey(), entry.privateKey(), comment);
        return new OpenSshPrivateKey(pair, entry.securityKey());
    }

    private static void checkPadding(SshReader in, KeyCipher cipher) throws KeyFileException, SshProtocolException {
        int padding = in.remaining();
        if (padding >= cipher.blockSize()) {
            throw new KeyFileException("private section has " + padding + " bytes of padding");
        }
        for (int i = 1; i <= padding; i++) {
            if (in.readByte() != i) {
                throw new KeyFileException("private section padding is not 1, 2, 3, ...");
            }
        }
    }
}
