package org.sshstack.transport.kex;

import java.math.BigInteger;
import java.util.Objects;
import org.sshstack.SshProtocolException;
import org.sshstack.crypto.kex.DhGroup;
import org.sshstack.wire.MessageNumbers;
import org.sshstack.wire.SshReader;

/**
 * SSH_MSG_KEX_DH_GEX_GROUP (RFC 4419 §3): {@code byte 31, mpint p, mpint g}. Decoding checks the shape only
 * (positive mpints of at most 16384 bits); the client validates the group with {@link DhGroup#of} and against its
 * request.
 *
 * @param p the safe prime
 * @param g the generator
 */
public record GexGroup(BigInteger p, BigInteger g) {

    /** Requires positive p and g. */
    public GexGroup {
        Objects.requireNonNull(p, "p");
        Objects.requireNonNull(g, "g");
        if (p.signum() <= 0 || g.signum() <= 0) {
            throw new IllegalArgumentException("p and g must be positive");
        }
    }

    /**
     * @param group a validated group
     * @return the message announcing it
     */
    public static GexGroup of(DhGroup group) {
        return new GexGroup(group.p(), group.g());
    }

    /** @return the payload, first byte {@link MessageNumbers#KEX_DH_GEX_GROUP} */
    public byte[] encode() {
        return KexPayloads.start(MessageNumbers.KEX_DH_GEX_GROUP).writeMpint(p).writeMpint(g).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed KEX_DH_GEX_GROUP
     */
    public static GexGroup decode(byte[] payload) throws SshProtocolException {
        SshReader in = KexPayloads.open(payload, MessageNumbers.KEX_DH_GEX_GROUP, "SSH_MSG_KEX_DH_GEX_GROUP");
        BigInteger p = KexPayloads.readPositive(in, "p");
        BigInteger g = KexPayloads.readPositive(in, "g");
        in.expectEnd();
        return new GexGroup(p, g);
    }

    /** @return the modulus size and generator */
    @Override
    public String toString() {
        return "GexGroup[" + p.bitLength() + " bits, g=" + g + "]";
    }
}
