package org.sshstack.transport.kex;

import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_DH_GEX_REQUEST (RFC 4419 §3): {@code byte 34, uint32 min, uint32 n, uint32 max}, sizes in bits.
 * Decoding only checks the shape; whether the sizes are acceptable is the server's decision
 * ({@link GexBounds}). The old request (number 30, n only) is not supported, as in OpenSSH.
 *
 * @param min the smallest modulus the client accepts
 * @param n the preferred modulus size
 * @param max the largest modulus the client accepts
 */
public record GexRequest(long min, long n, long max) {

    /** Requires each field to fit a uint32. */
    public GexRequest {
        requireUint32(min, "min");
        requireUint32(n, "n");
        requireUint32(max, "max");
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_DH_GEX_REQUEST} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_DH_GEX_REQUEST)
                .writeUint32(min).writeUint32(n).writeUint32(max).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_DH_GEX_REQUEST
     */
    public static GexRequest decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_DH_GEX_REQUEST, "SSH_MSG_KEX_DH_GEX_REQUEST");
        long min = in.readUint32();
        long n = in.readUint32();
        long max = in.readUint32();
        in.expectEnd();
        return new GexRequest(min, n, max);
    }

    private static void requireUint32(long value, String what) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(what + " must fit a uint32");
        }
    }
}
