package org.sshstack.crypto.cipher;

import org.sshstack.SshException;

/**
 * The initial packet state before the first SSH_MSG_NEWKEYS (RFC 4253 §6): no encryption, no MAC, block size 8.
 * Never negotiable: there is no "none" in {@link Ciphers}.
 */
public final class Cleartext {

    private static final int BLOCK = 8;

    private Cleartext() {
    }

    /** @return a sealer that only checks framing and leaves the packet as it is */
    public static PacketSealer sealer() {
        return new Sealer();
    }

    /** @return an opener that only checks framing */
    public static PacketOpener opener() {
        return new Opener();
    }

    private static final class Sealer implements PacketSealer {
        @Override
        public int blockSize() {
            return BLOCK;
        }

        @Override
        public int alignmentOffset() {
            return 0;
        }

        @Override
        public int tagLength() {
            return 0;
        }

        @Override
        public int seal(int seq, byte[] buf, int off, int len) {
            Packets.checkSeal(buf, off, len, 0, BLOCK, 0);
            return len;
        }

        @Override
        public String toString() {
            return "Cleartext.Sealer";
        }
    }

    private static final class Opener implements PacketOpener {
        @Override
        public int lengthBytes() {
            return 4;
        }

        @Override
        public int blockSize() {
            return BLOCK;
        }

        @Override
        public int tagLength() {
            return 0;
        }

        @Override
        public int decryptLength(int seq, byte[] buf, int off) throws SshException {
            Packets.checkRegion(buf, off, 4);
            return Packets.checkLength(Packets.readInt(buf, off), 0, BLOCK);
        }

        @Override
        public int open(int seq, byte[] buf, int off, int packetLength) throws SshException {
            Packets.checkRegion(buf, off, 4 + packetLength);
            Packets.checkPadding(buf, off, packetLength);
            return 4 + packetLength;
        }

        @Override
        public String toString() {
            return "Cleartext.Opener";
        }
    }
}
