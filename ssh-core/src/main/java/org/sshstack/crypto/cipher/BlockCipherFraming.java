package org.sshstack.crypto.cipher;

import javax.crypto.Cipher;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.PacketMac;

/**
 * The packet framing shared by the block ciphers that use a separate MAC (AES-CTR, the CBC modes): encrypt-and-MAC
 * (RFC 4253 §6.4) or encrypt-then-MAC (OpenSSH PROTOCOL §1.5), the MAC check and the padding check. Subclasses
 * supply the in-place cipher step and may hook how a decrypted length is accepted.
 */
final class BlockCipherFraming {

    private BlockCipherFraming() {
    }

    /** Seals with a block cipher and a MAC; for EtM the length stays in clear and the MAC covers the ciphertext. */
    abstract static class Sealer implements PacketSealer {
        final Cipher cipher;
        final PacketMac mac;
        private final boolean etm;
        private final int block;

        Sealer(Cipher cipher, int block, PacketMac mac) {
            this.cipher = cipher;
            this.mac = mac;
            this.etm = mac.algorithm().etm();
            this.block = block;
        }

        /** Encrypts {@code buf[off, off+len)} in place, carrying the cipher state over to the next call. */
        abstract void crypt(byte[] buf, int off, int len) throws SshException;

        @Override
        public int blockSize() {
            return block;
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
            Packets.checkSeal(buf, off, len, alignmentOffset(), block, tagLength());
            if (etm) {
                // PROTOCOL §1.5: mac = MAC(key, sequence_number || packet_length || encrypted_packet)
                crypt(buf, off + 4, len - 4);
                mac.compute(seq, buf, off, len, buf, off + len);
            } else {
                // RFC 4253 §6.4: mac = MAC(key, sequence_number || unencrypted_packet)
                mac.compute(seq, buf, off, len, buf, off + len);
                crypt(buf, off, len);
            }
            return len + tagLength();
        }
    }

    /**
     * Opens block cipher packets: EtM verifies before decrypting; encrypt-and-MAC decrypts the first block for the
     * length, then the rest, then verifies the MAC over the plaintext.
     */
    abstract static class Opener implements PacketOpener {
        final Cipher cipher;
        final PacketMac mac;
        private final boolean etm;
        private final int block;
        private boolean firstBlockDone;

        Opener(Cipher cipher, int block, PacketMac mac) {
            this.cipher = cipher;
            this.mac = mac;
            this.etm = mac.algorithm().etm();
            this.block = block;
        }

        /** Decrypts {@code buf[off, off+len)} in place, carrying the cipher state over to the next call. */
        abstract void crypt(byte[] buf, int off, int len) throws SshException;

        /**
         * Turns the packet_length decrypted from the first block (encrypt-and-MAC only) into the length to buffer.
         *
         * @param rawLength the uint32 as decrypted
         * @return packet_length
         * @throws SshException if the subclass rejects the length
         */
        abstract int acceptLength(int rawLength) throws SshException;

        /** Called after the region check of each call; throws if the opener must refuse all further packets. */
        void checkUsable(int seq) throws SshException {
        }

        /** @return true if the packet being opened (encrypt-and-MAC) must fail as a MAC mismatch whatever its MAC */
        boolean voidPacket() {
            return false;
        }

        /**
         * @param seq the sequence number of the failed packet
         * @return the exception for a MAC mismatch; a subclass may record the failure first
         */
        MacMismatchException macFailure(int seq) {
            return new MacMismatchException("Corrupted MAC on input: " + mac.algorithm().wireName()
                    + " mismatch for packet " + Integer.toUnsignedString(seq));
        }

        @Override
        public int lengthBytes() {
            return etm ? 4 : block;
        }

        @Override
        public int blockSize() {
            return block;
        }

        @Override
        public int tagLength() {
            return mac.length();
        }

        @Override
        public int decryptLength(int seq, byte[] buf, int off) throws SshException {
            Packets.checkRegion(buf, off, lengthBytes());
            checkUsable(seq);
            if (etm) {
                // PROTOCOL §1.5: the length is sent in clear and the MAC is checked before any decryption
                return Packets.checkLength(Packets.readInt(buf, off), 4, block);
            }
            if (firstBlockDone) {
                throw new IllegalStateException("decryptLength called twice for one packet");
            }
            // RFC 4253 §6: the first block holds the encrypted length; decrypting it advances the cipher state
            crypt(buf, off, block);
            firstBlockDone = true;
            return acceptLength(Packets.readInt(buf, off));
        }

        @Override
        public int open(int seq, byte[] buf, int off, int packetLength) throws SshException {
            Packets.checkRegion(buf, off, wireLength(packetLength));
            checkUsable(seq);
            int len = 4 + packetLength;
            if (etm) {
                if (!mac.verify(seq, buf, off, len, buf, off + len)) {
                    throw macFailure(seq);
                }
                crypt(buf, off + 4, packetLength);
            } else {
                if (!firstBlockDone) {
                    throw new IllegalStateException("open called before decryptLength");
                }
                firstBlockDone = false;
                crypt(buf, off + block, len - block);
                boolean ok = mac.verify(seq, buf, off, len, buf, off + len); // the same work for a void packet
                if (!ok || voidPacket()) {
                    throw macFailure(seq);
                }
            }
            Packets.checkPadding(buf, off, packetLength);
            return len;
        }
    }
}
