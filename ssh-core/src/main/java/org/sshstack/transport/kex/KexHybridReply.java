package org.sshstack.transport.kex;

import java.util.Arrays;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_HYBRID_REPLY (draft-ietf-sshm-mlkem-hybrid-kex-10 §2.1):
 * {@code byte 31, string K_S, string S_REPLY, string signature} with S_REPLY = S_CT2 || S_PK1; also sntrup761x25519.
 *
 * @param hostKey K_S, the server's public host key blob (copied in and out)
 * @param sReply the KEM ciphertext then the server's classical public value (copied in and out)
 * @param signature the signature blob over the exchange hash (copied in and out)
 */
public record KexHybridReply(byte[] hostKey, byte[] sReply, byte[] signature) {

    /** Copies and checks the fields: none empty, each within the decoder's caps. */
    public KexHybridReply {
        hostKey = Values.checkBlob(hostKey, KexPayloads.MAX_HOST_KEY, "K_S");
        sReply = Values.check(sReply, "S_REPLY");
        signature = Values.checkBlob(signature, KexPayloads.MAX_SIGNATURE, "signature");
    }

    /** @return a copy of K_S */
    @Override
    public byte[] hostKey() {
        return hostKey.clone();
    }

    /** @return a copy of S_REPLY */
    @Override
    public byte[] sReply() {
        return sReply.clone();
    }

    /** @return a copy of the signature blob */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_HYBRID_REPLY} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_HYBRID_REPLY)
                .writeString(hostKey).writeString(sReply).writeString(signature).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_HYBRID_REPLY
     */
    public static KexHybridReply decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_HYBRID_REPLY, "SSH_MSG_KEX_HYBRID_REPLY");
        byte[] hostKey = KexPayloads.readHostKey(in);
        byte[] sReply = KexPayloads.readValue(in, "S_REPLY");
        byte[] signature = KexPayloads.readSignature(in);
        in.expectEnd();
        return new KexHybridReply(hostKey, sReply, signature);
    }

    /** @return whether the other object carries the same fields */
    @Override
    public boolean equals(Object other) {
        return other instanceof KexHybridReply that && Arrays.equals(hostKey, that.hostKey)
                && Arrays.equals(sReply, that.sReply) && Arrays.equals(signature, that.signature);
    }

    /** @return a hash of the fields */
    @Override
    public int hashCode() {
        return (Arrays.hashCode(hostKey) * 31 + Arrays.hashCode(sReply)) * 31 + Arrays.hashCode(signature);
    }

    /** @return the field lengths */
    @Override
    public String toString() {
        return "KexHybridReply[K_S " + hostKey.length + " bytes, S_REPLY " + sReply.length + " bytes, signature "
                + signature.length + " bytes]";
    }
}
