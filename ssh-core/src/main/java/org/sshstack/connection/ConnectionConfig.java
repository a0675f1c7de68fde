package org.sshstack.connection;

/**
 * Limits and flow-control settings of one connection's channel multiplexer.
 *
 * @param initialWindow our receive window per channel, in bytes (default 2 MiB, DESIGN.md §9); also the capacity
 *     of each inbound buffer, so what the peer may send is always bufferable
 * @param maxPacket the largest data packet we accept and send (default 32 KiB, DESIGN.md §9)
 * @param maxChannels the most channels open at once; further opens are refused with RESOURCE_SHORTAGE
 * @param outboundBuffer the capacity of each channel's outbound buffer (stdout and stderr each)
 * @param maxPendingReplies the most requests awaiting a reply, per channel and for global requests
 * @param maxQueuedPayloads the most control payloads queued while the transport refuses them
 */
public record ConnectionConfig(int initialWindow, int maxPacket, int maxChannels, int outboundBuffer,
        int maxPendingReplies, int maxQueuedPayloads) {

    /** 2 MiB (OpenSSH's window, DESIGN.md §9). */
    public static final int DEFAULT_WINDOW = 2 * 1024 * 1024;
    /** 32 KiB (OpenSSH's packet size, DESIGN.md §9). */
    public static final int DEFAULT_MAX_PACKET = 32 * 1024;

    /** Validates the ranges. */
    public ConnectionConfig {
        require(initialWindow >= 1 && initialWindow <= (1 << 30), "initial window must be 1..2^30");
        require(maxPacket >= 1 && maxPacket <= 128 * 1024, "max packet must be 1..131072");
        require(maxChannels >= 1 && maxChannels <= 1 << 20, "max channels must be 1..2^20");
        require(outboundBuffer >= 1 && outboundBuffer <= (1 << 30), "outbound buffer must be 1..2^30");
        require(maxPendingReplies >= 1, "max pending replies must be positive");
        require(maxQueuedPayloads >= 1, "max queued payloads must be positive");
    }

    /** @return 2 MiB windows, 32 KiB packets, 256 channels, 256 KiB outbound buffers, 64 pending, 4096 queued */
    public static ConnectionConfig defaults() {
        return new ConnectionConfig(DEFAULT_WINDOW, DEFAULT_MAX_PACKET, 256, 256 * 1024, 64, 4096);
    }

    /**
     * @param window the receive window per channel
     * @return a copy with that window
     */
    public ConnectionConfig withInitialWindow(int window) {
        return new ConnectionConfig(window, maxPacket, maxChannels, outboundBuffer, maxPendingReplies,
                maxQueuedPayloads);
    }

    /**
     * @param packet the largest data packet
     * @return a copy with that packet size
     */
    public ConnectionConfig withMaxPacket(int packet) {
        return new ConnectionConfig(initialWindow, packet, maxChannels, outboundBuffer, maxPendingReplies,
                maxQueuedPayloads);
    }

    /**
     * @param channels the most channels at once
     * @return a copy with that cap
     */
    public ConnectionConfig withMaxChannels(int channels) {
        return new ConnectionConfig(initialWindow, maxPacket, channels, outboundBuffer, maxPendingReplies,
                maxQueuedPayloads);
    }

    /**
     * @param bytes the outbound buffer capacity per channel and stream
     * @return a copy with that capacity
     */
    public ConnectionConfig withOutboundBuffer(int bytes) {
        return new ConnectionConfig(initialWindow, maxPacket, maxChannels, bytes, maxPendingReplies,
                maxQueuedPayloads);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
