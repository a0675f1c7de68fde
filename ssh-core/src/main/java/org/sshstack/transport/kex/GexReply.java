package org.sshstack.transport.kex;

import java.math.BigInteger;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;

/**
 * SSH_MSG_KEX_DH_GEX_REPLY (RFC 4419 §3): {@code byte 33, string K_S, mpint f, string signature of H}. Fields, encoding, equality
 * and checks are in {@link DhReply}; {@link #hostKey()} and {@link #signature()} copy out.
 */
public final class GexReply extends DhReply {

    /**
     * Copies and checks the fields.
     *
     * @param hostKey K_S, the server's public host key blob (copied in)
     * @param f the server's public value, positive
     * @param signature the signature blob over the exchange hash (copied in)
     */
    public GexReply(byte[] hostKey, BigInteger f, byte[] signature) {
        super(MessageNumbers.KEX_DH_GEX_REPLY, hostKey, f, signature);
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_DH_GEX_REPLY
     */
    public static GexReply decode(byte[] payload) throws SshProtocolException {
        return DhReply.decode(payload, MessageNumbers.KEX_DH_GEX_REPLY, "SSH_MSG_KEX_DH_GEX_REPLY", GexReply::new);
    }
}
