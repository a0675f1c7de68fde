package org.sshstack.crypto.cipher;

import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;

/**
 * aes128-gcm@openssh.com and aes256-gcm@openssh.com (RFC 5647 §7, draft-miller-sshm-aes-gcm): packet length in
 * clear as AAD, 12-byte nonce = 4-byte fixed field || 8-byte invocation counter incremented per packet, 16-byte tag.
 */
final class AesGcm {

    static final int BLOCK = 16;
    static final int TAG = 16;
    static final int NONCE = 12;

    private AesGcm() {
    }

    /** The shared state of both directions: key, JCA cipher and the running nonce. */
    private abstract static class Base {
        final Cipher cipher;
        final SecretKeySpec key;
        final byte[] nonce;

        Base(byte[] key, byte[] iv) throws SshException {
            if (iv.length != NONCE) {
                throw new IllegalArgumentException("AES-GCM needs a 12-byte IV, got " + iv.length);
            }
            this.key = new SecretKeySpec(key, "AES");
            this.nonce = iv.clone();
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new SshException(DisconnectReason.KEY_EXCHANGE_FAILED, "Cannot initialise AES-GCM", e);
            }
        }

        void init(int mode) throws SshException {
            try {
                cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce));
            } catch (GeneralSecurityException e) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "Cannot initialise AES-GCM", e);
            }
        }

        /** RFC 5647 §7.1: the invocation counter (the last 8 bytes, big-endian) is incremented after each packet. */
        void nextNonce() {
            for (int i = NONCE - 1; i >= 4; i--) {
                if (++nonce[i] != 0) {
                    return;
                }
            }
        }

        /** @return the padding alignment, as {@link PacketSealer#blockSize()} and {@link PacketOpener#blockSize()} */
        public int blockSize() {
            return BLOCK;
        }

        /** @return the tag length, as {@link PacketSealer#tagLength()} and {@link PacketOpener#tagLength()} */
        public int tagLength() {
            return TAG;
        }
    }

    /** Seals AES-GCM packets. */
    static final class Sealer extends Base implements PacketSealer {
        Sealer(byte[] key, byte[] iv) throws SshException {
            super(key, iv);
        }

        @Override
        public int alignmentOffset() {
            return 4;
        }

        @Override
        public int seal(int seq, byte[] buf, int off, int len) throws SshException {
            Packets.checkSeal(buf, off, len, 4, BLOCK, TAG);
            init(Cipher.ENCRYPT_MODE);
            try {
                // RFC 5647 §7.2: AAD = packet_length; PT = padding_length || payload || padding
                cipher.updateAAD(buf, off, 4);
                cipher.doFinal(buf, off + 4, len - 4, buf, off + 4);
            } catch (GeneralSecurityException e) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "AES-GCM encryption failed", e);
            }
            nextNonce();
            return len + TAG;
        }

        @Override
        public String toString() {
            return "AesGcm.Sealer";
        }
    }

    /** Opens AES-GCM packets; the JCA releases no plaintext before the tag has been verified. */
    static final class Opener extends Base implements PacketOpener {
        Opener(byte[] key, byte[] iv) throws SshException {
            super(key, iv);
        }

        @Override
        public int lengthBytes() {
            return 4;
        }

        @Override
        public int decryptLength(int seq, byte[] buf, int off) throws SshException {
            Packets.checkRegion(buf, off, 4);
            // RFC 5647 §7.3: the length is additional authenticated data, sent in clear
            return Packets.checkLength(Packets.readInt(buf, off), 4, BLOCK);
        }

        @Override
        public int open(int seq, byte[] buf, int off, int packetLength) throws SshException {
            Packets.checkRegion(buf, off, wireLength(packetLength));
            init(Cipher.DECRYPT_MODE);
            try {
                cipher.updateAAD(buf, off, 4);
                cipher.doFinal(buf, off + 4, packetLength + TAG, buf, off + 4);
            } catch (AEADBadTagException e) {
                throw new MacMismatchException("Corrupted MAC on input: AES-GCM tag mismatch for packet "
                        + Integer.toUnsignedString(seq));
            } catch (GeneralSecurityException e) {
                throw new SshException(DisconnectReason.PROTOCOL_ERROR, "AES-GCM decryption failed", e);
            }
            nextNonce();
            Packets.checkPadding(buf, off, packetLength);
            return 4 + packetLength;
        }

        @Override
        public String toString() {
            return "AesGcm.Opener";
        }
    }
}
