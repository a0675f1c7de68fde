package org.sshstack.transport.packet;

/**
 * Packet and byte counts of one direction, for the engine's rekey policy (RFC 4253 §9, RFC 4344 §3, OpenSSH's
 * {@code RekeyLimit} and its 2^31-packets-per-key limit).
 *
 * <p>A live view owned by one {@link PacketEncoder} or {@link PacketDecoder}: the engine may keep the reference and
 * read it after every packet without allocating. Bytes are wire bytes: the length field, the encrypted packet and
 * the MAC or tag. "Since keys" counts restart when new keys are installed; totals never restart. Not thread-safe.
 */
public final class PacketCounters {

    private long packets;
    private long bytes;
    private long packetsSinceKeys;
    private long bytesSinceKeys;

    PacketCounters() {
    }

    /** Counts one packet of {@code wireBytes} bytes. */
    void record(int wireBytes) {
        packets++;
        packetsSinceKeys++;
        bytes += wireBytes;
        bytesSinceKeys += wireBytes;
    }

    /** Restarts the "since keys" counts (new keys installed). */
    void keysChanged() {
        packetsSinceKeys = 0;
        bytesSinceKeys = 0;
    }

    /** @return packets processed since the connection started */
    public long packets() {
        return packets;
    }

    /** @return wire bytes processed since the connection started */
    public long bytes() {
        return bytes;
    }

    /** @return packets processed with the current keys */
    public long packetsSinceKeys() {
        return packetsSinceKeys;
    }

    /** @return wire bytes processed with the current keys */
    public long bytesSinceKeys() {
        return bytesSinceKeys;
    }

    @Override
    public String toString() {
        return "PacketCounters[packets=" + packets + ", bytes=" + bytes + ", packetsSinceKeys=" + packetsSinceKeys
                + ", bytesSinceKeys=" + bytesSinceKeys + "]";
    }
}
