package org.sshstack.transport.kex;

import java.math.BigInteger;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_DH_GEX_INIT (RFC 4419 §3): {@code byte 32, mpint e}.
 *
 * @param e the client's public value, positive
 */
public record GexInit(BigInteger e) {

    /** Requires a positive e. */
    public GexInit {
        Objects.requireNonNull(e, "e");
        if (e.signum() <= 0) {
            throw new IllegalArgumentException("e must be positive");
        }
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_DH_GEX_INIT} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_DH_GEX_INIT).writeMpint(e).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_DH_GEX_INIT
     */
    public static GexInit decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_DH_GEX_INIT, "SSH_MSG_KEX_DH_GEX_INIT");
        BigInteger e = KexPayloads.readPositive(in, "e");
        in.expectEnd();
        return new GexInit(e);
    }
}
