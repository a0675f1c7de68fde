package org.sshstack.crypto.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.PacketMac;

/**
 * aes128/192/256-ctr (RFC 4344 §4) with a separate MAC, in encrypt-and-MAC order (RFC 4253 §6.4) or
 * encrypt-then-MAC order (OpenSSH PROTOCOL §1.5). The counter runs on across packets of a direction.
 */
final class AesCtr {

    static final int BLOCK = 16;

    private AesCtr() {
    }

    static Cipher newCipher(int mode, byte[] key, byte[] iv) throws SshException {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new SshException(DisconnectReason.KEY_EXCHANGE_FAILED, "Cannot initialise AES-CTR", e);
        }
    }

    static void apply(Cipher cipher, byte[] buf, int off, int len) throws SshException {
        try {
            int done = cipher.update(buf, off, len, buf, off);
            if (done != len) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "AES-CTR returned " + done + " of " + len);
            }
        } catch (GeneralSecurityException e) {
            throw new SshException(DisconnectReason.PROTOCOL_ERROR, "AES-CTR failed", e);
        }
    }

    /** Seals with AES-CTR and a MAC (framing in {@link BlockCipherFraming.Sealer}). */
    static final class Sealer extends BlockCipherFraming.Sealer {

        Sealer(byte[] key, byte[] iv, PacketMac mac) throws SshException {
            super(newCipher(Cipher.ENCRYPT_MODE, key, iv), BLOCK, mac);
        }

        @Override
        void crypt(byte[] buf, int off, int len) throws SshException {
            apply(cipher, buf, off, len);
        }

        @Override
        public String toString() {
            return "AesCtr.Sealer[" + mac.algorithm().wireName() + "]";
        }
    }

    /** Opens AES-CTR packets (framing in {@link BlockCipherFraming.Opener}); a bad length fails at once. */
    static final class Opener extends BlockCipherFraming.Opener {

        Opener(byte[] key, byte[] iv, PacketMac mac) throws SshException {
            super(newCipher(Cipher.DECRYPT_MODE, key, iv), BLOCK, mac);
        }

        @Override
        void crypt(byte[] buf, int off, int len) throws SshException {
            apply(cipher, buf, off, len);
        }

        @Override
        int acceptLength(int rawLength) throws SshException {
            return Packets.checkLength(rawLength, 0, BLOCK);
        }

        @Override
        public String toString() {
            return "AesCtr.Opener[" + mac.algorithm().wireName() + "]";
        }
    }
}
