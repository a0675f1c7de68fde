package org.sshstack.transport.kex;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.wire.SshReader;

/**
 * The one implementation behind SSH_MSG_KEXDH_REPLY (RFC 4253 §8, {@link KexDhReply}) and SSH_MSG_KEX_DH_GEX_REPLY
 * (RFC 4419 §3, {@link GexReply}), which share the layout {@code string K_S, mpint f, string signature of H} and
 * differ only in their message number. Immutable; two messages are equal when they are of the same type and carry
 * the same fields.
 */
abstract class DhReply {

    /** Builds a message from decoded fields. */
    interface Factory<T extends DhReply> {
        /**
         * @param hostKey K_S
         * @param f the server's public value
         * @param signature the signature blob
         * @return the message
         */
        T create(byte[] hostKey, BigInteger f, byte[] signature);
    }

    private final int number;
    private final byte[] hostKey;
    private final BigInteger f;
    private final byte[] signature;

    /** Copies and checks the fields. */
    DhReply(int number, byte[] hostKey, BigInteger f, byte[] signature) {
        this.number = number;
        this.hostKey = Values.checkBlob(hostKey, KexPayloads.MAX_HOST_KEY, "K_S");
        Objects.requireNonNull(f, "f");
        if (f.signum() <= 0) {
            throw new IllegalArgumentException("f must be positive");
        }
        this.f = f;
        this.signature = Values.checkBlob(signature, KexPayloads.MAX_SIGNATURE, "signature");
    }

    static <T extends DhReply> T decode(byte[] payload, int number, String what, Factory<T> factory)
            throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, number, what);
        byte[] hostKey = KexPayloads.readHostKey(in);
        BigInteger f = KexPayloads.readPositive(in, "f");
        byte[] signature = KexPayloads.readSignature(in);
        in.expectEnd();
        return factory.create(hostKey, f, signature);
    }

    /** @return a copy of K_S, the server's public host key blob */
    public final byte[] hostKey() {
        return hostKey.clone();
    }

    /** @return f, the server's public value, positive */
    public final BigInteger f() {
        return f;
    }

    /** @return a copy of the signature blob over the exchange hash */
    public final byte[] signature() {
        return signature.clone();
    }

    /** @return the payload, its first byte the message number of this type */
    public final byte[] encode() {
        return KexPayloads.start(number).writeString(hostKey).writeMpint(f).writeString(signature).toByteArray();
    }

    /** @return whether the other object is of the same type and carries the same fields */
    @Override
    public final boolean equals(Object other) {
        return other instanceof DhReply that && that.getClass() == getClass() && Arrays.equals(hostKey, that.hostKey)
                && f.equals(that.f) && Arrays.equals(signature, that.signature);
    }

    /** @return a hash of the fields */
    @Override
    public final int hashCode() {
        return (Arrays.hashCode(hostKey) * 31 + f.hashCode()) * 31 + Arrays.hashCode(signature);
    }

    /** @return the type and the field sizes */
    @Override
    public final String toString() {
        return getClass().getSimpleName() + "[K_S " + hostKey.length + " bytes, f " + f.bitLength()
                + " bits, signature " + signature.length + " bytes]";
    }
}
