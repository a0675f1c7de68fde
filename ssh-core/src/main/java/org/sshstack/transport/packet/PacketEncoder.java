package org.sshstack.transport.packet;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.crypto.cipher.Cleartext;
import org.sshstack.crypto.cipher.PacketSealer;
import org.sshstack.crypto.compression.Compressor;
import org.sshstack.wire.WireLimits;

/**
 * Turns outgoing payloads into wire bytes for one direction (RFC 4253 §6): compresses (§6.2), pads with random bytes
 * to the sealer's block size (at least 4, at most 255), seals with the current sequence number and advances it
 * (uint32, wraps, §6.4).
 *
 * <p>Starts in the cleartext state with no compression. The engine calls {@link #install} right after encoding
 * SSH_MSG_NEWKEYS, so the new keys apply from the next packet; with strict kex it also calls
 * {@link #resetSequenceNumber()} then (draft-ietf-sshm-strict-kex §3.3). The wire bytes of the last packet live in
 * {@link #buffer()}, reused from packet to packet. If sealing or compression fails, the encoder is failed and every
 * later {@link #encode} throws the same exception. Single-threaded; no I/O, no clock, no logging.
 */
public final class PacketEncoder extends PacketDirection implements AutoCloseable {

    /** Room reserved for zlib's worst-case growth of incompressible data (far above deflateBound for 256 KiB). */
    static final int COMPRESSION_SLACK = 1024;

    private static final int INITIAL_BUFFER = 2048;
    private static final int MAX_PADDING = 255;

    private final RandomPool random;
    private final int maxPacket;
    private PacketSealer sealer = Cleartext.sealer();
    private Compressor compressor;
    private int maxPayload;
    private boolean extraPadding;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private SshException failure;

    /**
     * Creates an encoder with the 256 KiB cap ({@link WireLimits#MAX_PACKET}) starting at sequence number 0.
     *
     * @param random the source of padding bytes
     */
    public PacketEncoder(SecureRandom random) {
        this(random, WireLimits.MAX_PACKET, 0);
    }

    /**
     * @param random the source of padding bytes
     * @param maxPacket the largest packet_length to build, 64 to 16 MiB (the peer must accept it)
     * @param firstSequenceNumber the sequence number of the first packet (0 on a real connection; tests of wrap-around
     *     and rekey limits start near 2^32)
     * @throws IllegalArgumentException if {@code maxPacket} is out of range
     */
    public PacketEncoder(SecureRandom random, int maxPacket, int firstSequenceNumber) {
        super(firstSequenceNumber);
        this.random = new RandomPool(random);
        this.maxPacket = PacketDecoder.checkMaxPacket(maxPacket);
        this.maxPayload = computeMaxPayload();
    }

    /**
     * Switches to new keys for the next packet (RFC 4253 §7.3): call it right after encoding SSH_MSG_NEWKEYS. The
     * encoder takes ownership of the compressor and closes the one it replaces. Restarts the "since keys" counters;
     * the sequence number runs on (see {@link #resetSequenceNumber()}).
     *
     * @param newSealer the sealer for the new keys
     * @param newCompressor the compressor to use from the next packet, or null for none (also for a delayed method
     *     that is not active yet; see {@link #startCompression})
     */
    public void install(PacketSealer newSealer, Compressor newCompressor) {
        Objects.requireNonNull(newSealer, "sealer");
        if (newSealer.blockSize() < 8 || newSealer.tagLength() > PacketDecoder.MAX_TAG) {
            throw new IllegalArgumentException("unusable sealer " + newSealer);
        }
        this.sealer = newSealer;
        replaceCompressor(newCompressor);
        counters().keysChanged();
    }

    /**
     * Switches compression on from the next packet without changing keys: for a delayed method such as
     * {@code zlib@openssh.com} once user authentication has succeeded (draft-miller-secsh-compression-delayed §3).
     * Takes ownership of the compressor and closes any it replaces.
     *
     * @param newCompressor the compressor
     */
    public void startCompression(Compressor newCompressor) {
        replaceCompressor(Objects.requireNonNull(newCompressor, "compressor"));
    }

    private void replaceCompressor(Compressor newCompressor) {
        if (compressor != null && compressor != newCompressor) {
            compressor.close();
        }
        compressor = newCompressor;
        maxPayload = computeMaxPayload();
    }

    /**
     * @param enabled whether to add a random number of whole extra padding blocks (up to 255 bytes of padding and
     *     within the cap) to hide payload lengths a little (RFC 4253 §6); off by default
     */
    public void setRandomExtraPadding(boolean enabled) {
        this.extraPadding = enabled;
    }

    /**
     * @return the largest payload {@link #encode} accepts with the current sealer and compressor (with compression
     *     on, {@value #COMPRESSION_SLACK} bytes less, so that even incompressible data fits after deflating)
     */
    public int maxPayload() {
        return maxPayload;
    }

    private int computeMaxPayload() {
        int limit = maxPacket - 5; // RFC 4253 §6: packet_length = 1 + payload + padding (padding >= 4)
        while (limit > 0 && 1 + limit + sealer.paddingLength(limit) > maxPacket) {
            limit--;
        }
        return compressor == null ? limit : Math.max(0, limit - COMPRESSION_SLACK);
    }

    /**
     * Builds, seals and counts one packet.
     *
     * @param payload the array holding the payload (message number first)
     * @param off where the payload starts
     * @param len the payload length
     * @return the number of wire bytes now at the start of {@link #buffer()}
     * @throws PacketTooLargeException if {@code len > maxPayload()} (nothing is consumed; the encoder stays usable)
     * @throws SshException if sealing or compression failed; the encoder is failed from then on
     */
    public int encode(byte[] payload, int off, int len) throws SshException {
        Objects.checkFromIndexSize(off, len, payload.length);
        if (failure != null) {
            throw failure;
        }
        if (len > maxPayload) {
            throw new PacketTooLargeException("payload of " + len + " bytes exceeds the largest packet payload "
                    + maxPayload);
        }
        try {
            if (compressor == null) {
                return build(payload, off, len);
            }
            byte[] compressed = compressor.compress(payload, off, len); // RFC 4253 §6.2: only the payload
            return build(compressed, 0, compressed.length);
        } catch (SshException e) {
            failure = e;
            throw e;
        }
    }

    /**
     * Encodes a whole array as one payload and returns a copy of its wire bytes.
     *
     * @param payload the payload
     * @return the wire bytes, a new array
     * @throws SshException as {@link #encode(byte[], int, int)}
     */
    public byte[] encode(byte[] payload) throws SshException {
        int n = encode(payload, 0, payload.length);
        return Arrays.copyOf(buf, n);
    }

    private int build(byte[] body, int off, int len) throws SshException {
        int padding = padding(len);
        int packetLength = 1 + len + padding;
        if (packetLength > maxPacket) {
            // only compression can get here: the peer's inflater has seen data we cannot send, so stop for good
            throw new PacketTooLargeException("compressed payload of " + len + " bytes does not fit the cap "
                    + maxPacket);
        }
        int total = 4 + packetLength;
        ensureCapacity(total + sealer.tagLength());
        // RFC 4253 §6: uint32 packet_length, byte padding_length, payload, random padding
        buf[0] = (byte) (packetLength >>> 24);
        buf[1] = (byte) (packetLength >>> 16);
        buf[2] = (byte) (packetLength >>> 8);
        buf[3] = (byte) packetLength;
        buf[4] = (byte) padding;
        System.arraycopy(body, off, buf, 5, len);
        random.fill(buf, 5 + len, padding);
        int wire = sealer.seal(sequenceNumber(), buf, 0, total);
        packetDone(wire);
        return wire;
    }

    /** Minimum padding from the sealer, plus optional random whole blocks within 255 bytes and the cap. */
    private int padding(int len) {
        int padding = sealer.paddingLength(len);
        if (extraPadding) {
            int block = sealer.blockSize();
            int room = Math.min(MAX_PADDING - padding, maxPacket - (1 + len + padding));
            int blocks = room / block;
            if (blocks > 0) {
                padding += block * random.nextSmall(blocks + 1);
            }
        }
        return padding;
    }

    private void ensureCapacity(int needed) {
        if (buf.length < needed) {
            buf = Arrays.copyOf(buf, Math.max(needed, Math.min(2 * buf.length, 4 + maxPacket + PacketDecoder.MAX_TAG)));
        }
    }

    /** @return the buffer whose first bytes are the wire form of the last packet; overwritten by the next one */
    public byte[] buffer() {
        return buf;
    }

    /** @return true once sealing or compression has failed */
    public boolean isFailed() {
        return failure != null;
    }

    /** Releases the compressor; safe to call more than once. */
    @Override
    public void close() {
        if (compressor != null) {
            compressor.close();
            compressor = null;
        }
        if (failure == null) {
            failure = new SshException(DisconnectReason.BY_APPLICATION, "packet encoder closed");
        }
    }

    @Override
    public String toString() {
        return "PacketEncoder[" + sealer + ", seq=" + Integer.toUnsignedString(sequenceNumber()) + "]";
    }
}
