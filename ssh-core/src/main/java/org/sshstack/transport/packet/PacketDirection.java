package org.sshstack.transport.packet;

/**
 * What the encoder and the decoder of one direction share: the packet sequence number (RFC 4253 §6.4, an unsigned
 * 32-bit counter that wraps to 0), its strict-kex reset (draft-ietf-sshm-strict-kex §3.3) and the packet counters.
 * Single-threaded, like its subclasses.
 */
abstract class PacketDirection {

    private final PacketCounters counters = new PacketCounters();
    private int seq;
    private boolean wrapped;

    PacketDirection(int firstSequenceNumber) {
        this.seq = firstSequenceNumber;
    }

    /** Counts a packet of {@code wire} bytes and moves the sequence number on. */
    final void packetDone(int wire) {
        counters.record(wire);
        seq++; // RFC 4253 §6.4: uint32, wraps to 0 after 2^32 - 1
        if (seq == 0) {
            wrapped = true;
        }
    }

    /**
     * Strict kex (draft-ietf-sshm-strict-kex §3.3): the sequence number of this direction restarts at 0; call it right
     * after this direction's SSH_MSG_NEWKEYS (sent for the encoder, received for the decoder) when strict kex is on.
     * Also clears {@link #sequenceWrapped()}.
     */
    public final void resetSequenceNumber() {
        seq = 0;
        wrapped = false;
    }

    /** @return the sequence number the next packet of this direction carries (an unsigned 32-bit value) */
    public final int sequenceNumber() {
        return seq;
    }

    /**
     * @return true if the sequence number has wrapped past 2^32 - 1 since construction or the last reset (strict kex
     *     forbids it before the initial key exchange completes, draft-ietf-sshm-strict-kex §3.2)
     */
    public final boolean sequenceWrapped() {
        return wrapped;
    }

    /** @return the live packet and byte counts of this direction */
    public final PacketCounters counters() {
        return counters;
    }
}
