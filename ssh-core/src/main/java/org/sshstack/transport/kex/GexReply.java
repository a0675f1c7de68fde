package org.sshstack.transport.kex;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_DH_GEX_REPLY (RFC 4419 §3): {@code byte 33, string K_S, mpint f, string signature of H}.
 *
 * @param hostKey K_S, the server's public host key blob (copied in and out)
 * @param f the server's public value, positive
 * @param signature the signature blob over the exchange hash (copied in and out)
 */
public record GexReply(byte[] hostKey, BigInteger f, byte[] signature) {

    /** Copies and checks the fields. */
    public GexReply {
        hostKey = Values.checkBlob(hostKey, KexPayloads.MAX_HOST_KEY, "K_S");
        Objects.requireNonNull(f, "f");
        if (f.signum() <= 0) {
            throw new IllegalArgumentException("f must be positive");
        }
        signature = Values.checkBlob(signature, KexPayloads.MAX_SIGNATURE, "signature");
    }

    /** @return a copy of K_S */
    @Override
    public byte[] hostKey() {
        return hostKey.clone();
    }

    /** @return a copy of the signature blob */
    @Override
    public byte[] signature() {
        return signature.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_DH_GEX_REPLY} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_DH_GEX_REPLY)
                .writeString(hostKey).writeMpint(f).writeString(signature).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_DH_GEX_REPLY
     */
    public static GexReply decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_DH_GEX_REPLY, "SSH_MSG_KEX_DH_GEX_REPLY");
        byte[] hostKey = KexPayloads.readHostKey(in);
        BigInteger f = KexPayloads.readPositive(in, "f");
        byte[] signature = KexPayloads.readSignature(in);
        in.expectEnd();
        return new GexReply(hostKey, f, signature);
    }

    /** @return whether the other object carries the same fields */
    @Override
    public boolean equals(Object other) {
        return other instanceof GexReply that && Arrays.equals(hostKey, that.hostKey) && f.equals(that.f)
                && Arrays.equals(signature, that.signature);
    }

    /** @return a hash of the fields */
    @Override
    public int hashCode() {
        return (Arrays.hashCode(hostKey) * 31 + f.hashCode()) * 31 + Arrays.hashCode(signature);
    }

    /** @return the field sizes */
    @Override
    public String toString() {
        return "GexReply[K_S " + hostKey.length + " bytes, f " + f.bitLength() + " bits, signature "
                + signature.length + " bytes]";
    }
}
