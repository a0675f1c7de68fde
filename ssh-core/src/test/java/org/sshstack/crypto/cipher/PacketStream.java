package org.sshstack.crypto.cipher;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.sshstack.SshException;
import org.sshstack.wire.WireLimits;

/** Test driver that plays the transport: builds plaintext packets, seals them, and reads them back from a stream. */
final class PacketStream {

    /** What reading one packet gave: its plaintext, or null when more bytes would be needed or the cap hit. */
    record Read(byte[] plaintext, int consumed) {
    }

    private PacketStream() {
    }

    /** Builds a plaintext packet for the sealer: random payload, minimal padding plus some random whole blocks. */
    static byte[] plainPacket(PacketSealer sealer, int payloadLength, Random random) {
        int padding = sealer.paddingLength(payloadLength);
        int extraBlocks = random.nextInt(Math.max(1, (255 - padding) / sealer.blockSize() + 1));
        padding += Math.min(extraBlocks, 3) * sealer.blockSize();
        int packetLength = 1 + payloadLength + padding;
        byte[] packet = new byte[4 + packetLength];
        random.nextBytes(packet);
        Packets.writeInt(packet, 0, packetLength);
        packet[4] = (byte) padding;
        return packet;
    }

    /** Seals each packet into a copy with room for the tag; returns the wire bytes of each. */
    static List<byte[]> seal(PacketSealer sealer, int firstSeq, List<byte[]> plain) throws SshException {
        List<byte[]> wire = new ArrayList<>();
        int seq = firstSeq;
        for (byte[] packet : plain) {
            byte[] buf = Arrays.copyOf(packet, packet.length + sealer.tagLength());
            int n = sealer.seal(seq++, buf, 0, packet.length);
            wire.add(Arrays.copyOf(buf, n));
        }
        return wire;
    }

    static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }

    /**
     * Reads one packet at {@code off} as the transport will: length first, the cap, then the rest.
     *
     * @return the plaintext packet, or a Read with null plaintext when the stream ends first or the cap is hit
     */
    static Read readOne(PacketOpener opener, int seq, byte[] stream, int off) throws SshException {
        int packetLength = opener.decryptLength(seq, stream, off);
        if (packetLength > WireLimits.MAX_PACKET || opener.wireLength(packetLength) > stream.length - off) {
            return new Read(null, 0);
        }
        int n = opener.open(seq, stream, off, packetLength);
        return new Read(Arrays.copyOfRange(stream, off, off + n), opener.wireLength(packetLength));
    }
}
