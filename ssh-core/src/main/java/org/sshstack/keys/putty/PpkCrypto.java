package org.sshstack.keys.putty;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.BlockCipher;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.CBCBlockCipher;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.sshstack.keys.Passphrases;
import org.sshstack.wire.SshWriter;

/**
 * The key derivation, cipher and MAC of PPK files (PuTTY manual C.4 for v3, C.5 for v2). The caller wipes what it
 * gets back.
 */
final class PpkCrypto {

    /** AES block size: the private blob of an encrypted file is padded to a multiple of it. */
    static final int BLOCK = 16;

    private static final byte[] V2_MAC_PREFIX = "putty-private-key-file-mac-key".getBytes(StandardCharsets.US_ASCII);

    /**
     * Derived key material.
     *
     * @param cipherKey the AES-256 key (empty for unencrypted files)
     * @param iv the CBC IV (empty for unencrypted files)
     * @param macKey the HMAC key
     */
    record Keys(byte[] cipherKey, byte[] iv, byte[] macKey) {

        /** Overwrites all three with zeros. */
        void wipe() {
            Arrays.fill(cipherKey, (byte) 0);
            Arrays.fill(iv, (byte) 0);
            Arrays.fill(macKey, (byte) 0);
        }

        @Override
        public String toString() {
            return "PpkCrypto.Keys[hidden]";
        }
    }

    private PpkCrypto() {
    }

    /**
     * PPK v3 (C.4): Argon2 over the passphrase, no secret or associated data, 80 bytes of output split into the
     * 32-byte AES key, the 16-byte IV and the 32-byte HMAC-SHA-256 key. Unencrypted files use all-empty keys.
     *
     * @param settings the Argon2 parameters (validated), or null for an unencrypted file
     * @param passphrase the passphrase (ignored when unencrypted)
     * @return the keys
     */
    static Keys deriveV3(Argon2Settings settings, char[] passphrase) {
        if (settings == null) {
            return new Keys(new byte[0], new byte[0], new byte[0]);
        }
        int type = switch (settings.flavour()) {
            case "Argon2d" -> Argon2Parameters.ARGON2_d;
            case "Argon2i" -> Argon2Parameters.ARGON2_i;
            default -> Argon2Parameters.ARGON2_id;
        };
        Argon2Parameters params = new Argon2Parameters.Builder(type)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(settings.memoryKib())
                .withIterations(settings.passes())
                .withParallelism(settings.parallelism())
                .withSalt(settings.salt())
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(params);
        byte[] pass = Passphrases.utf8(passphrase);
        byte[] out = new byte[80];
        try {
            generator.generateBytes(pass, out);
            return new Keys(Arrays.copyOfRange(out, 0, 32), Arrays.copyOfRange(out, 32, 48),
                    Arrays.copyOfRange(out, 48, 80));
        } finally {
            Arrays.fill(pass, (byte) 0);
            Arrays.fill(out, (byte) 0);
        }
    }

    /**
     * PPK v2 (C.5): the AES key is the first 32 bytes of SHA-1(uint32 0 || passphrase) || SHA-1(uint32 1 ||
     * passphrase), the IV is zero, and the HMAC-SHA-1 key is SHA-1("putty-private-key-file-mac-key" || passphrase),
     * with an empty passphrase for unencrypted files.
     *
     * @param encrypted whether the file is encrypted
     * @param passphrase the passphrase (ignored when unencrypted)
     * @return the keys
     */
    static Keys deriveV2(boolean encrypted, char[] passphrase) {
        byte[] pass = encrypted ? Passphrases.utf8(passphrase) : new byte[0];
        try {
            byte[] macKey = sha1(V2_MAC_PREFIX, pass);
            if (!encrypted) {
                return new Keys(new byte[0], new byte[0], macKey);
            }
            byte[] first = sha1(new byte[] {0, 0, 0, 0}, pass);
            byte[] second = sha1(new byte[] {0, 0, 0, 1}, pass);
            byte[] key = new byte[32];
            System.arraycopy(first, 0, key, 0, 20);
            System.arraycopy(second, 0, key, 20, 12);
            Arrays.fill(first, (byte) 0);
            Arrays.fill(second, (byte) 0);
            return new Keys(key, new byte[BLOCK], macKey);
        } finally {
            Arrays.fill(pass, (byte) 0);
        }
    }

    /**
     * The Private-MAC (C.3): HMAC over string algorithm, string encryption, string comment, string public blob and
     * string private blob (the padded plaintext); HMAC-SHA-256 for v3, HMAC-SHA-1 for v2.
     *
     * @param version 2 or 3
     * @param macKey the MAC key (may be empty)
     * @param file the file's fields (its private blob is ignored)
     * @param privatePlain the decrypted, padded private blob
     * @return the MAC
     */
    static byte[] mac(int version, byte[] macKey, PpkFile file, byte[] privatePlain) {
        SshWriter data = new SshWriter(privatePlain.length + file.publicBlob().length + 256);
        data.writeString(file.algorithm()).writeString(file.encryption()).writeString(file.comment())
                .writeString(file.publicBlob()).writeString(privatePlain);
        byte[] bytes = data.toByteArray();
        data.wipe();
        HMac hmac = new HMac(version == 2 ? new SHA1Digest() : new SHA256Digest());
        hmac.init(new KeyParameter(macKey));
        hmac.update(bytes, 0, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        byte[] out = new byte[hmac.getMacSize()];
        hmac.doFinal(out, 0);
        return out;
    }

    /**
     * AES-256-CBC without padding (the blob is already a whole number of blocks).
     *
     * @param encrypt true to encrypt
     * @param keys the key and IV
     * @param input a multiple of 16 bytes
     * @return the result
     */
    static byte[] aesCbc(boolean encrypt, Keys keys, byte[] input) {
        BlockCipher cbc = CBCBlockCipher.newInstance(AESEngine.newInstance());
        cbc.init(encrypt, new ParametersWithIV(new KeyParameter(keys.cipherKey()), keys.iv()));
        byte[] out = new byte[input.length];
        for (int i = 0; i < input.length; i += BLOCK) {
            cbc.processBlock(input, i, out, i);
        }
        return out;
    }

    private static byte[] sha1(byte[] prefix, byte[] pass) {
        Digest sha1 = new SHA1Digest();
        sha1.update(prefix, 0, prefix.length);
        sha1.update(pass, 0, pass.length);
        byte[] out = new byte[sha1.getDigestSize()];
        sha1.doFinal(out, 0);
        return out;
    }
}
