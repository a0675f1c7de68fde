package org.sshstack.transport;

/**
 * Sees the plaintext payload of every packet a {@link TransportEngine} sends or receives (for hex dumps and protocol
 * traces). Off by default: an engine without a listener does no per-packet work for it.
 *
 * <p>Called inline on the engine's thread, in wire order: outbound just before the packet is encrypted, inbound
 * right after it was decrypted and decompressed, before the engine acts on it. It must be quick, must not throw,
 * must not call back into the engine and must not modify or keep the array. Payloads carry secrets (passwords in
 * USERAUTH_REQUEST, answers in USERAUTH_INFO_RESPONSE, channel data): whoever logs them must redact those.
 */
@FunctionalInterface
public interface PacketListener {

    /** Which way a packet travels. */
    enum Direction {
        /** Received from the peer. */
        INBOUND,
        /** Sent to the peer. */
        OUTBOUND
    }

    /**
     * @param direction whether the packet was received or is being sent
     * @param messageNumber the message number (the payload's first byte, 0-255)
     * @param payload the whole plaintext payload, message number first; read only, valid during the call
     */
    void onPacket(Direction direction, int messageNumber, byte[] payload);
}
