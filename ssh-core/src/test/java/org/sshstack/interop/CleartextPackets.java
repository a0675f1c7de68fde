package org.sshstack.interop;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.util.Arrays;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.cipher.Cleartext;
import org.sshstack.crypto.cipher.PacketOpener;
import org.sshstack.crypto.cipher.PacketSealer;

/**
 * Reads and writes the binary packets sent before the first NEWKEYS (RFC 4253 §6: uint32 packet_length,
 * byte padding_length, payload, random padding; no MAC), framing checked by {@link Cleartext}. Test-only: the
 * smoke tests use it to exchange KEXINIT with real peers before the transport engine exists.
 */
public final class CleartextPackets {

    /** Largest packet_length accepted here: ample for any KEXINIT or first kex message. */
    public static final int MAX_PACKET_LENGTH = 256 * 1024;

    private final SecureRandom random = new SecureRandom();
    private final PacketOpener opener = Cleartext.opener();
    private final PacketSealer sealer = Cleartext.sealer();

    /**
     * Reads one packet.
     *
     * @param in the stream positioned at a packet
     * @return its payload
     * @throws SshException if the framing is wrong
     * @throws EOFException if the stream ends first
     */
    public byte[] read(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4);
        if (head.length < 4) {
            throw new EOFException("the peer closed the connection before a packet");
        }
        int length = opener.decryptLength(0, head, 0); // RFC 4253 §6: length >= 5, 8-byte aligned
        if (length > MAX_PACKET_LENGTH) {
            throw new SshProtocolException("packet_length " + length + " is over the test cap");
        }
        byte[] packet = Arrays.copyOf(head, 4 + length);
        if (in.readNBytes(packet, 4, length) < length) {
            throw new EOFException("the peer closed the connection inside a packet");
        }
        opener.open(0, packet, 0, length); // checks 4 <= padding_length < packet_length
        int padding = packet[4] & 0xff;
        return Arrays.copyOfRange(packet, 5, 4 + length - padding);
    }

    /**
     * Frames and writes one packet with 4 to 11 bytes of random padding (RFC 4253 §6).
     *
     * @param out the stream
     * @param payload the payload
     */
    public void write(OutputStream out, byte[] payload) throws IOException {
        int padding = 8 - (5 + payload.length) % 8;
        if (padding < 4) {
            padding += 8;
        }
        int length = 1 + payload.length + padding;
        byte[] packet = new byte[4 + length];
        packet[0] = (byte) (length >>> 24);
        packet[1] = (byte) (length >>> 16);
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        packet[4] = (byte) padding;
        System.arraycopy(payload, 0, packet, 5, payload.length);
        byte[] pad = new byte[padding];
        random.nextBytes(pad);
        System.arraycopy(pad, 0, packet, 5 + payload.length, padding);
        sealer.seal(0, packet, 0, packet.length);
        out.write(packet);
        out.flush();
    }
}
