package org.sshstack.wire;

import java.util.Arrays;
import org.sshstack.SshProtocolException;

/**
 * SSH_MSG_IGNORE (RFC 4253 §11.2): arbitrary data the receiver must drop.
 *
 * @param data the data (copied in and out)
 */
public record Ignore(byte[] data) {

    /** Copies the data. */
    public Ignore {
        data = data.clone();
    }

    /** @return a copy of the data */
    @Override
    public byte[] data() {
        return data.clone();
    }

    /** @return the payload, first byte {@link MessageNumbers#IGNORE} */
    public byte[] encode() {
        return Payloads.start(MessageNumbers.IGNORE).writeString(data).toByteArray();
    }

    /**
     * @param payload a whole payload
     * @return the message
     * @throws SshProtocolException if the payload is not exactly a well-formed IGNORE
     */
    public static Ignore decode(byte[] payload) throws SshProtocolException {
        SshReader in = Payloads.open(payload, MessageNumbers.IGNORE);
        byte[] data = in.readString();
        in.expectEnd();
        return new Ignore(data);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Ignore that && Arrays.equals(data, that.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Ignore[" + data.length + " bytes]";
    }
}
