package org.sshstack.transport.kex;

import java.math.BigInteger;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;

/**
 * SSH_MSG_KEXDH_REPLY (RFC 4253 §8): {@code byte 31, string K_S, mpint f, string signature of H}. Fields, encoding, equality
 * and checks are in {@link DhReply}; {@link #hostKey()} and {@link #signature()} copy out.
 */
public final class KexDhReply extends DhReply {

    /**
     * Copies and checks the fields.
     *
     * @param hostKey K_S, the server's public host key blob (copied in)
     * @param f the server's public value, positive
     * @param signature the signature blob over the exchange hash (copied in)
     */
    public KexDhReply(byte[] hostKey, BigInteger f, byte[] signature) {
        super(MessageNumbers.KEXDH_REPLY, hostKey, f, signature);
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEXDH_REPLY
     */
    public static KexDhReply decode(byte[] payload) throws SshProtocolException {
        return DhReply.decode(payload, MessageNumbers.KEXDH_REPLY, "SSH_MSG_KEXDH_REPLY", KexDhReply::new);
    }
}
