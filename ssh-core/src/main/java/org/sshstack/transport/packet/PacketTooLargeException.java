package org.sshstack.transport.packet;

import org.sshstack.SshProtocolException;

/**
 * A packet longer than the transport's cap: an incoming packet_length above it (RFC 4253 §6.1; OpenSSH refuses
 * more than 256 KiB before buffering), or an outgoing payload that would not fit. Maps to PROTOCOL_ERROR.
 */
public class PacketTooLargeException extends SshProtocolException {

    private static final long serialVersionUID = 1L;

    /** @param message the length and the cap */
    public PacketTooLargeException(String message) {
        super(message);
    }
}
