package org.sshstack.transport.kex;

import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_ECDH_REPLY (RFC 5656 §4): {@code byte 31, string K_S, string Q_S, string signature}; also
 * curve25519-sha256 (RFC 8731 §3).
 *
 * @param hostKey K_S, the server's public host key blob (copied in and out)
 * @param qs the server's ephemeral public key octet string (copied in and out)
 * @param signature the signature blob over the exchange hash (copied in and out)
 */
public record KexEcdhReply(byte[] hostKey, byte[] qs, byte[] signature) {

    /** Copies and checks the fields: none empty, each within the decoder's caps. */
    public KexEcdhReply {
        hostKey = Values.checkBlob(hostKey, KexPayloads.MAX_HOST_KEY, "K_S");
        qs = Values.check(qs, "Q_S");
        signature = Values.checkBlob(signature, KexPayloads.MAX_SIGNATURE, "signature");
    }

    /** @return a copy of K_S */
    @Override
    public byte[] hostKey() {
        return hostKey.clone();
    }

    /** @return a copy of Q_S */
    @Override
    public byte[] qs() {
        return qs.clone();
    }

    /** @return a copy of the signature blob */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_ECDH_REPLY} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_ECDH_REPLY)
                .writeString(hostKey).writeString(qs).writeString(signature).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_ECDH_REPLY
     */
    public static KexEcdhReply decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_ECDH_REPLY, "SSH_MSG_KEX_ECDH_REPLY");
        byte[] hostKey = KexPayloads.readHostKey(in);
        byte[] qs = KexPayloads.readValue(in, "Q_S");
        byte[] signature = KexPayloads.readSignature(in);
        in.expectEnd();
        return new KexEcdhReply(hostKey, qs, signature);
    }

    /** @return whether the other object carries the same fields */
    @Override
    public boolean equals(Object other) {
        return other instanceof KexEcdhReply that && Arrays.equals(hostKey, that.hostKey)
                && Arrays.equals(qs, that.qs) && Arrays.equals(signature, that.signature);
    }

    /** @return a hash of the fields */
    @Override
    public int hashCode() {
        return (Arrays.hashCode(hostKey) * 31 + Arrays.hashCode(qs)) * 31 + Arrays.hashCode(signature);
    }

    /** @return the field lengths */
    @Override
    public String toString() {
        return "KexEcdhReply[K_S " + hostKey.length + " bytes, Q_S " + qs.length + " bytes, signature "
                + signature.length + " bytes]";
    }
}
