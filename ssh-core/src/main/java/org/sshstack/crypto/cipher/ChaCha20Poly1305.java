package org.sshstack.crypto.cipher;

import java.util.Arrays;
import org.sshstack.SshException;
import org.sshstack.crypto.mac.ConstantTime;

/**
 * chacha20-poly1305@openssh.com (draft-ietf-sshm-chacha20-poly1305 §6-7, OpenSSH PROTOCOL.chacha20poly1305): the
 * second 32 key bytes encrypt the 4-byte length at counter 0; the first 32 key bytes give the Poly1305 key (counter
 * 0) and encrypt the rest of the packet (counter 1 on); the nonce is the sequence number as a uint64; the tag covers
 * the encrypted length and the ciphertext.
 */
final class ChaCha20Poly1305 {

    static final int KEY = 64;
    static final int BLOCK = 8;
    static final int TAG = Poly1305.TAG;

    private ChaCha20Poly1305() {
    }

    /** Key schedule and scratch buffers shared by both directions. */
    private abstract static class Base {
        final ChaCha20 main;
        final ChaCha20 header;
        final Poly1305 poly = new Poly1305();
        final byte[] nonce = new byte[8];
        final byte[] polyKey = new byte[ChaCha20.BLOCK];
        final byte[] scratch = new byte[TAG];

        Base(byte[] key) {
            if (key.length != KEY) {
                throw new IllegalArgumentException("chacha20-poly1305 needs a 64-byte key, got " + key.length);
            }
            // §6: the first half (K_1 in the draft, K_2 in PROTOCOL.chacha20poly1305) encrypts the packet,
            // the second half encrypts the length
            this.main = new ChaCha20(key, 0);
            this.header = new ChaCha20(key, 32);
        }

        /** §6: nonce = uint64 sequence number, big-endian (its first four bytes are always zero). */
        void setNonce(int seq) {
            Packets.writeInt(nonce, 4, seq);
        }

        /** XORs the 4-byte length at {@code src} with the header keystream into {@code dst}. */
        void cryptLength(byte[] src, int srcOff, byte[] dst, int dstOff) {
            header.resetOriginal(nonce, 0, 0);
            header.xor(src, srcOff, dst, dstOff, 4);
        }

        /** §6: Poly1305 key from block 0 of the main stream; leaves the main stream at block 1. */
        void tag(byte[] buf, int off, int len, byte[] out, int outOff) {
            main.resetOriginal(nonce, 0, 0);
            main.keystream(polyKey, 0, ChaCha20.BLOCK);
            poly.init(polyKey, 0);
            Arrays.fill(polyKey, (byte) 0);
            poly.update(buf, off, len);
            poly.finish(out, outOff);
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

    /** Seals packets: encrypt the length, encrypt the rest, then tag the whole ciphertext. */
    static final class Sealer extends Base implements PacketSealer {
        Sealer(byte[] key) {
            super(key);
        }

        @Override
        public int alignmentOffset() {
            return 4;
        }

        @Override
        public int seal(int seq, byte[] buf, int off, int len) throws SshException {
            Packets.checkSeal(buf, off, len, 4, BLOCK, TAG);
            setNonce(seq);
            cryptLength(buf, off, buf, off);
            main.resetOriginal(nonce, 0, 1);
            main.xor(buf, off + 4, buf, off + 4, len - 4);
            tag(buf, off, len, buf, off + len);
            return len + TAG;
        }

        @Override
        public String toString() {
            return "ChaCha20Poly1305.Sealer";
        }
    }

    /** Opens packets: the length is decrypted without touching the buffer; the tag is checked before decrypting. */
    static final class Opener extends Base implements PacketOpener {
        private final byte[] length = new byte[4];

        Opener(byte[] key) {
            super(key);
        }

        @Override
        public int lengthBytes() {
            return 4;
        }

        @Override
        public int decryptLength(int seq, byte[] buf, int off) throws SshException {
            Packets.checkRegion(buf, off, 4);
            // §7: decrypt the length with the header key; the buffer keeps the ciphertext the tag covers
            setNonce(seq);
            cryptLength(buf, off, length, 0);
            return Packets.checkLength(Packets.readInt(length, 0), 4, BLOCK);
        }

        @Override
        public int open(int seq, byte[] buf, int off, int packetLength) throws SshException {
            Packets.checkRegion(buf, off, wireLength(packetLength));
            int len = 4 + packetLength;
            setNonce(seq);
            // §7: "the MAC MUST be checked before decryption", in constant time
            tag(buf, off, len, scratch, 0);
            if (!ConstantTime.equals(scratch, 0, buf, off + len, TAG)) {
                throw new MacMismatchException("Corrupted MAC on input: chacha20-poly1305 tag mismatch for packet "
                        + Integer.toUnsignedString(seq));
            }
            cryptLength(buf, off, buf, off);
            main.resetOriginal(nonce, 0, 1);
            main.xor(buf, off + 4, buf, off + 4, packetLength);
            Packets.checkPadding(buf, off, packetLength);
            return len;
        }

        @Override
        public String toString() {
            return "ChaCha20Poly1305.Opener";
        }
    }
}
