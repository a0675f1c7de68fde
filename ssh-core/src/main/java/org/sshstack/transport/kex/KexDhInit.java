package org.sshstack.transport.kex;

import java.math.BigInteger;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEXDH_INIT (RFC 4253 §8): {@code byte 30, mpint e}, for diffie-hellman-group14/16/18.
 *
 * @param e the client's public value, positive
 */
public record KexDhInit(BigInteger e) {

    /** Requires a positive e. */
    public KexDhInit {
        Objects.requireNonNull(e, "e");
        if (e.signum() <= 0) {
            throw new IllegalArgumentException("e must be positive");
        }
    }

    /** @return the payload, first byte {@link MessageNumbers#KEXDH_INIT} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEXDH_INIT).writeMpint(e).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEXDH_INIT
     */
    public static KexDhInit decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEXDH_INIT, "SSH_MSG_KEXDH_INIT");
        BigInteger e = KexPayloads.readPositive(in, "e");
        in.expectEnd();
        return new KexDhInit(e);
    }
}
