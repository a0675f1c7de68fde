package org.sshstack.transport.packet;

import java.util.Arrays;
import java.util.Objects;
import org.sshstack.DisconnectReason;
import org.sshstack.SshException;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.cipher.Cleartext;
import org.sshstack.crypto.cipher.PacketOpener;
import org.sshstack.crypto.compression.Decompressor;
import org.sshstack.wire.WireLimits;

/**
 * Turns incoming wire bytes back into payloads for one direction (RFC 4253 §6), push in, pull out: the driver
 * {@link #feed}s bytes as they arrive and the engine {@link #poll}s one payload at a time.
 *
 * <p><b>Key changes.</b> A packet is touched (its length decrypted, its MAC checked) only inside the {@code poll}
 * that returns it, so after {@code poll} returns SSH_MSG_NEWKEYS the engine calls {@link #install} and the bytes of
 * the next packet, already buffered or not, are opened with the new keys (RFC 4253 §7.3). With strict kex the engine
 * also calls {@link #resetSequenceNumber()} then (draft-ietf-sshm-strict-kex §3.3).
 *
 * <p><b>Bounded memory.</b> The decoder never holds more than {@link #capacity()} bytes: one packet of the largest
 * allowed size plus {@link #READ_HEADROOM}. {@code feed} takes as many bytes as fit and returns that count; when it
 * returns less than offered, the driver polls until {@code poll} returns null and then feeds the rest (after such a
 * drain there is always room again). A driver may also read from its socket at most {@link #remainingCapacity()}
 * bytes. The buffer grows as bytes arrive, never to a length a peer merely announced: packet_length is checked
 * against the cap as soon as it is decrypted, before anything else is buffered for it.
 *
 * <p><b>Failures.</b> A bad length or padding raises {@link SshProtocolException} (PROTOCOL_ERROR; a length above
 * the cap is a {@link PacketTooLargeException}), a bad MAC or tag
 * {@link org.sshstack.crypto.cipher.MacMismatchException} (MAC_ERROR), a bad compressed payload
 * {@link org.sshstack.crypto.compression.CompressionException} (COMPRESSION_ERROR). After any of them the decoder is
 * failed and every later {@code feed} or {@code poll} throws the same exception. Single-threaded; no I/O, no clock,
 * no logging.
 */
public final class PacketDecoder extends PacketDirection implements AutoCloseable {

    /** Bytes the decoder accepts beyond one maximal packet: room for one read of the next packet's start. */
    public static final int READ_HEADROOM = 64 * 1024;

    /** Largest MAC or tag an opener may append (HMAC-SHA2-512 needs 64). */
    static final int MAX_TAG = 256;

    private static final int MIN_MAX_PACKET = 64;
    private static final int MAX_MAX_PACKET = 16 * 1024 * 1024;
    static final int INITIAL_BUFFER = 4096;

    private final int maxPacket;
    private final int capacity;
    private PacketOpener opener = Cleartext.opener();
    private Decompressor decompressor;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int start;
    private int end;
    private int packetLength = -1;
    private SshException failure;

    /** Creates a decoder with the 256 KiB cap ({@link WireLimits#MAX_PACKET}) starting at sequence number 0. */
    public PacketDecoder() {
        this(WireLimits.MAX_PACKET, 0);
    }

    /**
     * @param maxPacket the largest packet_length accepted, 64 to 16 MiB (RFC 4253 §6.1 asks for at least 35000)
     * @param firstSequenceNumber the sequence number of the first packet (0 on a real connection; tests of wrap-around
     *     and rekey limits start near 2^32)
     * @throws IllegalArgumentException if {@code maxPacket} is out of range
     */
    public PacketDecoder(int maxPacket, int firstSequenceNumber) {
        super(firstSequenceNumber);
        this.maxPacket = checkMaxPacket(maxPacket);
        this.capacity = 4 + maxPacket + MAX_TAG + READ_HEADROOM;
    }

    static int checkMaxPacket(int maxPacket) {
        if (maxPacket < MIN_MAX_PACKET || maxPacket > MAX_MAX_PACKET) {
            throw new IllegalArgumentException("packet cap must be " + MIN_MAX_PACKET + ".." + MAX_MAX_PACKET
                    + ", got " + maxPacket);
        }
        return maxPacket;
    }

    /**
     * Buffers as many of the given bytes as fit.
     *
     * @param src the bytes received
     * @param off where they start
     * @param len how many there are
     * @return how many were taken, from {@code off} on; less than {@code len} only when the buffer is full, in
     *     which case poll until null and feed the rest
     * @throws SshException the failure, if the decoder has already failed
     */
    public int feed(byte[] src, int off, int len) throws SshException {
        Objects.checkFromIndexSize(off, len, src.length);
        if (failure != null) {
            throw failure;
        }
        int n = Math.min(len, remainingCapacity());
        if (n > 0) {
            makeRoom(n);
            System.arraycopy(src, off, buf, end, n);
            end += n;
        }
        return n;
    }

    private void makeRoom(int n) {
        if (buf.length - end >= n) {
            return;
        }
        int held = end - start;
        if (buf.length - held >= n) {
            System.arraycopy(buf, start, buf, 0, held); // compact: the current packet moves to the front
        } else {
            byte[] bigger = new byte[Math.min(capacity, Math.max(held + n, 2 * buf.length))];
            System.arraycopy(buf, start, bigger, 0, held);
            buf = bigger;
        }
        start = 0;
        end = held;
    }

    /**
     * Returns the next payload if its packet is complete: checks the length against the cap, verifies the MAC or
     * tag, checks the padding and decompresses.
     *
     * @return the payload (a new array, message number first), or null if more bytes are needed
     * @throws SshException if the packet is bad; the decoder is failed from then on
     */
    public byte[] poll() throws SshException {
        if (failure != null) {
            throw failure;
        }
        try {
            if (packetLength < 0 && !readLength()) {
                return null;
            }
            int wire = opener.wireLength(packetLength);
            if (end - start < wire) {
                return null;
            }
            byte[] payload = openPacket();
            consume(wire);
            return payload;
        } catch (SshException e) {
            failure = e;
            throw e;
        }
    }

    /** Decrypts and checks packet_length once enough bytes are there; false if more are needed. */
    private boolean readLength() throws SshException {
        if (end - start < opener.lengthBytes()) {
            return false;
        }
        // the opener checks length >= 5 and block alignment (RFC 4253 §6)
        int length = opener.decryptLength(sequenceNumber(), buf, start);
        if (length > maxPacket) {
            // RFC 4253 §6.1, SECURITY.md B1: refuse before buffering any more of it
            throw new PacketTooLargeException("packet length " + length + " exceeds the cap of " + maxPacket);
        }
        packetLength = length;
        return true;
    }

    private byte[] openPacket() throws SshException {
        opener.open(sequenceNumber(), buf, start, packetLength);
        // RFC 4253 §6: 4 <= padding_length and payload_length = packet_length - padding_length - 1 >= 0
        int padding = buf[start + 4] & 0xff;
        if (padding < 4 || padding > packetLength - 1) {
            throw new SshProtocolException("Bad padding length " + padding + " in a packet of length "
                    + packetLength);
        }
        int payloadOffset = start + 5;
        int payloadLength = packetLength - padding - 1;
        if (decompressor == null) {
            return Arrays.copyOfRange(buf, payloadOffset, payloadOffset + payloadLength);
        }
        return decompressor.decompress(buf, payloadOffset, payloadLength); // bounded by its cap (B6)
    }

    private void consume(int wire) {
        start += wire;
        if (start == end) {
            start = 0;
            end = 0;
        }
        packetLength = -1;
        packetDone(wire);
    }

    /**
     * Switches to new keys for the next packet: call it right after {@link #poll} returned SSH_MSG_NEWKEYS. Takes
     * ownership of the decompressor and closes the one it replaces. Restarts the "since keys" counters; the sequence
     * number runs on (see {@link #resetSequenceNumber()}).
     *
     * @param newOpener the opener for the new keys
     * @param newDecompressor the decompressor for the next packet on, or null for none (also for a delayed method
     *     that is not active yet; see {@link #startDecompression})
     * @throws IllegalStateException if called in the middle of a packet (an engine bug); a failed decoder stays
     *     failed whatever is installed
     */
    public void install(PacketOpener newOpener, Decompressor newDecompressor) {
        Objects.requireNonNull(newOpener, "opener");
        checkBoundary();
        if (newOpener.tagLength() > MAX_TAG || newOpener.lengthBytes() < 4) {
            throw new IllegalArgumentException("unusable opener " + newOpener);
        }
        this.opener = newOpener;
        replaceDecompressor(newDecompressor);
        counters().keysChanged();
    }

    /**
     * Switches decompression on from the next packet without changing keys: for a delayed method such as
     * {@code zlib@openssh.com} once user authentication has succeeded (draft-miller-secsh-compression-delayed §3).
     * Takes ownership of the decompressor and closes any it replaces.
     *
     * @param newDecompressor the decompressor, created with the payload cap the engine wants
     * @throws IllegalStateException if called in the middle of a packet (an engine bug)
     */
    public void startDecompression(Decompressor newDecompressor) {
        Objects.requireNonNull(newDecompressor, "decompressor");
        checkBoundary();
        replaceDecompressor(newDecompressor);
    }

    private void checkBoundary() {
        if (packetLength >= 0 && failure == null) {
            throw new IllegalStateException("keys and compression change only between packets");
        }
    }

    private void replaceDecompressor(Decompressor newDecompressor) {
        if (decompressor != null && decompressor != newDecompressor) {
            decompressor.close();
        }
        decompressor = newDecompressor;
    }

    /** @return the bytes buffered and not yet returned as payloads */
    public int buffered() {
        return end - start;
    }

    /** @return the most bytes {@link #feed} takes now */
    public int remainingCapacity() {
        return capacity - (end - start);
    }

    /** @return the most bytes this decoder ever holds: 4 + cap + {@value #MAX_TAG} + {@link #READ_HEADROOM} */
    public int capacity() {
        return capacity;
    }

    /** @return the length of the internal buffer, for tests that check it never passes {@link #capacity()} */
    int bufferLength() {
        return buf.length;
    }

    /** @return true once a packet has failed (or the decoder was closed) */
    public boolean isFailed() {
        return failure != null;
    }

    /** Releases the decompressor and the buffer; later calls fail. Safe to call more than once. */
    @Override
    public void close() {
        if (decompressor != null) {
            decompressor.close();
            decompressor = null;
        }
        if (failure == null) {
            failure = new SshException(DisconnectReason.BY_APPLICATION, "packet decoder closed");
        }
        buf = new byte[0];
        start = 0;
        end = 0;
    }

    @Override
    public String toString() {
        return "PacketDecoder[" + opener + ", seq=" + Integer.toUnsignedString(sequenceNumber()) + ", buffered="
                + buffered() + "]";
    }
}
