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

    /** Seals with AES-CTR and a MAC; for EtM the length stays in clear and the MAC covers the ciphertext. */
    static final class Sealer implements PacketSealer {
        private final Cipher cipher;
        private final PacketMac mac;
        private final boolean etm;

        Sealer(byte[] key, byte[] iv, PacketMac mac) throws SshException {
            this.cipher = newCipher(Cipher.ENCRYPT_MODE, key, iv);
            this.mac = mac;
            this.etm = mac.algorithm().etm();
        }

        @Override
        public int blockSize() {
            return BLOCK;
        }

        @Override
        public int alignmentOffset() {
            return etm ? 4 : 0;
        }

        @Override
        public int tagLength() {
            return mac.length();
        }

        @Override
        public int seal(int seq, byte[] buf, int off, int len) throws SshException {
            Packets.checkSeal(buf, off, len, alignmentOffset(), BLOCK, tagLength());
            if (etm) {
                // PROTOCOL §1.5: mac = MAC(key, sequence_number || packet_length || encrypted_packet)
                apply(cipher, buf, off + 4, len - 4);
                mac.compute(seq, buf, off, len, buf, off + len);
            } else {
                // RFC 4253 §6.4: mac = MAC(key, sequence_number || unencrypted_packet)
                mac.compute(seq, buf, off, len, buf, off + len);
                apply(cipher, buf, off, len);
            }
            return len + tagLength();
        }

        @Override
        public String toString() {
            return "AesCtr.Sealer[" + mac.algorithm().wireName() + "]";
        }
    }

    /** Opens AES-CTR packets: EtM verifies before decrypting; encrypt-and-MAC decrypts the first block for the length. */
    static final class Opener implements PacketOpener {
        private final Cipher cipher;
        private final PacketMac mac;
        private final boolean etm;
        private boolean firstBlockDone;

        Opener(byte[] key, byte[] iv, PacketMac mac) throws SshException {
            this.cipher = newCipher(Cipher.DECRYPT_MODE, key, iv);
            this.mac = mac;
            this.etm = mac.algorithm().etm();
        }

        @Override
        public int lengthBytes() {
            return etm ? 4 : BLOCK;
        }

        @Override
        public int blockSize() {
            return BLOCK;
        }

        @Override
        public int tagLength() {
            return mac.length();
        }

        @Override
        public int decryptLength(int seq, byte[] buf, int off) throws SshException {
            Packets.checkRegion(buf, off, lengthBytes());
            if (etm) {
                // PROTOCOL §1.5: the length is sent in clear
                return Packets.checkLength(Packets.readInt(buf, off), 4, BLOCK);
            }
            if (firstBlockDone) {
                throw new IllegalStateException("decryptLength called twice for one packet");
            }
            // RFC 4253 §6: the first block holds the encrypted length; decrypting it advances the CTR stream
            apply(cipher, buf, off, BLOCK);
            firstBlockDone = true;
            return Packets.checkLength(Packets.readInt(buf, off), 0, BLOCK);
        }

        @Override
        public int open(int seq, byte[] buf, int off, int packetLength) throws SshException {
            Packets.checkRegion(buf, off, wireLength(packetLength));
            int len = 4 + packetLength;
            if (etm) {
                verify(seq, buf, off, len);
                apply(cipher, buf, off + 4, packetLength);
            } else {
                if (!firstBlockDone) {
                    throw new IllegalStateException("open called before decryptLength");
                }
                firstBlockDone = false;
                apply(cipher, buf, off + BLOCK, len - BLOCK);
                verify(seq, buf, off, len);
            }
            Packets.checkPadding(buf, off, packetLength);
            return len;
        }

        private void verify(int seq, byte[] buf, int off, int len) throws MacMismatchException {
            if (!mac.verify(seq, buf, off, len, buf, off + len)) {
                throw new MacMismatchException("Corrupted MAC on input: " + mac.algorithm().wireName()
                        + " mismatch for packet " + Integer.toUnsignedString(seq));
            }
        }

        @Override
        public String toString() {
            return "AesCtr.Opener[" + mac.algorithm().wireName() + "]";
        }
    }
}
